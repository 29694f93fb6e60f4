// `npm start`: database, migrations, demo data on first run, build when needed, then serve.
import { spawn } from "node:child_process";
import { ensureDatabaseServer } from "./db/server";
import { applyMigrations } from "./db/migrate";
import { appUrlFor, ownerUrlFor } from "./db/roles";
import { appEnvironment, localSecrets, ROOT, applyLocalFieldKey } from "./secrets";
import { buildApp } from "./build";
import { createPrismaClient } from "@/lib/db/client";
import { seedDemo, DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/seed/demo";
import { DEMO_TOTP_SECRET } from "@/lib/auth/demo-totp";
import { totpAt } from "@/lib/auth/totp";

const log = (line: string) => console.log(`[liaison] ${line}`);
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

async function main() {
  const externalDatabase = Boolean(process.env.DATABASE_URL);
  log(
    externalDatabase
      ? "Using the PostgreSQL server in DATABASE_URL."
      : "Starting the embedded PostgreSQL server…",
  );
  const server = await ensureDatabaseServer({ purpose: "app", log });
  let stopping = false;
  let child: ReturnType<typeof spawn> | undefined;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log("Stopping…");
    // A Ctrl-C in a terminal reaches the app server too: it may have exited already, by
    // signal (signalCode) rather than with a code, and would never report its exit again.
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => child?.once("exit", r));
    }
    try {
      await server.stop();
      log("Stopped cleanly.");
    } catch (error) {
      console.error(`[liaison] ${error instanceof Error ? error.message : String(error)}`);
      code = code || 1;
    }
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

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
    child = spawn("npx", ["next", "start", "-p", String(port), "-H", host], {
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
    console.error(error instanceof Error ? error.message : error);
    await shutdown(1);
  }
}

// A failure before the app is up (the database cannot start, say) is told as a message, not
// a stack trace: the messages above say what to do.
main().catch((error: unknown) => {
  console.error(`[liaison] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

// `npm start`: database, migrations, demo data on first run, build when needed, then serve.
import { spawn } from "node:child_process";
import { ensureDatabaseServer } from "./db/server";
import { applyMigrations } from "./db/migrate";
import { appEnvironment, ROOT } from "./secrets";
import { buildApp } from "./build";
import { createPrismaClient } from "@/lib/db/client";
import { seedDemo, DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/seed/demo";

const log = (line: string) => console.log(`[liaison] ${line}`);
const port = Number(process.env.PORT ?? 3000);
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
    const { applied } = await applyMigrations(server.url, { log });
    log(applied.length ? `Applied ${applied.length} migration(s).` : "Database schema is up to date.");

    if (!externalDatabase) {
      const client = createPrismaClient(server.url, 2);
      const result = await seedDemo(client, { log });
      await client.$disconnect();
      log(result.created ? "Loaded the demo data." : `Demo data not loaded: ${result.reason}.`);
    }

    const env = { ...appEnvironment(server.url), PORT: String(port) };
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
      if (!externalDatabase) {
        log(`Demo accounts (password ${DEMO_PASSWORD}):`);
        for (const a of DEMO_ACCOUNTS) log(`  ${a.email.padEnd(30)} ${a.role.padEnd(16)} ${a.organisation}`);
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

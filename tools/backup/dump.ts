// A logical backup written in Node over the ordinary protocol (docs/decisions/020).
//
// Backup: one REPEATABLE READ READ ONLY transaction (one snapshot for every table), each table
// read through a server-side cursor in batches as PostgreSQL's own text form of the row
// (`t::text`), which the same type's input function reads back exactly. The dump is a stream of
// JSON lines, never held whole in memory:
//   {"kind":"liaison-backup","version":1,"migrations":[…]}
//   {"table":"Name"}            then one JSON string per row, then {"end":"Name","rows":n}
//   {"done":true,"rows":{"Name":n,…}}
//
// Restore: the target database is migrated to the same migrations first (the schema comes
// from prisma/migrations, not from the dump), then every table is emptied and refilled in one
// transaction with triggers off (and, when not a superuser, the foreign keys re-added after), so the audit table's append-only and chain triggers and the
// dashboard summary triggers do not fire: rows come back exactly as they were, summaries
// included. Nothing is committed until the whole file has been read and its GCM tag checked.
import { once } from "node:events";
import { Readable, Writable } from "node:stream";
import pg from "pg";

export const DUMP_VERSION = 1;
const BATCH = 2000;

export type Progress = (line: string) => void;

type Line =
  | { kind: "liaison-backup"; version: number; migrations: string[] }
  | { table: string }
  | { end: string; rows: number }
  | { done: true; rows: Record<string, number> };

async function appliedMigrations(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ migration_name: string }>(
    `SELECT migration_name FROM _prisma_migrations
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((r) => r.migration_name);
}

// Parents before children (by foreign key), so a restore without replica mode can insert in order.
export async function tablesInOrder(client: pg.ClientBase): Promise<string[]> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'
      ORDER BY c.relname`,
  );
  const { rows: edges } = await client.query<{ child: string; parent: string }>(
    `SELECT ch.relname AS child, pa.relname AS parent FROM pg_constraint k
       JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = ch.relnamespace
      WHERE k.contype = 'f' AND n.nspname = current_schema() AND ch.oid <> pa.oid`,
  );
  const parents = new Map<string, Set<string>>(tables.map((t) => [t.name, new Set<string>()]));
  for (const e of edges) parents.get(e.child)?.add(e.parent);
  const ordered: string[] = [];
  const seen = new Set<string>();
  const visit = (name: string, path: Set<string>) => {
    if (seen.has(name) || path.has(name)) return;
    path.add(name);
    for (const p of parents.get(name) ?? []) visit(p, path);
    path.delete(name);
    seen.add(name);
    ordered.push(name);
  };
  for (const t of tables) visit(t.name, new Set());
  return ordered;
}

// The plaintext dump of the database at `ownerUrl`, as a stream of lines.
export function dumpStream(ownerUrl: string, progress: Progress = () => undefined): Readable {
  async function* lines(): AsyncGenerator<string> {
    const client = new pg.Client({ connectionString: ownerUrl });
    await client.connect();
    try {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      const migrations = await appliedMigrations(client);
      yield (
        JSON.stringify({ kind: "liaison-backup", version: DUMP_VERSION, migrations } satisfies Line) + "\n"
      );
      const counts: Record<string, number> = {};
      for (const table of await tablesInOrder(client)) {
        const ident = client.escapeIdentifier(table);
        yield JSON.stringify({ table } satisfies Line) + "\n";
        await client.query(`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT t::text AS r FROM ${ident} t`);
        let n = 0;
        for (;;) {
          const { rows } = await client.query<{ r: string }>(`FETCH ${BATCH} FROM backup_rows`);
          if (rows.length === 0) break;
          let chunk = "";
          for (const row of rows) chunk += JSON.stringify(row.r) + "\n";
          yield chunk;
          n += rows.length;
          if (n % (BATCH * 10) === 0) progress(`  ${table}: ${n} rows…`);
        }
        await client.query("CLOSE backup_rows");
        counts[table] = n;
        progress(`${table}: ${n} rows`);
        yield JSON.stringify({ end: table, rows: n } satisfies Line) + "\n";
      }
      yield JSON.stringify({ done: true, rows: counts } satisfies Line) + "\n";
      await client.query("COMMIT");
    } finally {
      await client.end();
    }
  }
  return Readable.from(lines(), { objectMode: false });
}

// A writable that reads a dump and loads it into the (already migrated) database through
// `client`, inside the transaction the caller opened. `finished()` gives the row counts once
// the trailer has been read; a dump without its trailer is refused.
export function loadSink(
  client: pg.ClientBase,
  expectedMigrations: string[],
  progress: Progress = () => undefined,
): Writable & { finished(): Record<string, number> } {
  let rest = "";
  let table: string | null = null;
  let batch: string[] = [];
  let count = 0;
  let trailer: Record<string, number> | null = null;
  const loaded: Record<string, number> = {};

  const flush = async () => {
    if (!table || batch.length === 0) return;
    const ident = client.escapeIdentifier(table);
    await client.query(
      `INSERT INTO ${ident} SELECT (x).* FROM (SELECT r::${ident} AS x FROM unnest($1::text[]) AS r) s`,
      [batch],
    );
    batch = [];
  };

  const handle = async (text: string) => {
    if (text.startsWith('"')) {
      if (!table) throw new Error("Backup is malformed: a row outside any table.");
      batch.push(JSON.parse(text) as string);
      count += 1;
      if (batch.length >= BATCH) await flush();
      return;
    }
    const line = JSON.parse(text) as Line;
    if ("kind" in line) {
      if (line.version !== DUMP_VERSION)
        throw new Error(`Backup dump version ${line.version} is not supported.`);
      const want = expectedMigrations.join(",");
      if (line.migrations.join(",") !== want)
        throw new Error(
          "The backup was taken at a different schema version than this code's migrations; restore it with the " +
            `release that made it (backup's last migration: ${line.migrations.at(-1) ?? "none"}).`,
        );
    } else if ("table" in line) {
      table = line.table;
      count = 0;
    } else if ("end" in line) {
      await flush();
      if (line.rows !== count)
        throw new Error(`Backup is malformed: ${line.end} announced ${line.rows} rows.`);
      loaded[line.end] = count;
      progress(`${line.end}: ${count} rows`);
      table = null;
    } else if ("done" in line) {
      trailer = line.rows;
    }
  };

  const sink = new Writable({
    async write(chunk: Buffer, _enc, done) {
      try {
        rest += chunk.toString("utf8");
        let at: number;
        while ((at = rest.indexOf("\n")) >= 0) {
          const text = rest.slice(0, at);
          rest = rest.slice(at + 1);
          if (text) await handle(text);
        }
        done();
      } catch (e) {
        done(e as Error);
      }
    },
    async final(done) {
      try {
        if (rest) await handle(rest);
        done();
      } catch (e) {
        done(e as Error);
      }
    },
  }) as Writable & { finished(): Record<string, number> };
  sink.finished = () => {
    if (!trailer) throw new Error("Backup is truncated: its closing line is missing.");
    return loaded;
  };
  return sink;
}

export async function waitFor(stream: Writable): Promise<void> {
  if (!stream.writableFinished) await once(stream, "finish");
}

// Empties every table of the migrated target and switches triggers and foreign-key checks
// off for this transaction. Replica mode (a superuser, or SET granted on PostgreSQL 15+) skips
// every ordinary trigger including the foreign-key ones. Without it — the usual case on a
// managed server, where the restore runs as the database's owner, not a superuser — user
// triggers are disabled table by table (the owner may) and the foreign keys are dropped here
// and added back by `enableTriggers`, which checks every row against them at once: a table
// that refers to itself (an organisation's parent) then loads in any row order.
export type PreparedTarget = { mode: "replica" | "ordered"; foreignKeys: ForeignKey[] };
type ForeignKey = { table: string; name: string; definition: string };

export async function prepareTarget(client: pg.ClientBase, tables: string[]): Promise<PreparedTarget> {
  let mode: "replica" | "ordered" = "replica";
  await client.query("SAVEPOINT replica");
  try {
    await client.query("SET LOCAL session_replication_role = replica");
    await client.query("RELEASE SAVEPOINT replica");
  } catch {
    await client.query("ROLLBACK TO SAVEPOINT replica");
    mode = "ordered";
  }
  let foreignKeys: ForeignKey[] = [];
  if (mode === "ordered") {
    const { rows } = await client.query<ForeignKey>(
      `SELECT c.relname AS table, k.conname AS name, pg_get_constraintdef(k.oid) AS definition
         FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE k.contype = 'f' AND n.nspname = current_schema()
        ORDER BY c.relname, k.conname`,
    );
    foreignKeys = rows;
    for (const fk of foreignKeys)
      await client.query(
        `ALTER TABLE ${client.escapeIdentifier(fk.table)} DROP CONSTRAINT ${client.escapeIdentifier(fk.name)}`,
      );
  }
  for (const t of tables)
    await client.query(`ALTER TABLE ${client.escapeIdentifier(t)} DISABLE TRIGGER USER`);
  await client.query(`TRUNCATE ${tables.map((t) => client.escapeIdentifier(t)).join(", ")}`);
  return { mode, foreignKeys };
}

// Switches the triggers back on and restores the foreign keys `prepareTarget` dropped, each
// validated against every restored row (a broken reference fails the restore).
export async function enableTriggers(
  client: pg.ClientBase,
  tables: string[],
  prepared: PreparedTarget,
): Promise<void> {
  for (const t of tables) await client.query(`ALTER TABLE ${client.escapeIdentifier(t)} ENABLE TRIGGER USER`);
  for (const fk of prepared.foreignKeys)
    await client.query(
      `ALTER TABLE ${client.escapeIdentifier(fk.table)} ADD CONSTRAINT ${client.escapeIdentifier(fk.name)} ${fk.definition}`,
    );
}

export { appliedMigrations };

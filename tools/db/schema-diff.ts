// Compares what the migrations build with what schema.prisma describes, using the schema
// engine's `diff`. The result is the SQL that would close the gap: the body of a new
// migration, and an empty string when migrations and schema agree (the drift check).
import { LOCKFILE_CONTENT, readMigrationList } from "./migrations-dir";
import { noFilters, readAppSchema, withSchemaEngine, type SchemaFile } from "./schema-engine";
import { dirname } from "node:path";
import type { DiffTarget } from "@prisma/schema-engine-wasm/schema_engine_bg";

// The engine writes this instead of nothing when there is no difference.
const EMPTY_MIGRATION = "-- This is an empty migration.";

interface DiffOptions {
  schema?: SchemaFile;
  migrationsDir?: string;
}

// The offline equivalent of `prisma migrate dev --create-only`. `scratchDatabaseUrl` must
// name an empty database: the engine replays every migration there, then inspects it.
export async function diffMigrationsToSchema(
  scratchDatabaseUrl: string,
  opts: DiffOptions = {},
): Promise<string> {
  const migrations = await readMigrationList(opts.migrationsDir);
  // Before the first migration there is no lockfile, but the engine must still be told the
  // provider, so lend it the content that will be written.
  migrations.lockfile.content ??= LOCKFILE_CONTENT;
  return diffToSchema(scratchDatabaseUrl, { tag: "migrations", ...migrations }, opts);
}

// What a live database lacks (or has too much of) compared with schema.prisma. The engine
// refuses `{ tag: "url" }` nowadays; a "schema datasource" whose schema names no URL means
// the database behind the adapter, which is `databaseUrl`. The engine leaves its own
// `_prisma_migrations` table out of the comparison.
export async function diffDatabaseToSchema(databaseUrl: string, opts: DiffOptions = {}): Promise<string> {
  const schema = opts.schema ?? readAppSchema();
  return diffToSchema(
    databaseUrl,
    { tag: "schemaDatasource", files: [schema], configDir: dirname(schema.path) },
    opts,
  );
}

async function diffToSchema(databaseUrl: string, from: DiffTarget, opts: DiffOptions): Promise<string> {
  const schema = opts.schema ?? readAppSchema();
  const result = await withSchemaEngine(
    databaseUrl,
    (engine) =>
      engine.diff({
        from,
        to: { tag: "schemaDatamodel", files: [schema] },
        script: true,
        exitCode: null,
        filters: noFilters,
      }),
    { schema },
  );
  const script = (result.stdout ?? "").trim();
  return script === "" || script === EMPTY_MIGRATION ? "" : `${script}\n`;
}

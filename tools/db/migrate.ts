// Applies pending migrations with the schema engine's own `applyMigrations`, the command
// behind `prisma migrate deploy`. It records each one in `_prisma_migrations` exactly as the
// CLI would (so `prisma migrate status` stays truthful), takes PostgreSQL's advisory lock so
// two processes cannot migrate at once, and refuses to go on past a failed migration. Then it
// grants the runtime role what it needs on every table (tools/db/roles.ts).
import { readMigrationList } from "./migrations-dir";
import { noFilters, withSchemaEngine } from "./schema-engine";
import { applyRuntimeGrants } from "./roles";

export async function applyMigrations(
  databaseUrl: string,
  opts: { log?: (line: string) => void; migrationsDir?: string } = {},
): Promise<{ applied: string[] }> {
  const log = opts.log ?? (() => undefined);
  const migrationsList = await readMigrationList(opts.migrationsDir);
  if (migrationsList.migrationDirectories.length === 0) {
    log("No migrations found in prisma/migrations.");
    return { applied: [] };
  }
  const { appliedMigrationNames } = await withSchemaEngine(databaseUrl, (engine) =>
    engine.applyMigrations({ migrationsList, filters: noFilters }),
  );
  for (const name of appliedMigrationNames) log(`Applied migration ${name}`);
  // Tables a migration added need the runtime role's grants too (docs/decisions/016).
  await applyRuntimeGrants(databaseUrl);
  return { applied: appliedMigrationNames };
}

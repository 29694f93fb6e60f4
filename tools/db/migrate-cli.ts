// `npm run db:migrate`: applies pending migrations as the owner: the database named by
// DATABASE_OWNER_URL, or DATABASE_URL when the roles are not split (docs/decisions/016).
import { applyMigrations } from "./migrate";
import { redact } from "./server";

const url = process.env.DATABASE_OWNER_URL || process.env.DATABASE_URL;
if (!url) {
  console.error(
    "DATABASE_URL is not set, so there is no database to migrate. Set it to the PostgreSQL server, e.g.\n" +
      "  DATABASE_URL=postgresql://USER:PASSWORD@HOST:5432/liaison npm run db:migrate",
  );
  process.exit(1);
}

const started = performance.now();
try {
  const { applied } = await applyMigrations(url, { log: (line) => console.log(line) });
  const ms = Math.round(performance.now() - started);
  console.log(
    applied.length === 0
      ? `${redact(url)} is up to date: no pending migrations (${ms} ms).`
      : `Applied ${applied.length} migration(s) to ${redact(url)} in ${ms} ms.`,
  );
} catch (error) {
  console.error(`Migrating ${redact(url)} failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

// Reads prisma/migrations the way the Prisma CLI does before it calls the schema engine:
// every sub-folder is a migration, in name order, whose script is `migration.sql`, plus the
// `migration_lock.toml` that names the provider.
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { MigrationList } from "@prisma/schema-engine-wasm/schema_engine_bg";

export const migrationsDir = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

const LOCKFILE = "migration_lock.toml";
const SCRIPT = "migration.sql";

// Our own wording; the engine only reads the provider line (and refuses a mismatch).
export const LOCKFILE_CONTENT = `# Written by tools/db. Keep it in version control: it pins the migrations to PostgreSQL.
provider = "postgresql"
`;

export async function readMigrationList(baseDir = migrationsDir): Promise<MigrationList> {
  const lockfileContent = await readFile(join(baseDir, LOCKFILE), "utf8").catch(() => null);
  const entries = await readdir(baseDir, { withFileTypes: true }).catch(() => []);
  const folders = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b));
  const migrationDirectories = await Promise.all(
    folders.map(async (name) => ({
      path: name,
      migrationFile: {
        path: SCRIPT,
        // A folder without a script is reported by the engine, with its name, not skipped.
        content: await readFile(join(baseDir, name, SCRIPT), "utf8").then(
          (value) => ({ tag: "ok" as const, value }),
          (error: Error) => ({ tag: "error" as const, value: error.message }),
        ),
      },
    })),
  );
  return {
    baseDir,
    lockfile: { path: LOCKFILE, content: lockfileContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

// Writes `<baseDir>/<folder>/migration.sql`, and the lockfile when there is none yet.
export async function writeMigration(
  folder: string,
  script: string,
  baseDir = migrationsDir,
): Promise<string> {
  const dir = join(baseDir, folder);
  await mkdir(dir, { recursive: true });
  const file = join(dir, SCRIPT);
  await writeFile(file, script, { flag: "wx" });
  await writeFile(join(baseDir, LOCKFILE), LOCKFILE_CONTENT, { flag: "wx" }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code !== "EEXIST") throw error;
    },
  );
  return file;
}

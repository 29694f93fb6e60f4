// Migrating an empty database must give exactly the schema that schema.prisma describes,
// and applying migrations must be safe to repeat and leave Prisma's usual history behind.
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { applyMigrations } from "./migrate";
import { LOCKFILE_CONTENT, migrationsDir, readMigrationList } from "./migrations-dir";
import { noFilters, readAppSchema, withSchemaEngine, type SchemaFile } from "./schema-engine";
import { diffDatabaseToSchema, diffMigrationsToSchema } from "./schema-diff";
import {
  createDatabase,
  dropDatabase,
  ensureDatabaseServer,
  withDatabase,
  type DatabaseServer,
} from "./server";

const runId = randomBytes(4).toString("hex");
const created: string[] = [];
let adminUrl: string;
let server: DatabaseServer | undefined;

beforeAll(async () => {
  // Under `npm test` the test server is already running and named here; run alone, use
  // DATABASE_URL or start the embedded test server.
  const given = process.env.TEST_ADMIN_DATABASE_URL ?? process.env.DATABASE_URL;
  if (given) {
    adminUrl = given;
  } else {
    server = await ensureDatabaseServer({ purpose: "test" });
    adminUrl = server.url;
  }
}, 60_000);

afterAll(async () => {
  for (const name of created) await dropDatabase(adminUrl, name);
  await server?.stop();
}, 60_000);

async function emptyDatabase(label: string): Promise<string> {
  const name = `liaison_dbtools_${label}_${runId}`;
  await createDatabase(adminUrl, name);
  created.push(name);
  return withDatabase(adminUrl, name);
}

// schema.prisma with one more column, edited in memory only.
function schemaWithExtraField(): SchemaFile {
  const schema = readAppSchema();
  const content = schema.content.replace(/^model User \{$/m, "model User {\n  driftCheck String?");
  expect(content).not.toBe(schema.content);
  return { ...schema, content };
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("migrations match schema.prisma", { timeout: 60_000 }, () => {
  test("replaying the migrations on an empty database leaves nothing to add", async () => {
    expect(await diffMigrationsToSchema(await emptyDatabase("replay"))).toBe("");
  });

  test("a database migrated by applyMigrations is exactly the schema", async () => {
    const url = await emptyDatabase("applied");
    await applyMigrations(url);
    expect(await diffDatabaseToSchema(url)).toBe("");
  });

  test("the check fails when the schema has a field the migrations lack", async () => {
    const schema = schemaWithExtraField();
    // Only the new column, which also shows each diff really read the migrated tables.
    const onlyTheNewColumn = /^-- AlterTable\nALTER TABLE "User" ADD COLUMN\s+"driftCheck" TEXT;\n$/;
    expect(await diffMigrationsToSchema(await emptyDatabase("drift"), { schema })).toMatch(onlyTheNewColumn);

    const url = await emptyDatabase("driftdb");
    await applyMigrations(url);
    expect(await diffDatabaseToSchema(url, { schema })).toMatch(onlyTheNewColumn);
  });
});

describe("applyMigrations", { timeout: 60_000 }, () => {
  test("applies every migration once, records it as finished, and then has nothing to do", async () => {
    const url = await emptyDatabase("idem");
    const folders = (await readMigrationList()).migrationDirectories.map((m) => m.path);
    expect(folders.length).toBeGreaterThan(0);

    expect((await applyMigrations(url)).applied).toEqual(folders);
    expect((await applyMigrations(url)).applied).toEqual([]);

    const rows = await query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
      applied_steps_count: number;
    }>(url, "SELECT * FROM _prisma_migrations ORDER BY migration_name");
    expect(rows.map((r) => r.migration_name)).toEqual(folders);
    for (const row of rows) {
      const script = await readFile(join(migrationsDir, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(script).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }

    // What `prisma migrate status` asks the engine: no pending, failed or edited migrations.
    const status = await withSchemaEngine(url, async (engine) =>
      engine.diagnoseMigrationHistory({
        migrationsList: await readMigrationList(),
        optInToShadowDatabase: false,
        filters: noFilters,
      }),
    );
    expect(status).toMatchObject({ history: null, failedMigrationNames: [], editedMigrationNames: [] });
  });

  test("two processes migrating at once apply each migration exactly once", async () => {
    const url = await emptyDatabase("race");
    const results = await Promise.all([applyMigrations(url), applyMigrations(url)]);
    const folders = (await readMigrationList()).migrationDirectories.map((m) => m.path);
    expect(results.flatMap((r) => r.applied).sort()).toEqual(folders);
  });

  describe("with hand-written migrations", () => {
    let dir: string;

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), "liaison-migrations-"));
      await writeFile(join(dir, "migration_lock.toml"), LOCKFILE_CONTENT);
    });

    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    async function addMigration(name: string, sql: string): Promise<void> {
      await mkdir(join(dir, name));
      await writeFile(join(dir, name, "migration.sql"), sql);
    }

    test("semicolons inside strings and DO blocks do not split statements", async () => {
      await addMigration(
        "20000101000000_semicolons",
        `CREATE TABLE "Note" ("id" TEXT NOT NULL DEFAULT 'a;b');\n` +
          `DO $$ BEGIN INSERT INTO "Note" DEFAULT VALUES; INSERT INTO "Note" VALUES ('c;d'); END $$;\n`,
      );
      const url = await emptyDatabase("semi");
      expect((await applyMigrations(url, { migrationsDir: dir })).applied).toEqual([
        "20000101000000_semicolons",
      ]);
      const rows = await query<{ id: string }>(url, `SELECT "id" FROM "Note" ORDER BY "id"`);
      expect(rows.map((r) => r.id)).toEqual(["a;b", "c;d"]);
    });

    test("a failing migration leaves no half-applied changes and blocks later runs", async () => {
      await addMigration("20000102000000_broken", `CREATE TABLE "Half" ("id" INT);\nSELECT 1 / 0;\n`);
      const url = await emptyDatabase("broken");
      await expect(applyMigrations(url, { migrationsDir: dir })).rejects.toThrow(/division by zero/);
      const tables = await query(url, `SELECT 1 FROM pg_tables WHERE tablename = 'Half'`);
      expect(tables).toEqual([]);
      // As with `prisma migrate deploy`, a failed migration must be resolved by a person.
      await expect(applyMigrations(url, { migrationsDir: dir })).rejects.toThrow(/20000102000000_broken/);
    });
  });
});

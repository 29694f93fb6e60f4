// `npm run db:migration:create -- <name>`: writes the SQL that brings the committed
// migrations up to prisma/schema.prisma as a new migration folder, without touching any
// real database (the comparison runs in a scratch database that is dropped afterwards).
import { randomBytes } from "node:crypto";
import { relative } from "node:path";
import { diffMigrationsToSchema } from "./schema-diff";
import { writeMigration } from "./migrations-dir";
import { createDatabase, dropDatabase, ensureDatabaseServer, withDatabase } from "./server";

function migrationName(raw: string | undefined): string | undefined {
  const name = (raw ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 60);
  return name || undefined;
}

// Prisma's folder prefix: the UTC time as YYYYMMDDHHMMSS, so folders sort in creation order.
function timestamp(now = new Date()): string {
  return now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

async function diffInScratchDatabase(): Promise<string> {
  // The test server, not the app's: a scratch database is throwaway, and this way the
  // command also works while `npm start` holds the app's embedded server.
  const server = await ensureDatabaseServer({ purpose: "test", log: (line) => console.log(line) });
  const scratch = `liaison_scratch_${randomBytes(6).toString("hex")}`;
  try {
    await createDatabase(server.url, scratch);
    try {
      return await diffMigrationsToSchema(withDatabase(server.url, scratch));
    } finally {
      await dropDatabase(server.url, scratch);
    }
  } finally {
    await server.stop();
  }
}

async function main(): Promise<number> {
  const name = migrationName(process.argv[2]);
  if (!name) {
    console.error("Name the migration, e.g. npm run db:migration:create -- add_referral_notes");
    return 1;
  }
  const script = await diffInScratchDatabase();
  if (!script) {
    console.log("no changes: prisma/migrations already matches prisma/schema.prisma");
    return 0;
  }
  const file = await writeMigration(`${timestamp()}_${name}`, script);
  console.log(`Wrote ${relative(process.cwd(), file)}; read it, then apply it with npm run db:migrate.`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

// `npm run db:seed -- --demo`: loads the synthetic demo data into the database named by
// DATABASE_URL. The flag is required so that nobody seeds a database by accident.
import { createPrismaClient } from "@/lib/db/client";
import { applyLocalFieldKey } from "./secrets";
import { Prisma } from "@/lib/generated/prisma/client";
import { ALREADY_SEEDED, seedDemo } from "@/prisma/seed/demo";

const USAGE = `Usage: LIAISON_DEMO=1 npm run db:seed -- --demo

Loads the synthetic demo data (organisations, accounts, people, 86 reports, contacts and
referrals) into the PostgreSQL database in DATABASE_URL. It runs only on a database with no
real data, and only once: a second run reports "already seeded" and changes nothing. It runs
only in demo mode (LIAISON_DEMO=1), never with NODE_ENV=production; run that instance with
LIAISON_DEMO=1 too, or the demo accounts cannot sign in.`;

async function main(args: string[]): Promise<number> {
  if (args.length !== 1 || args[0] !== "--demo") {
    console.error(USAGE);
    return 1;
  }
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(
      "DATABASE_URL is not set. Set it to the database to seed, for example:\n" +
        "  DATABASE_URL=postgresql://user@localhost:5432/liaison npm run db:seed -- --demo",
    );
    return 1;
  }
  applyLocalFieldKey();
  const client = createPrismaClient(url, 2);
  const started = performance.now();
  try {
    const result = await seedDemo(client, { log: (line) => console.log(line) });
    if (result.created) {
      console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
      return 0;
    }
    if (result.reason === ALREADY_SEEDED) {
      console.log("Demo data is already loaded; nothing changed.");
      return 0;
    }
    console.error(`Demo data not loaded: ${result.reason}.`);
    return 1;
  } catch (error) {
    // Most often the schema is missing: say what to do rather than print a stack.
    const missingTables = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2021";
    const detail = missingTables
      ? "the database has no Liaison tables yet"
      : error instanceof Error
        ? error.message
        : String(error);
    console.error(`Demo data not loaded: ${detail}.`);
    console.error("Check that the database exists and is migrated (npm run db:migrate).");
    return 1;
  } finally {
    await client.$disconnect();
  }
}

process.exitCode = await main(process.argv.slice(2));

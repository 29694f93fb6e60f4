// `npm run db:seed:large -- --reports 1000000`: a large synthetic data set, generated
// inside PostgreSQL, for trying the dashboard and the benchmark at scale.
import { redact } from "@/tools/db/server";
import { applyLocalFieldKey } from "@/tools/secrets";
import { parseSeedLargeArgs, USAGE } from "./args";
import { formatDuration } from "./progress";
import { seedLarge, SYNTHETIC_SUPERVISOR } from "./seed-large";

async function main(argv: string[]): Promise<number> {
  const args = parseSeedLargeArgs(argv);
  if ("error" in args) {
    console.error(`${args.error}\n\n${USAGE}`);
    return 1;
  }
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(
      "DATABASE_URL is not set. Set it to the (migrated) database to fill, for example:\n" +
        "  DATABASE_URL=postgresql://user@localhost:5432/liaison_large npm run db:seed:large -- --reports 1000000",
    );
    return 1;
  }
  console.log(`Seeding ${redact(url)}`);
  applyLocalFieldKey();
  try {
    const result = await seedLarge(url, { ...args, log: (line) => console.log(line) });
    if (!result.created) {
      const existing =
        result.existingReports === undefined
          ? ""
          : ` (${result.existingReports.toLocaleString("en-GB")} reports)`;
      console.error(`Nothing generated: the database ${result.reason}${existing}.`);
      return result.existingReports === undefined ? 1 : 0;
    }
    console.log(
      `Done: ${result.reports.toLocaleString("en-GB")} reports in ${formatDuration(result.seconds * 1000)}. ` +
        `Sign in as ${SYNTHETIC_SUPERVISOR} with the demo password to see them.`,
    );
    return 0;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "42P01" || code === "42883") {
      console.error(
        "The database has no Liaison tables yet, or an old schema: run npm run db:migrate first.",
      );
      return 1;
    }
    console.error(`Nothing generated: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));

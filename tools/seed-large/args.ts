// `npm run db:seed:large -- --reports 1000000 [--force]`.
export type SeedLargeArgs = { reports: number; force: boolean };

export const MAX_REPORTS = 10_000_000;

export const USAGE = `Usage: npm run db:seed:large -- --reports <count> [--force]

Generates a synthetic data set of <count> incident reports (1 to ${MAX_REPORTS.toLocaleString("en-GB")}) over
five years, with people, outcome trails, victim updates, liaison contacts and referrals,
in one synthetic liaison unit of the database in DATABASE_URL. Every row is marked as demo
data. It refuses a database holding real (non-demo) data unless given --force.`;

export function parseSeedLargeArgs(argv: readonly string[]): SeedLargeArgs | { error: string } {
  let reports: number | undefined;
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--force") force = true;
    else if (arg === "--reports" || arg.startsWith("--reports=")) {
      const raw = arg.includes("=") ? arg.slice("--reports=".length) : argv[++i];
      const value = Number(raw?.replaceAll("_", "").replaceAll(",", ""));
      if (!Number.isInteger(value) || value < 1 || value > MAX_REPORTS)
        return { error: `--reports must be a whole number from 1 to ${MAX_REPORTS}, not "${raw ?? ""}"` };
      reports = value;
    } else return { error: `Unknown argument "${arg}"` };
  }
  if (reports === undefined) return { error: "Say how many reports to generate with --reports" };
  return { reports, force };
}

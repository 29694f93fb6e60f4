// `npm run db:seed:large -- --reports 1000000 [--units 40] [--force]`.
export type SeedLargeArgs = { reports: number; units: number; force: boolean };

export const MAX_REPORTS = 10_000_000;
export const MAX_UNITS = 200;

export const USAGE = `Usage: npm run db:seed:large -- --reports <count> [--units <count>] [--force]

Generates a synthetic data set of <count> incident reports (1 to ${MAX_REPORTS.toLocaleString("en-GB")}) over
five years, with people, outcome trails, victim updates, liaison contacts and referrals,
in one synthetic liaison unit of the database in DATABASE_URL, or in each of --units units
(1 to ${MAX_UNITS}; e.g. --units 40 --reports 25000 for 40 units of 25,000 reports, at most
${MAX_REPORTS.toLocaleString("en-GB")} in all). Every row is marked as demo data. It refuses a database holding
real (non-demo) data unless given --force.`;

function wholeNumber(raw: string | undefined): number {
  return Number(raw?.replaceAll("_", "").replaceAll(",", ""));
}

export function parseSeedLargeArgs(argv: readonly string[]): SeedLargeArgs | { error: string } {
  let reports: number | undefined;
  let units = 1;
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const [flag] = arg.split("=");
    const raw = () => (arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : argv[++i]);
    if (arg === "--force") force = true;
    else if (flag === "--reports") {
      const given = raw();
      const value = wholeNumber(given);
      if (!Number.isInteger(value) || value < 1 || value > MAX_REPORTS)
        return { error: `--reports must be a whole number from 1 to ${MAX_REPORTS}, not "${given ?? ""}"` };
      reports = value;
    } else if (flag === "--units") {
      const given = raw();
      const value = wholeNumber(given);
      if (!Number.isInteger(value) || value < 1 || value > MAX_UNITS)
        return { error: `--units must be a whole number from 1 to ${MAX_UNITS}, not "${given ?? ""}"` };
      units = value;
    } else return { error: `Unknown argument "${arg}"` };
  }
  if (reports === undefined) return { error: "Say how many reports to generate with --reports" };
  if (reports * units > MAX_REPORTS)
    return { error: `--reports × --units must be at most ${MAX_REPORTS.toLocaleString("en-GB")}` };
  return { reports, units, force };
}

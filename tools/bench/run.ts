// The benchmark itself (see cli.ts). It measures the lib function that produces all of the
// dashboard page's figures, in this process, so the figures are the server's own work
// (every query, the transaction and the audit write) without rendering or the network.
import pg from "pg";
import { createPrismaClient, type Db } from "@/lib/db/client";
import type { CurrentUser } from "@/lib/auth/current-user";
import { getDashboard } from "@/lib/dashboard/queries";
import type { DashboardFilters } from "@/lib/dashboard/filters";
import { applyMigrations } from "@/tools/db/migrate";
import { createDatabase, dropDatabase, redact, withDatabase } from "@/tools/db/server";
import { seedLarge, SYNTHETIC_SUPERVISOR, SYNTHETIC_UNIT_NAME } from "@/tools/seed-large/seed-large";
import { formatDuration } from "@/tools/seed-large/progress";
import { handWrittenFunnel, summaryFunnel } from "./floor";
import { measure, type Summary } from "./stats";

const log = (line: string) => console.log(`[bench] ${line}`);

type Options = { sizes: number[]; runs: number };

function parseOptions(argv: string[]): Options | string {
  const options: Options = { sizes: [100_000, 1_000_000], runs: 40 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = (argv[i] ?? "").split("=");
    const value = inline ?? argv[++i] ?? "";
    if (flag === "--sizes") options.sizes = value.split(",").map((s) => Number(s.replaceAll("_", "")));
    else if (flag === "--runs") options.runs = Number(value);
    else return `Unknown argument ${argv[i]}. Usage: npm run bench [-- --sizes 100000,1000000 --runs 40]`;
  }
  if (options.sizes.some((n) => !Number.isInteger(n) || n < 1) || !(options.runs >= 5))
    return "--sizes takes whole numbers of reports, --runs at least 5";
  return options;
}

export function databaseNameFor(reports: number): string {
  const label =
    reports % 1_000_000 === 0
      ? `${reports / 1_000_000}m`
      : reports % 1000 === 0
        ? `${reports / 1000}k`
        : `${reports}`;
  return `liaison_bench_${label}`;
}

async function query<T extends pg.QueryResultRow>(
  url: string,
  sql: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

async function syntheticReports(url: string): Promise<number | null> {
  const [row] = await query<{ reports: string | null }>(
    url,
    `SELECT (SELECT count(*) FROM "IncidentReport" r WHERE r."unitId" = o.id) AS reports
     FROM "Organisation" o WHERE o.name = $1`,
    [SYNTHETIC_UNIT_NAME],
  );
  return row ? Number(row.reports) : null;
}

// A database holding exactly `reports` synthetic reports: reused if it already does.
async function prepare(adminUrl: string, reports: number): Promise<string> {
  const name = databaseNameFor(reports);
  const url = withDatabase(adminUrl, name);
  const exists = (await query(adminUrl, "SELECT 1 FROM pg_database WHERE datname = $1", [name])).length > 0;
  if (!exists) await createDatabase(adminUrl, name);
  await applyMigrations(url);
  const held = await syntheticReports(url);
  if (held === reports) {
    log(`${name}: reusing ${reports.toLocaleString("en-GB")} synthetic reports.`);
    return url;
  }
  if (held !== null) {
    log(
      `${name} holds ${held.toLocaleString("en-GB")} synthetic reports, not ${reports.toLocaleString("en-GB")}: recreating it.`,
    );
    await dropDatabase(adminUrl, name);
    await createDatabase(adminUrl, name);
    await applyMigrations(url);
  }
  log(`${name}: generating ${reports.toLocaleString("en-GB")} reports (once; later runs reuse them)…`);
  const result = await seedLarge(url, { reports, log });
  if (!result.created) throw new Error(`could not seed ${name}: ${result.reason}`);
  log(`${name}: generated in ${formatDuration(result.seconds * 1000)}.`);
  return url;
}

async function currentUserOf(client: Db, email: string): Promise<CurrentUser> {
  const user = await client.user.findUniqueOrThrow({
    where: { email },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      organisationId: true,
      organisation: { select: { name: true } },
    },
  });
  return {
    id: user.id,
    sessionId: "benchmark",
    name: user.name,
    email: user.email,
    role: user.role,
    organisationId: user.organisationId,
    organisationName: user.organisation.name,
    unitId: user.organisationId,
    agencyId: null,
  };
}

const ms = (n: number) => `${n.toFixed(1)} ms`.padStart(11);

function line(label: string, s: Summary, floor?: Summary): string {
  const ratio = floor ? `  ${(s.p95 / floor.median).toFixed(3)}× the floor`.padEnd(22) : "".padEnd(22);
  return `  ${label.padEnd(56)} median ${ms(s.median)}   p95 ${ms(s.p95)}  (${String(s.runs).padStart(2)} runs)${ratio}`;
}

async function benchSize(url: string, reports: number, runs: number): Promise<void> {
  const client = createPrismaClient(url, 4);
  try {
    const supervisor = await currentUserOf(client, SYNTHETIC_SUPERVISOR);
    const officer = await currentUserOf(client, "officer01@synthetic.liaison.test");
    const unitId = supervisor.unitId as string;
    const page = (user: CurrentUser, filters: DashboardFilters) => () =>
      getDashboard(user, filters, { client });
    const opts = { warmup: 3, runs, budgetMs: 60_000 };

    const floor = await measure(() => client.$queryRaw(handWrittenFunnel(unitId)), {
      warmup: 1,
      runs: 7,
      budgetMs: 90_000,
    });
    const summaryFloor = await measure(() => client.$queryRaw(summaryFunnel(unitId)), opts);
    const whole = await measure(page(supervisor, { period: "all" }), opts);
    const year = await measure(page(supervisor, { period: "last-12-months" }), opts);
    const own = await measure(page(officer, { period: "all" }), opts);
    const filtered = await measure(page(supervisor, { period: "all", route: "PARTNER_AGENCY" }), {
      ...opts,
      runs: 10,
    });

    console.log(`\n${reports.toLocaleString("en-GB")} reports (${redact(url)})`);
    console.log(line("Floor: hand-written funnel SQL over the records", floor));
    console.log(line("Whole dashboard, supervisor, all time (default)", whole, floor));
    console.log(line("Whole dashboard, supervisor, last 12 months", year, floor));
    console.log(line("Whole dashboard, one officer's own caseload", own, floor));
    console.log(line("Whole dashboard, filtered by route (per-report facts)", filtered, floor));
    console.log(line("For scale: the funnel alone from the summaries", summaryFloor));
    const verdict = whole.p95 < 300 && whole.p95 <= 1.5 * floor.median ? "met" : "NOT met";
    console.log(`  Targets (default view p95 < 300 ms and within 1.5× of the floor): ${verdict}`);
  } finally {
    await client.$disconnect();
  }
}

export async function runBench(argv: string[]): Promise<number> {
  const options = parseOptions(argv);
  if (typeof options === "string") {
    console.error(options);
    return 1;
  }
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    console.error(
      "DATABASE_URL is not set. Name a PostgreSQL server the benchmark may create databases on, e.g.\n" +
        "  DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench",
    );
    return 1;
  }
  log(
    "Server time of lib/dashboard getDashboard (every query, the transaction and the audit write), in-process.",
  );
  for (const reports of options.sizes) {
    const url = await prepare(adminUrl, reports);
    await benchSize(url, reports, options.runs);
  }
  return 0;
}

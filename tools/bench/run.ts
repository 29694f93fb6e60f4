// The benchmark itself (see cli.ts). It measures the lib function that produces all of the
// dashboard page's figures, in this process, so the figures are the server's own work
// (every query, the transaction and the audit write) without rendering or the network.
// Each view is measured beside its floor (floor.ts), at each size, and one unit among many
// beside the same unit alone.
import pg from "pg";
import { createPrismaClient, type Db } from "@/lib/db/client";
import type { CurrentUser } from "@/lib/auth/current-user";
import { DASHBOARD_PLANNER, getDashboard, type Scope } from "@/lib/dashboard/queries";
import { areaKey } from "@/lib/dashboard/area-key";
import { resolvePeriod, type DashboardFilters } from "@/lib/dashboard/filters";
import { applyMigrations } from "@/tools/db/migrate";
import { createDatabase, dropDatabase, redact, withDatabase } from "@/tools/db/server";
import { applyLocalFieldKey, localSecrets } from "@/tools/secrets";
import { seedLarge, synUnitEmail, SYNTHETIC_UNIT_NAME } from "@/tools/seed-large/seed-large";
import { AREAS } from "@/tools/seed-large/distributions";
import { formatDuration } from "@/tools/seed-large/progress";
import { floorOf, handWrittenFunnel } from "./floor";
import { measure, type Summary } from "./stats";

const log = (line: string) => console.log(`[bench] ${line}`);

// A data set: `units` synthetic units of `reports` reports each.
type DataSet = { units: number; reports: number };
type Options = { sizes: number[]; runs: number; multi: DataSet | null };

const USAGE = "Usage: npm run bench [-- --sizes 100000,1000000 --runs 20 --multi 40x25000|none]";

function parseOptions(argv: string[]): Options | string {
  const options: Options = { sizes: [100_000, 1_000_000], runs: 20, multi: { units: 40, reports: 25_000 } };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = (argv[i] ?? "").split("=");
    const value = inline ?? argv[++i] ?? "";
    if (flag === "--sizes") options.sizes = value.split(",").map((s) => Number(s.replaceAll("_", "")));
    else if (flag === "--runs") options.runs = Number(value);
    else if (flag === "--multi") {
      if (value === "none") options.multi = null;
      else {
        const [units, reports] = value.split("x").map((s) => Number(s.replaceAll("_", "")));
        if (!Number.isInteger(units) || !Number.isInteger(reports) || !(units! > 1) || !(reports! > 0))
          return `--multi takes <units>x<reports per unit>, e.g. 40x25000, or none. ${USAGE}`;
        options.multi = { units: units!, reports: reports! };
      }
    } else return `Unknown argument ${argv[i]}. ${USAGE}`;
  }
  if (options.sizes.some((n) => !Number.isInteger(n) || n < 1) || !(options.runs >= 5))
    return "--sizes takes whole numbers of reports, --runs at least 5";
  return options;
}

const label = (n: number) =>
  n % 1_000_000 === 0 ? `${n / 1_000_000}m` : n % 1000 === 0 ? `${n / 1000}k` : `${n}`;

export function databaseNameFor(set: DataSet): string {
  return set.units === 1
    ? `liaison_bench_${label(set.reports)}`
    : `liaison_bench_${set.units}x${label(set.reports)}`;
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

// The synthetic units and their reports, as { units, reports of the first }, or null.
async function syntheticHeld(url: string): Promise<DataSet | null> {
  const [row] = await query<{ units: string; reports: string | null }>(
    url,
    `SELECT count(*) AS units,
       (SELECT count(*) FROM "IncidentReport" r JOIN "Organisation" o ON o.id = r."unitId" WHERE o.name = $1) AS reports
     FROM "Organisation" WHERE name = $1 OR name LIKE $1 || ' %'`,
    [SYNTHETIC_UNIT_NAME],
  );
  return row && Number(row.units) > 0 ? { units: Number(row.units), reports: Number(row.reports) } : null;
}

// A database holding exactly this data set: reused if it already does.
async function prepare(adminUrl: string, set: DataSet): Promise<string> {
  const name = databaseNameFor(set);
  const url = withDatabase(adminUrl, name);
  const exists = (await query(adminUrl, "SELECT 1 FROM pg_database WHERE datname = $1", [name])).length > 0;
  if (!exists) await createDatabase(adminUrl, name);
  const migrating = performance.now();
  await applyMigrations(url);
  const took = performance.now() - migrating;
  if (took > 10_000) log(`${name}: migrations applied in ${formatDuration(took)}.`);
  const held = await syntheticHeld(url);
  const size = `${set.units > 1 ? `${set.units} units × ` : ""}${set.reports.toLocaleString("en-GB")} reports`;
  if (held?.units === set.units && held.reports === set.reports) {
    log(`${name}: reusing ${size}.`);
    return url;
  }
  if (held !== null) {
    log(`${name} holds other synthetic data, not ${size}: recreating it.`);
    await dropDatabase(adminUrl, name);
    await createDatabase(adminUrl, name);
    await applyMigrations(url);
  }
  log(`${name}: generating ${size} (once; later runs reuse them)…`);
  const result = await seedLarge(url, { reports: set.reports, units: set.units, log });
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
    // A made-up session id: the audit record needs one, and no session row is required.
    sessionId: "00000000-0000-4000-8000-00000000be7c",
    name: user.name,
    email: user.email,
    role: user.role,
    organisationId: user.organisationId,
    organisationName: user.organisation.name,
    unitId: user.organisationId,
    agencyId: null,
  };
}

// The views measured: every filter alone, in pairs, and all together, by period, for the
// unit, one officer chosen by the supervisor, and an officer's own caseload.
type View = { name: string; as: "supervisor" | "officer"; filters: DashboardFilters };

const AREA = AREAS[0];
const VIEWS: View[] = [
  { name: "default: unit, all time", as: "supervisor", filters: { period: "all" } },
  { name: "unit, last 12 months", as: "supervisor", filters: { period: "last-12-months" } },
  { name: "unit, last quarter", as: "supervisor", filters: { period: "last-quarter" } },
  { name: "officer's own caseload", as: "officer", filters: { period: "all" } },
  { name: "unit × one officer", as: "supervisor", filters: { period: "all", officer: "officer01" } },
  { name: "route (partner)", as: "supervisor", filters: { period: "all", route: "PARTNER_AGENCY" } },
  {
    name: "route (direct, 58%)",
    as: "supervisor",
    filters: { period: "all", route: "DIRECT_TO_LIAISON_OFFICER" },
  },
  { name: "type (physical assault)", as: "supervisor", filters: { period: "all", type: "PHYSICAL_ASSAULT" } },
  { name: "area", as: "supervisor", filters: { period: "all", area: AREA } },
  { name: "risk (high)", as: "supervisor", filters: { period: "all", risk: "HIGH" } },
  { name: "risk (not assessed)", as: "supervisor", filters: { period: "all", risk: "NOT_ASSESSED" } },
  { name: "violence and threats", as: "supervisor", filters: { period: "all", violence: true } },
  {
    name: "route × last 12 months",
    as: "supervisor",
    filters: { period: "last-12-months", route: "PARTNER_AGENCY" },
  },
  {
    name: "one officer × route",
    as: "supervisor",
    filters: { period: "all", officer: "officer01", route: "PARTNER_AGENCY" },
  },
  { name: "own caseload × type", as: "officer", filters: { period: "all", type: "PHYSICAL_ASSAULT" } },
  {
    name: "route × type",
    as: "supervisor",
    filters: { period: "all", route: "PARTNER_AGENCY", type: "PHYSICAL_ASSAULT" },
  },
  { name: "route × area", as: "supervisor", filters: { period: "all", route: "PARTNER_AGENCY", area: AREA } },
  {
    name: "type × risk",
    as: "supervisor",
    filters: { period: "all", type: "PHYSICAL_ASSAULT", risk: "HIGH" },
  },
  {
    name: "area × risk (not assessed)",
    as: "supervisor",
    filters: { period: "all", area: AREA, risk: "NOT_ASSESSED" },
  },
  {
    name: "route (direct) × risk (not assessed)",
    as: "supervisor",
    filters: { period: "all", route: "DIRECT_TO_LIAISON_OFFICER", risk: "NOT_ASSESSED" },
  },
  {
    name: "all: 12 months × officer × route × type × area × risk",
    as: "supervisor",
    filters: {
      period: "last-12-months",
      officer: "officer01",
      route: "DIRECT_TO_LIAISON_OFFICER",
      type: "PHYSICAL_ASSAULT",
      area: AREA,
      risk: "STANDARD",
    },
  },
];

type Measured = { view: string; page: Summary; floor: Summary };

const ms = (n: number) => `${n.toFixed(1)}`.padStart(8);

function printTable(title: string, rows: Measured[]): void {
  console.log(`\n${title}`);
  console.log(
    `  ${"view".padEnd(54)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)}   ${"floor p50".padStart(9)} ${"p95".padStart(8)}   ratio p50  p95   runs`,
  );
  for (const { view, page, floor } of rows)
    console.log(
      `  ${view.padEnd(54)} ${ms(page.median)} ${ms(page.p95)}   ${ms(floor.median).padStart(9)} ${ms(floor.p95)}   ` +
        `${(page.median / floor.median).toFixed(2).padStart(8)}× ${(page.p95 / floor.p95).toFixed(2).padStart(4)}×  ${String(page.runs).padStart(4)}`,
    );
}

function verdicts(rows: Measured[]): string[] {
  const [first, ...rest] = rows;
  const out: string[] = [];
  if (first)
    out.push(
      `default view p95 ≤ 50 ms: ${first.page.p95 <= 50 ? "met" : "NOT met"} (${first.page.p95.toFixed(1)} ms)`,
    );
  const slow = [first, ...rest].filter((r) => r && r.page.p95 > 300).map((r) => r!.view);
  out.push(`every view p95 ≤ 300 ms: ${slow.length === 0 ? "met" : `NOT met by ${slow.join("; ")}`}`);
  const far = rows.filter((r) => r.page.p95 > 1.5 * r.floor.p95).map((r) => r.view);
  out.push(
    `every view p95 ≤ 1.5× its floor's p95: ${far.length === 0 ? "met" : `NOT met by ${far.join("; ")}`}`,
  );
  return out;
}

// Measures `views` on the data set's first unit.
async function benchViews(url: string, views: View[], runs: number): Promise<Measured[]> {
  const unit = 0;
  const client = createPrismaClient(url, 4);
  // The floors run with the planner settings the page gives its own transaction, so that
  // neither side pays for a plan the other avoids.
  const floorUrl = new URL(url);
  floorUrl.searchParams.set(
    "options",
    Object.entries(DASHBOARD_PLANNER)
      .map(([name, value]) => `-c ${name}=${value}`)
      .join(" "),
  );
  const floorClient = createPrismaClient(floorUrl.toString(), 2);
  try {
    const supervisor = await currentUserOf(client, synUnitEmail(unit, "supervisor"));
    const officer = await currentUserOf(client, synUnitEmail(unit, "officer02"));
    const officer01 = await currentUserOf(client, synUnitEmail(unit, "officer01"));
    const now = new Date();
    const measured: Measured[] = [];
    for (const view of views) {
      const user = view.as === "supervisor" ? supervisor : officer;
      const officerId = view.filters.officer ? officer01.id : undefined;
      const filters: DashboardFilters = {
        ...view.filters,
        ...(officerId && { officer: officerId }),
        ...(view.filters.area && { area: areaKey(view.filters.area) }),
      };
      const counted = { ...view.filters, ...(officerId && { officer: officerId }) };
      const scope: Scope =
        view.as === "officer"
          ? { unitId: user.unitId as string, officerKey: user.id, own: true }
          : { unitId: user.unitId as string, officerKey: officerId ?? "", own: false };
      const floorSql = floorOf(scope, counted, resolvePeriod(counted, now));
      const opts = { warmup: 2, runs, budgetMs: 30_000 };
      // Floor and page take turns, so that load on the machine falls on both alike.
      const floor = await measure(() => floorClient.$queryRaw(floorSql), opts);
      const page = await measure(() => getDashboard(user, filters, { client, now }), opts);
      measured.push({ view: view.name, page, floor });
    }
    return measured;
  } finally {
    await client.$disconnect();
    await floorClient.$disconnect();
  }
}

async function recordsFloor(url: string): Promise<Summary> {
  const client = createPrismaClient(url, 1);
  try {
    const [unit] = await client.$queryRaw<{ id: string }[]>`
      SELECT id::text FROM "Organisation" WHERE name = ${SYNTHETIC_UNIT_NAME}`;
    return await measure(() => client.$queryRaw(handWrittenFunnel(unit!.id)), {
      warmup: 1,
      runs: 3,
      budgetMs: 60_000,
    });
  } finally {
    await client.$disconnect();
  }
}

function printGrowth(sizes: number[], results: Map<number, Measured[]>): void {
  const [small, large] = [sizes[0], sizes[sizes.length - 1]];
  if (small === undefined || large === undefined || small === large) return;
  const a = results.get(small) ?? [];
  const b = results.get(large) ?? [];
  console.log(
    `\nGrowth from ${small.toLocaleString("en-GB")} to ${large.toLocaleString("en-GB")} reports (${large / small}× the reports)`,
  );
  console.log(`  ${"view".padEnd(54)} ${"p95 small".padStart(10)} ${"p95 large".padStart(10)}   growth`);
  for (const row of a) {
    const other = b.find((r) => r.view === row.view);
    if (!other) continue;
    console.log(
      `  ${row.view.padEnd(54)} ${ms(row.page.p95).padStart(10)} ${ms(other.page.p95).padStart(10)}   ${(other.page.p95 / row.page.p95).toFixed(2)}×`,
    );
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
  // The seed seals personal fields; area filters travel as keys made with the session secret.
  applyLocalFieldKey();
  process.env.AUTH_SECRET ??= localSecrets().AUTH_SECRET;
  log(
    "Server time of lib/dashboard getDashboard (every query, the transaction and the audit write), in-process,",
  );
  log(
    "beside its floor: the one hand-written statement that returns the same counts (tools/bench/floor.ts).",
  );
  const results = new Map<number, Measured[]>();
  for (const reports of options.sizes) {
    const url = await prepare(adminUrl, { units: 1, reports });
    const rows = await benchViews(url, VIEWS, options.runs);
    results.set(reports, rows);
    printTable(`${reports.toLocaleString("en-GB")} reports in one unit (${redact(url)})`, rows);
    const records = await recordsFloor(url);
    console.log(
      `  For scale, the funnel alone counted from the records: p50 ${records.median.toFixed(1)} ms, p95 ${records.p95.toFixed(1)} ms (${records.runs} runs)`,
    );
    for (const line of verdicts(rows)) console.log(`  ${line}`);
  }
  printGrowth(options.sizes, results);
  if (options.multi) await benchMulti(adminUrl, options.multi, options.runs);
  return 0;
}

// One unit's dashboard among many units' reports, beside the same unit alone.
async function benchMulti(adminUrl: string, set: DataSet, runs: number): Promise<void> {
  const views = VIEWS.filter((v) =>
    [
      "default: unit, all time",
      "officer's own caseload",
      "route (partner)",
      "route × type",
      "all: 12 months × officer × route × type × area × risk",
    ].includes(v.name),
  );
  const alone = await benchViews(await prepare(adminUrl, { units: 1, reports: set.reports }), views, runs);
  // The first unit of both holds the same reports: only the other units differ.
  const many = await benchViews(await prepare(adminUrl, set), views, runs);
  const total = (set.units * set.reports).toLocaleString("en-GB");
  printTable(`Unit alone: ${set.reports.toLocaleString("en-GB")} reports`, alone);
  printTable(`The same size of unit among ${set.units} units (${total} reports in all)`, many);
  console.log(`\n  ${"view".padEnd(54)} ${"p95 alone".padStart(10)} ${"p95 among".padStart(10)}   ratio`);
  for (const row of alone) {
    const other = many.find((r) => r.view === row.view);
    if (other)
      console.log(
        `  ${row.view.padEnd(54)} ${ms(row.page.p95).padStart(10)} ${ms(other.page.p95).padStart(10)}   ${(other.page.p95 / row.page.p95).toFixed(2)}×`,
      );
  }
}

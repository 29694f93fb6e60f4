// The dashboard's figures, counted in PostgreSQL. Supervisors see their unit, officers their
// own caseload. Without report filters, or with one, the figures come from the monthly
// summaries (a few thousand rows whatever the number of reports); with two or more, from
// the per-report facts. Both are kept by triggers (docs/decisions/003-dashboard-summaries.md,
// 022-dashboard-filters-at-scale.md).
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db, type Db, type Tx } from "@/lib/db/client";
import { readDb } from "@/lib/db/replica";
import { applyRowScope, rowScopeOf, settingsSql } from "@/lib/db/scope";
import { londonToday } from "@/lib/time/london";
import { recordAudit } from "@/lib/audit/record-audit";
import { can } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";
import {
  funnelOf,
  headlineOf,
  NO_COUNTS,
  openByAge,
  quarterOf,
  STAGE_COUNT_KEYS,
  STAGES,
  VIOLENCE_AND_THREATS,
  timelinessOf,
  type AgeBand,
  type FunnelRow,
  type Headline,
  type StageCounts,
  type Timeliness,
} from "./definitions";
import {
  addMonths,
  currentMonth,
  resolvePeriod,
  type DashboardFilters,
  type FilterField,
  type MonthRange,
  DEFAULT_FILTERS,
  NOT_ASSESSED,
  NOT_RECORDED,
} from "./filters";
import { areaKey, areaOfKey } from "./area-key";

export const BREAKDOWNS = [
  "type",
  "route",
  "wants",
  "risk",
  "setting",
  "relationship",
  "area",
  "officer",
] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

export type Counts = StageCounts & {
  suspectsCharged: number;
  startedQuiet: number;
  converted: number;
  repeat: number;
  updatesOnTime: number;
  updatesLate: number;
};

export type Dashboard = {
  scope: "unit" | "own";
  filters: DashboardFilters;
  problems: FilterField[];
  period: MonthRange;
  currentMonth: string;
  totals: Counts;
  headline: Headline;
  funnel: FunnelRow[];
  outcomes: { key: string; reports: number }[];
  reasons: { key: string; reports: number }[];
  breakdowns: { dimension: Breakdown; rows: { key: string; counts: Counts }[] }[];
  months: { month: string; counts: Counts }[];
  quarters: { quarter: string; counts: Counts }[];
  timeliness: { toCharge: Timeliness; toOutcome: Timeliness };
  openByAge: { band: AgeBand; reports: number }[];
  contacts: { month: string; contacts: number }[];
  victimUpdates: { onTime: number; late: number; overdue: number; notYetDue: number };
  referrals: ReferralCounts;
  officers: { id: string; name: string }[];
  // The unit's areas, each with the key that stands for it in addresses (area-key.ts).
  areas: { key: string; name: string }[];
  // The area the filter's key stands for, to show; the filters themselves hold the key.
  areaName: string | null;
};

const NO_EXTRA = {
  suspectsCharged: 0,
  startedQuiet: 0,
  converted: 0,
  repeat: 0,
  updatesOnTime: 0,
  updatesLate: 0,
};
export const ZERO: Counts = { ...NO_COUNTS, ...NO_EXTRA };
const COUNT_KEYS = Object.keys(ZERO) as (keyof Counts)[];

export type Scope = { unitId: string; officerKey: string; own: boolean };

// Whose reports: the unit (optionally one officer's), or the officer's own caseload.
export function scopeFor(user: CurrentUser, filters: DashboardFilters): Scope | null {
  if (!user.unitId) return null;
  if (can(user, "dashboard:read:unit"))
    return { unitId: user.unitId, officerKey: filters.officer ?? "", own: false };
  if (can(user, "dashboard:read:own")) return { unitId: user.unitId, officerKey: user.id, own: true };
  return null;
}

const monthStart = (month: string) => Prisma.sql`${`${month}-01`}::date`;

export function monthWhere(column: Prisma.Sql, range: MonthRange): Prisma.Sql {
  const from = range.from ? Prisma.sql`AND ${column} >= ${monthStart(range.from)}` : Prisma.empty;
  return Prisma.sql`${from} AND ${column} <= ${monthStart(range.to)}`;
}

// Conditions on the per-report facts (alias f) for the scope and filters. The drill-down
// list (lib/dashboard/drill-down.ts) uses the same conditions, so a list always holds
// exactly the reports a figure counted.
export function factWhere(scope: Scope, filters: DashboardFilters, range: MonthRange): Prisma.Sql {
  const parts = [Prisma.sql`f."unitId" = ${scope.unitId}::uuid ${monthWhere(Prisma.sql`f."month"`, range)}`];
  if (scope.officerKey) parts.push(Prisma.sql`f."officerId" = ${scope.officerKey}::uuid`);
  if (filters.route === NOT_RECORDED) parts.push(Prisma.sql`f."reportingRoute" IS NULL`);
  else if (filters.route) parts.push(Prisma.sql`f."reportingRoute" = ${filters.route}::"ReportingRoute"`);
  if (filters.type) parts.push(Prisma.sql`${filters.type}::"IncidentType" = ANY(f."incidentTypes")`);
  if (filters.area) parts.push(Prisma.sql`f."area" = ${filters.area}`);
  if (filters.risk === NOT_ASSESSED) parts.push(Prisma.sql`f."riskLevel" IS NULL`);
  else if (filters.risk) parts.push(Prisma.sql`f."riskLevel" = ${filters.risk}::"RiskLevel"`);
  if (filters.violence)
    parts.push(Prisma.sql`f."incidentTypes" && ${[...VIOLENCE_AND_THREATS]}::text[]::"IncidentType"[]`);
  return Prisma.join(parts, " AND ");
}

const SUMS = Prisma.raw(COUNT_KEYS.map((k) => `sum(c."${k}")::int AS "${k}"`).join(", "));

// The one report filter set, as the per-filter summaries key it ("" for not recorded or not
// assessed); null when none is set, undefined when two or more are.
export type SingleFilter = { filter: string; value: string };

export function singleFilterOf(filters: DashboardFilters): SingleFilter | null | undefined {
  const set: SingleFilter[] = [];
  if (filters.route)
    set.push({ filter: "route", value: filters.route === NOT_RECORDED ? "" : filters.route });
  if (filters.type) set.push({ filter: "type", value: filters.type });
  if (filters.area) set.push({ filter: "area", value: filters.area });
  if (filters.risk) set.push({ filter: "risk", value: filters.risk === NOT_ASSESSED ? "" : filters.risk });
  if (filters.violence) set.push({ filter: "violence", value: "yes" });
  return set.length > 1 ? undefined : (set[0] ?? null);
}

// From the monthly summaries, unfiltered or for one report filter: a few thousand rows
// however many reports there are.
function summaryCells(scope: Scope, filters: DashboardFilters, range: MonthRange): Prisma.Sql {
  const single = singleFilterOf(filters);
  if (single === undefined) throw new Error("the summaries hold one report filter at a time");
  const from = single
    ? Prisma.sql`"DashboardFilterCount" c WHERE c.filter = ${single.filter} AND c."filterValue" = ${single.value} AND`
    : Prisma.sql`"DashboardMonthlyCount" c WHERE`;
  return Prisma.sql`
    SELECT c.dimension, c.value, to_char(CASE WHEN c.dimension = 'all' THEN c."month" END, 'YYYY-MM') AS "month",
      ${SUMS}
    FROM ${from} c."unitId" = ${scope.unitId}::uuid AND c."officerKey" = ${scope.officerKey}
      ${monthWhere(Prisma.sql`c."month"`, range)}
    GROUP BY 1, 2, 3
    HAVING sum(c.reports) <> 0`;
}

// The same measures counted straight from the facts (alias f); dashboard_fact_cells in the
// migration defines them for the summaries, and a test holds the two to each other.
const FACT_MEASURES = Prisma.sql`
  count(*)::int AS reports,
  (count(*) FILTER (WHERE f.stage >= 1))::int AS recorded,
  (count(*) FILTER (WHERE f.stage >= 2))::int AS identified,
  (count(*) FILTER (WHERE f."supportsAction"))::int AS supported,
  (count(*) FILTER (WHERE f.stage >= 3))::int AS cps,
  (count(*) FILTER (WHERE f.stage >= 4))::int AS charged,
  (count(*) FILTER (WHERE f.stage >= 5))::int AS convicted,
  (count(*) FILTER (WHERE f."isOpen"))::int AS open,
  sum(f."suspectsCharged")::int AS "suspectsCharged",
  (count(*) FILTER (WHERE f."startedQuiet"))::int AS "startedQuiet",
  (count(*) FILTER (WHERE f.converted))::int AS converted,
  (count(*) FILTER (WHERE f."isRepeat"))::int AS repeat,
  sum(f."updatesOnTime")::int AS "updatesOnTime",
  sum(f."updatesLate")::int AS "updatesLate"`;

// With report filters, from the per-report facts: one pass for the single-valued
// dimensions (grouping sets) and one for the lists (incident types, reasons, updates due).
function factCells(scope: Scope, filters: DashboardFilters, range: MonthRange): Prisma.Sql {
  const where = factWhere(scope, filters, range);
  return Prisma.sql`
    SELECT
      CASE
        WHEN GROUPING(f."month") = 0 THEN 'all'
        WHEN GROUPING(f."reportingRoute") = 0 THEN 'route'
        WHEN GROUPING(f."personWants") = 0 THEN 'wants'
        WHEN GROUPING(f."workSetting") = 0 THEN 'setting'
        WHEN GROUPING(f.relationship) = 0 THEN 'relationship'
        WHEN GROUPING(f.area) = 0 THEN 'area'
        WHEN GROUPING(f."officerId") = 0 THEN 'officer'
        WHEN GROUPING(f."riskLevel") = 0 THEN 'risk'
        WHEN GROUPING(x.support) = 0 THEN 'support'
        WHEN GROUPING(x.outcome) = 0 THEN 'outcome'
        WHEN GROUPING(x.open_stage) = 0 THEN 'openStage'
        WHEN GROUPING(f."daysToCharge") = 0 THEN 'daysToCharge'
        ELSE 'daysToOutcome'
      END AS dimension,
      CASE
        WHEN GROUPING(f."month") = 0 THEN ''
        WHEN GROUPING(f."reportingRoute") = 0 THEN coalesce(f."reportingRoute"::text, '')
        WHEN GROUPING(f."personWants") = 0 THEN f."personWants"::text
        WHEN GROUPING(f."workSetting") = 0 THEN coalesce(f."workSetting"::text, '')
        WHEN GROUPING(f.relationship) = 0 THEN f.relationship::text
        WHEN GROUPING(f.area) = 0 THEN coalesce(f.area, '')
        WHEN GROUPING(f."officerId") = 0 THEN coalesce(f."officerId"::text, '')
        WHEN GROUPING(f."riskLevel") = 0 THEN coalesce(f."riskLevel"::text, '')
        WHEN GROUPING(x.support) = 0 THEN x.support
        WHEN GROUPING(x.outcome) = 0 THEN x.outcome
        WHEN GROUPING(x.open_stage) = 0 THEN x.open_stage::text
        WHEN GROUPING(f."daysToCharge") = 0 THEN f."daysToCharge"::text
        ELSE f."daysToOutcome"::text
      END AS value,
      to_char(CASE WHEN GROUPING(f."month") = 0 THEN f."month" END, 'YYYY-MM') AS "month",
      ${FACT_MEASURES}
    FROM "DashboardReportFact" f
    CROSS JOIN LATERAL (
      SELECT coalesce(f.outcome::text, CASE WHEN f."isOpen" THEN 'PENDING' ELSE 'NONE' END) AS outcome,
        CASE WHEN f."isOpen" THEN f.stage END AS open_stage,
        CASE WHEN f."supportsAction" THEN 'YES' ELSE 'NO' END AS support
    ) x
    WHERE ${where}
    GROUP BY GROUPING SETS (
      (f."month"), (f."reportingRoute"), (f."personWants"), (f."workSetting"), (f.relationship), (f.area),
      (f."officerId"), (f."riskLevel"), (x.support), (x.outcome), (x.open_stage), (f."daysToCharge"),
      (f."daysToOutcome")
    )
    HAVING NOT (GROUPING(x.open_stage) = 0 AND x.open_stage IS NULL)
      AND NOT (GROUPING(f."daysToCharge") = 0 AND f."daysToCharge" IS NULL)
      AND NOT (GROUPING(f."daysToOutcome") = 0 AND f."daysToOutcome" IS NULL)
    UNION ALL
    SELECT l.dimension, l.value, NULL, ${FACT_MEASURES}
    FROM "DashboardReportFact" f
    CROSS JOIN LATERAL (
      SELECT 'type' AS dimension, t AS value
        FROM unnest(CASE WHEN cardinality(f."incidentTypes") > 0 THEN f."incidentTypes"::text[] ELSE ARRAY[''] END) t
      UNION ALL
      SELECT 'reason', w FROM unnest(CASE WHEN f.outcome IN ('OUTCOME_14', 'OUTCOME_16') THEN
        CASE WHEN cardinality(f."withdrawalReasons") > 0 THEN f."withdrawalReasons"::text[] ELSE ARRAY['NOT_RECORDED'] END
      END) w
      UNION ALL
      SELECT 'updateDue', to_char(d, 'YYYY-MM-DD') FROM unnest(f."openUpdatesDue") d
    ) l
    WHERE ${where}
    GROUP BY 1, 2`;
}

// Every count the page shows, per dimension and value; by month for the cohort as a whole.
// (The benchmark runs it alone as the floor of a view counted from the facts.)
export function cellsQuery(
  scope: Scope,
  filters: DashboardFilters,
  range: MonthRange,
  source: Source,
): Prisma.Sql {
  return source === "facts" ? factCells(scope, filters, range) : summaryCells(scope, filters, range);
}

// Where the counts come from: the monthly summaries (no report filter or one), or the
// per-report facts. Chosen by the filters; tests name one to check that both give the same
// figures.
export type Source = "summary" | "facts";

// Updates not yet made: overdue once the UK day they were due has passed.
function updatesDue(rows: CellRow[], now: Date): { overdue: number; notYetDue: number } {
  const today = londonToday(now).toISOString().slice(0, 10);
  const due = rows.filter((r) => r.dimension === "updateDue");
  return {
    overdue: due.filter((r) => r.value < today).reduce((sum, r) => sum + r.reports, 0),
    notYetDue: due.filter((r) => r.value >= today).reduce((sum, r) => sum + r.reports, 0),
  };
}

type CellRow = { dimension: string; value: string; month: string | null } & Counts;

function countsOf(row: Counts): Counts {
  return Object.fromEntries(COUNT_KEYS.map((k) => [k, row[k]])) as Counts;
}

function add(a: Counts, b: Counts): Counts {
  return Object.fromEntries(COUNT_KEYS.map((k) => [k, a[k] + b[k]])) as Counts;
}

function monthsOf(rows: CellRow[], range: MonthRange): { month: string; counts: Counts }[] {
  const byMonth = new Map(rows.filter((r) => r.month).map((r) => [r.month as string, countsOf(r)]));
  const first = range.from ?? [...byMonth.keys()].sort()[0];
  if (!first) return [];
  const months: { month: string; counts: Counts }[] = [];
  for (let m = first; m <= range.to; m = addMonths(m, 1))
    months.push({ month: m, counts: byMonth.get(m) ?? ZERO });
  return months;
}

function quartersOf(months: { month: string; counts: Counts }[]): { quarter: string; counts: Counts }[] {
  const quarters = new Map<string, Counts>();
  for (const { month, counts } of months)
    quarters.set(quarterOf(month), add(quarters.get(quarterOf(month)) ?? ZERO, counts));
  return [...quarters].map(([quarter, counts]) => ({ quarter, counts }));
}

function valuesOf(rows: CellRow[], dimension: string): { key: string; reports: number }[] {
  return rows
    .filter((r) => r.dimension === dimension)
    .map((r) => ({ key: r.value, reports: r.reports }))
    .sort((a, b) => b.reports - a.reports || a.key.localeCompare(b.key));
}

function histogramOf(rows: CellRow[], dimension: string): { days: number; reports: number }[] {
  return rows
    .filter((r) => r.dimension === dimension)
    .map((r) => ({ days: Number(r.value), reports: r.reports }));
}

// Referrals to partner agencies sent in the period (by the month they were sent, UK time):
// how many, how many the agency accepted (answered without declining; closed or withdrawn
// after that still counts) and how many ended with the person taking up support. The same
// rules as lib/referrals/counts.ts, read in the dashboard's own snapshot. Supervisors count
// the unit (or the officer they chose), officers their own referrals. Report filters do not
// apply: a referral is about a person, not a report.
export type ReferralCounts = { made: number; accepted: number; takenUp: number };

// Every dashboard transaction runs with JIT compilation switched off (plans here are cheap;
// compiling them would cost more than running them) and with starting parallel workers priced
// at what it costs on the test machine. The statements here either read one unit's slice
// through an index (a few milliseconds) or count hundreds of thousands of facts. Starting two
// workers takes 40–50 ms there, and the planner's cost units ran at about 2,700 a millisecond
// for a unit's slice, so 100000. At the default (1000) a unit among 40 others of 2,500 reports
// took 58 ms for a view it answered in 3 ms alone; at 10000 the same happened with units of
// 25,000 (45 ms in workers, 10 ms in one process). Only counts of hundreds of thousands of facts
// are worth workers (decision 022, 2026-12-03 addenda).
export const DASHBOARD_PLANNER = { jit: "off", parallel_setup_cost: "100000" } as const;

// The unit's officers and areas (to check the filters against and to offer them), and the
// planner settings above for the rest of the transaction: one round trip.
async function choicesOf(
  tx: Tx,
  scope: Scope,
): Promise<{ officers: { id: string; name: string }[]; areas: string[] }> {
  const [row] = await tx.$queryRaw<
    { officers: { id: string; name: string }[]; areas: string[] }[]
  >(Prisma.sql`
    SELECT true AS planner ${settingsSql(DASHBOARD_PLANNER)},
      (SELECT coalesce(json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY u.name, u.id), '[]')
        FROM "User" u
        WHERE u."organisationId" = ${scope.unitId}::uuid AND u.role IN ('LIAISON_OFFICER', 'SUPERVISOR')
      ) AS officers,
      (SELECT coalesce(json_agg(a.area ORDER BY a.area), '[]')
        FROM (
          SELECT DISTINCT c.value AS area FROM "DashboardMonthlyCount" c
          WHERE c."unitId" = ${scope.unitId}::uuid AND c."officerKey" = ${scope.own ? scope.officerKey : ""}
            AND c.dimension = 'area' AND c.value <> '' AND c.reports <> 0
        ) a
      ) AS areas`);
  return { officers: row?.officers ?? [], areas: row?.areas ?? [] };
}

// Liaison contacts by month and the referrals made in the period, in one round trip, both from
// their monthly summaries (migrations dashboard_summaries, dashboard_referral_months): the
// unit's or one officer's (who made the referral).
async function contactsAndReferralsOf(
  tx: Tx,
  scope: Scope,
  range: MonthRange,
): Promise<{ contacts: { month: string; contacts: number }[]; referrals: ReferralCounts }> {
  const [row] = await tx.$queryRaw<
    { contacts: { month: string; contacts: number }[]; made: number; accepted: number; takenUp: number }[]
  >(Prisma.sql`
    SELECT
      (SELECT coalesce(json_agg(json_build_object('month', m."month", 'contacts', m.contacts) ORDER BY m."month"), '[]')
        FROM (
          SELECT to_char(c."month", 'YYYY-MM') AS "month", sum(c.contacts)::int AS contacts
          FROM "DashboardContactMonth" c
          WHERE c."unitId" = ${scope.unitId}::uuid AND c."officerKey" = ${scope.officerKey}
            ${monthWhere(Prisma.sql`c."month"`, range)}
          GROUP BY c."month" HAVING sum(c.contacts) <> 0
        ) m
      ) AS contacts,
      coalesce(sum(r.made), 0)::int AS made,
      coalesce(sum(r.accepted), 0)::int AS accepted,
      coalesce(sum(r."takenUp"), 0)::int AS "takenUp"
    FROM "DashboardReferralMonth" r
    WHERE r."unitId" = ${scope.unitId}::uuid AND r."officerKey" = ${scope.officerKey}
      ${monthWhere(Prisma.sql`r."month"`, range)}`);
  return {
    contacts: row?.contacts ?? [],
    referrals: { made: row?.made ?? 0, accepted: row?.accepted ?? 0, takenUp: row?.takenUp ?? 0 },
  };
}

// `client` is used for everything when given (tests); otherwise the figures are read from the
// read replica when there is one (lib/db/replica.ts) and the audit event goes to the primary.
export type ReadOptions = {
  now?: Date;
  client?: Db;
  readClient?: Db;
  problems?: FilterField[];
  source?: Source;
};

// May this user see a dashboard at all? (Used before any work is done.)
export function mayReadDashboard(user: CurrentUser): boolean {
  return scopeFor(user, DEFAULT_FILTERS) !== null;
}

// Reads everything the page shows, inside the caller's transaction, and says how to audit it.
export async function readDashboard(
  tx: Tx,
  user: CurrentUser,
  requested: DashboardFilters,
  opts: { now: Date; problems: FilterField[]; source?: Source },
): Promise<{ dashboard: Dashboard; audited: { recordType: string; recordId: string } } | null> {
  const initial = scopeFor(user, requested);
  if (!initial) return null;
  const { now } = opts;
  const problems = [...opts.problems];
  const { officers, areas } = await choicesOf(tx, initial);
  // An officer or area from another unit, or not known here, is ignored and said so.
  const filters = { ...requested };
  if (initial.own) delete filters.officer;
  if (filters.officer && !officers.some((o) => o.id === filters.officer)) {
    delete filters.officer;
    problems.push("officer");
  }
  const areaName = filters.area ? areaOfKey(filters.area, areas) : undefined;
  if (filters.area && !areaName) {
    delete filters.area;
    problems.push("area");
  }
  const scope = scopeFor(user, filters) as Scope;
  const range = resolvePeriod(filters, now);
  // The figures are counted on the area itself; the key stays in the filters for links.
  const counted = areaName ? { ...filters, area: areaName } : filters;
  const source = opts.source ?? (singleFilterOf(counted) === undefined ? "facts" : "summary");
  const rows = await tx.$queryRaw<CellRow[]>(cellsQuery(scope, counted, range, source));
  const { contacts, referrals } = await contactsAndReferralsOf(tx, scope, range);
  const months = monthsOf(rows, range);
  const totals = months.reduce((sum, m) => add(sum, m.counts), ZERO);
  const openAtStage = STAGES.map(
    (_, i) => rows.find((r) => r.dimension === "openStage" && r.value === String(i))?.reports ?? 0,
  );
  // Of the reports at each stage, those whose person supports action: the "support" cells
  // carry the stage counts of those reports.
  const supportedRow = rows.find((r) => r.dimension === "support" && r.value === "YES") ?? ZERO;
  const supportedAtStage = STAGE_COUNT_KEYS.map((k) => supportedRow[k]);
  const today = currentMonth(now);
  const dashboard: Dashboard = {
    scope: scope.own ? "own" : "unit",
    filters,
    problems,
    period: range,
    currentMonth: today,
    totals,
    headline: headlineOf(totals),
    funnel: funnelOf(totals, openAtStage, supportedAtStage),
    outcomes: valuesOf(rows, "outcome"),
    reasons: valuesOf(rows, "reason"),
    breakdowns: BREAKDOWNS.filter((d) => !(scope.own && d === "officer")).map((dimension) => ({
      dimension,
      rows: rows
        .filter((r) => r.dimension === dimension)
        .map((r) => ({ key: r.value, counts: countsOf(r) }))
        .sort((a, b) => b.counts.reports - a.counts.reports || a.key.localeCompare(b.key)),
    })),
    months,
    quarters: quartersOf(months),
    timeliness: {
      toCharge: timelinessOf(histogramOf(rows, "daysToCharge")),
      toOutcome: timelinessOf(histogramOf(rows, "daysToOutcome")),
    },
    openByAge: openByAge(
      months.map((m) => ({ month: m.month, open: m.counts.open })),
      today,
    ),
    contacts,
    victimUpdates: {
      onTime: totals.updatesOnTime,
      late: totals.updatesLate,
      ...updatesDue(rows, now),
    },
    referrals,
    officers,
    areas: areas.map((name) => ({ key: areaKey(name), name })),
    areaName: areaName ?? null,
  };
  return {
    dashboard,
    audited: { recordType: scope.own ? "caseload" : "unit", recordId: scope.own ? user.id : scope.unitId },
  };
}

// One snapshot for the whole page, so that its figures agree with each other even while
// reports are being recorded.
export const DASHBOARD_TRANSACTION = {
  isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead,
  timeout: 60_000,
};

export async function getDashboard(
  user: CurrentUser,
  requested: DashboardFilters,
  opts: ReadOptions = {},
): Promise<Dashboard | null> {
  if (!mayReadDashboard(user)) return null;
  const client = opts.client ?? db();
  const reader = opts.readClient ?? opts.client ?? readDb();
  const read = await reader.$transaction(async (tx) => {
    await applyRowScope(tx, rowScopeOf(user));
    return readDashboard(tx, user, requested, {
      now: opts.now ?? new Date(),
      problems: opts.problems ?? [],
      source: opts.source,
    });
  }, DASHBOARD_TRANSACTION);
  if (!read) return null;
  // After the consistent read: the audit chain needs READ COMMITTED (docs/decisions/016).
  await recordAudit(client, { actor: user, action: "dashboard.view", ...read.audited, outcome: "SUCCESS" });
  return read.dashboard;
}

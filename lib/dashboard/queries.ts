// The dashboard's figures, counted in PostgreSQL. Supervisors see their unit, officers their
// own caseload. Without report filters the figures come from the monthly summaries (a few
// thousand rows whatever the number of reports); with them, from the per-report facts.
// Both are kept by triggers (docs/decisions/003-dashboard-summaries.md).
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db, type Db, type Tx } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { can } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";
import {
  funnelOf,
  headlineOf,
  NO_COUNTS,
  openByAge,
  quarterOf,
  STAGES,
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
  hasReportFilters,
  resolvePeriod,
  type DashboardFilters,
  type FilterField,
  type MonthRange,
} from "./filters";

export const BREAKDOWNS = ["type", "route", "wants", "setting", "relationship", "area", "officer"] as const;
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
  officers: { id: string; name: string }[];
  areas: string[];
};

const NO_EXTRA = { suspectsCharged: 0, startedQuiet: 0, converted: 0, repeat: 0, updatesOnTime: 0, updatesLate: 0 };
export const ZERO: Counts = { ...NO_COUNTS, ...NO_EXTRA };
const COUNT_KEYS = Object.keys(ZERO) as (keyof Counts)[];

type Scope = { unitId: string; officerKey: string; own: boolean };

// Whose reports: the unit (optionally one officer's), or the officer's own caseload.
function scopeFor(user: CurrentUser, filters: DashboardFilters): Scope | null {
  if (!user.unitId) return null;
  if (can(user, "dashboard:read:unit")) return { unitId: user.unitId, officerKey: filters.officer ?? "", own: false };
  if (can(user, "dashboard:read:own")) return { unitId: user.unitId, officerKey: user.id, own: true };
  return null;
}

const monthStart = (month: string) => Prisma.sql`${`${month}-01`}::date`;

function monthWhere(column: Prisma.Sql, range: MonthRange): Prisma.Sql {
  const from = range.from ? Prisma.sql`AND ${column} >= ${monthStart(range.from)}` : Prisma.empty;
  return Prisma.sql`${from} AND ${column} <= ${monthStart(range.to)}`;
}

// Conditions on the per-report facts (alias f) for the scope and filters.
function factWhere(scope: Scope, filters: DashboardFilters, range: MonthRange): Prisma.Sql {
  const parts = [Prisma.sql`f."unitId" = ${scope.unitId}::uuid ${monthWhere(Prisma.sql`f."month"`, range)}`];
  if (scope.officerKey) parts.push(Prisma.sql`f."officerId" = ${scope.officerKey}::uuid`);
  if (filters.route) parts.push(Prisma.sql`f."reportingRoute" = ${filters.route}::"ReportingRoute"`);
  if (filters.type) parts.push(Prisma.sql`${filters.type}::"IncidentType" = ANY(f."incidentTypes")`);
  if (filters.area) parts.push(Prisma.sql`f."area" = ${filters.area}`);
  return Prisma.join(parts, " AND ");
}

const MEASURES = Prisma.raw(
  COUNT_KEYS.map((k) => `sum(c."${k === "reports" ? "reports" : k}")::int AS "${k}"`).join(", "),
);

// Every count the page shows, per dimension and value; by month for the cohort as a whole.
function cellsQuery(scope: Scope, filters: DashboardFilters, range: MonthRange): Prisma.Sql {
  const source = hasReportFilters(filters)
    ? Prisma.sql`
        SELECT c.*, f."month" FROM "DashboardReportFact" f CROSS JOIN LATERAL dashboard_fact_cells(f) c
        WHERE c."officerKey" = '' AND ${factWhere(scope, filters, range)}`
    : Prisma.sql`
        SELECT c.* FROM "DashboardMonthlyCount" c
        WHERE c."unitId" = ${scope.unitId}::uuid AND c."officerKey" = ${scope.officerKey}
          ${monthWhere(Prisma.sql`c."month"`, range)}`;
  return Prisma.sql`
    SELECT c.dimension, c.value, to_char(CASE WHEN c.dimension = 'all' THEN c."month" END, 'YYYY-MM') AS "month",
      ${MEASURES}
    FROM (${source}) c
    GROUP BY 1, 2, 3
    HAVING sum(c.reports) <> 0`;
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
  for (let m = first; m <= range.to; m = addMonths(m, 1)) months.push({ month: m, counts: byMonth.get(m) ?? ZERO });
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
  return rows.filter((r) => r.dimension === dimension).map((r) => ({ days: Number(r.value), reports: r.reports }));
}

async function officersOf(tx: Tx, unitId: string): Promise<{ id: string; name: string }[]> {
  return tx.user.findMany({
    where: { organisationId: unitId, role: { in: ["LIAISON_OFFICER", "SUPERVISOR"] } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
}

async function areasOf(tx: Tx, scope: Scope): Promise<string[]> {
  const rows = await tx.$queryRaw<{ area: string }[]>(Prisma.sql`
    SELECT DISTINCT c.value AS area FROM "DashboardMonthlyCount" c
    WHERE c."unitId" = ${scope.unitId}::uuid AND c."officerKey" = ${scope.own ? scope.officerKey : ""}
      AND c.dimension = 'area' AND c.value <> '' AND c.reports <> 0
    ORDER BY 1`);
  return rows.map((r) => r.area);
}

export async function getDashboard(
  user: CurrentUser,
  requested: DashboardFilters,
  opts: { now?: Date; client?: Db; problems?: FilterField[] } = {},
): Promise<Dashboard | null> {
  const initial = scopeFor(user, requested);
  if (!initial) return null;
  const client = opts.client ?? db();
  const now = opts.now ?? new Date();
  return client.$transaction(
    async (tx) => {
      // Plans here are cheap; compiling them would cost more than running them.
      await tx.$executeRaw`SET LOCAL jit = off`;
      const problems = [...(opts.problems ?? [])];
      const officers = await officersOf(tx, initial.unitId);
      const areas = await areasOf(tx, initial);
      // An officer or area from another unit, or not known here, is ignored and said so.
      const filters = { ...requested };
      if (initial.own) delete filters.officer;
      if (filters.officer && !officers.some((o) => o.id === filters.officer)) {
        delete filters.officer;
        problems.push("officer");
      }
      if (filters.area && !areas.includes(filters.area)) {
        delete filters.area;
        problems.push("area");
      }
      const scope = scopeFor(user, filters) as Scope;
      const range = resolvePeriod(filters, now);
      const rows = await tx.$queryRaw<CellRow[]>(cellsQuery(scope, filters, range));
      const contacts = await tx.$queryRaw<{ month: string; contacts: number }[]>(Prisma.sql`
        SELECT to_char(c."month", 'YYYY-MM') AS "month", sum(c.contacts)::int AS contacts
        FROM "DashboardContactMonth" c
        WHERE c."unitId" = ${scope.unitId}::uuid AND c."officerKey" = ${scope.officerKey}
          ${monthWhere(Prisma.sql`c."month"`, range)}
        GROUP BY c."month" HAVING sum(c.contacts) <> 0 ORDER BY c."month"`);
      const [pending] = await tx.$queryRaw<{ overdue: number; notYetDue: number }[]>(Prisma.sql`
        SELECT count(*) FILTER (WHERE v."dueBy" < ${now})::int AS overdue,
               count(*) FILTER (WHERE v."dueBy" >= ${now})::int AS "notYetDue"
        FROM "VictimUpdate" v JOIN "DashboardReportFact" f ON f."reportId" = v."reportId"
        WHERE v."clearedAt" IS NULL AND ${factWhere(scope, filters, range)}`);
      await recordAudit(tx, {
        actor: user,
        action: "dashboard.view",
        recordType: scope.own ? "caseload" : "unit",
        recordId: scope.own ? user.id : scope.unitId,
        outcome: "SUCCESS",
      });

      const months = monthsOf(rows, range);
      const totals = months.reduce((sum, m) => add(sum, m.counts), ZERO);
      const openAtStage = STAGES.map(
        (_, i) => rows.find((r) => r.dimension === "openStage" && r.value === String(i))?.reports ?? 0,
      );
      const today = currentMonth(now);
      return {
        scope: scope.own ? "own" : "unit",
        filters,
        problems,
        period: range,
        currentMonth: today,
        totals,
        headline: headlineOf(totals),
        funnel: funnelOf(totals, openAtStage),
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
          overdue: pending?.overdue ?? 0,
          notYetDue: pending?.notYetDue ?? 0,
        },
        officers,
        areas,
      };
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: 60_000, maxWait: 10_000 },
  );
}

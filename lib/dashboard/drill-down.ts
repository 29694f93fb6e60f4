// From a figure to the reports behind it: "6 stopped at crime recorded, closed" opens the
// list of those 6 reports. The list is counted from the same per-report facts, with the
// same conditions, as the figure (factWhere in queries.ts), so the two always agree.
// Supervisors see their unit's reports, officers their own caseload; anyone else gets
// nothing. The link carries only filters and stage names, never personal data: the free-
// text area is left out of drill-down links (see drill-links.ts).
import { applyRowScope, rowScopeOf } from "@/lib/db/scope";
import "server-only";
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { db, type Db } from "@/lib/db/client";
import { readDb } from "@/lib/db/replica";
import { env } from "@/lib/env";
import { recordAudit } from "@/lib/audit/record-audit";
import { can } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";
import { pageOf, type Page } from "@/lib/pagination";
import type { ReportListRow } from "@/lib/reports/queries";
import { PerpetratorRelationship, PersonWants, WorkSetting } from "@/lib/generated/prisma/enums";
import { HomeOfficeOutcome } from "@/lib/generated/prisma/enums";
import { AGE_BANDS, STAGES, type AgeBand } from "./definitions";
import { addMonths, currentMonth, resolvePeriod, type DashboardFilters } from "./filters";
import { DASHBOARD_PLANNER, DASHBOARD_TRANSACTION, factWhere, scopeFor } from "./queries";

const stage = z.enum(STAGES);
const yes = z.literal("yes");
const ageBand = z.enum(AGE_BANDS.map((b) => b.key) as [AgeBand, ...AgeBand[]]);

// Which reports of the view: a stage reached, or stopped at (open or closed); the person
// supports action; still open; an outcome; a value of a breakdown that has no filter; how
// long ago an open report was received; began quiet, converted, from someone who had
// reported before. (A quarter is a period: its months go in the link as a custom period.)
export const drillSchema = z.strictObject({
  reached: stage.optional(),
  stopped: stage.optional(),
  state: z.enum(["open", "closed"]).optional(),
  supported: yes.optional(),
  open: yes.optional(),
  outcome: z.enum([...Object.values(HomeOfficeOutcome), "PENDING", "NONE"]).optional(),
  wants: z.enum(Object.values(PersonWants) as [PersonWants, ...PersonWants[]]).optional(),
  setting: z.enum([...Object.values(WorkSetting), "NOT_RECORDED"]).optional(),
  relationship: z
    .enum(Object.values(PerpetratorRelationship) as [PerpetratorRelationship, ...PerpetratorRelationship[]])
    .optional(),
  age: ageBand.optional(),
  startedQuiet: yes.optional(),
  converted: yes.optional(),
  repeat: yes.optional(),
});
export type DrillSelection = z.infer<typeof drillSchema>;
export const DRILL_KEYS = Object.keys(drillSchema.shape) as (keyof DrillSelection)[];

export function parseDrill(raw: Record<string, string | string[] | undefined>): DrillSelection | null {
  const picked = Object.fromEntries(
    DRILL_KEYS.filter((k) => raw[k] !== undefined && raw[k] !== "").map((k) => [k, raw[k]]),
  );
  const parsed = drillSchema.safeParse(picked);
  return parsed.success ? parsed.data : null;
}

const monthStart = (month: string) => Prisma.sql`${`${month}-01`}::date`;

// The months of an age band, counted back from this month as openByAge counts them (in
// definitions.ts): whole calendar months, anything not yet a month old in the first band.
function ageWhere(band: AgeBand, today: string): Prisma.Sql[] {
  const index = AGE_BANDS.findIndex((b) => b.key === band);
  const youngest = index > 0 ? (AGE_BANDS[index - 1]?.maxMonths ?? 0) + 1 : 0;
  const oldest = AGE_BANDS[index]?.maxMonths ?? Number.POSITIVE_INFINITY;
  const parts: Prisma.Sql[] = [];
  if (youngest > 0) parts.push(Prisma.sql`f."month" <= ${monthStart(addMonths(today, -youngest))}`);
  if (Number.isFinite(oldest)) parts.push(Prisma.sql`f."month" >= ${monthStart(addMonths(today, -oldest))}`);
  return parts;
}

function selectionWhere(s: DrillSelection, today: string): Prisma.Sql[] {
  const parts: Prisma.Sql[] = [];
  if (s.reached) parts.push(Prisma.sql`f.stage >= ${STAGES.indexOf(s.reached)}`);
  if (s.stopped) parts.push(Prisma.sql`f.stage = ${STAGES.indexOf(s.stopped)}`);
  if (s.state === "open" || s.open) parts.push(Prisma.sql`f."isOpen"`);
  if (s.state === "closed") parts.push(Prisma.sql`NOT f."isOpen"`);
  if (s.supported) parts.push(Prisma.sql`f."supportsAction"`);
  if (s.outcome === "PENDING") parts.push(Prisma.sql`f.outcome IS NULL AND f."isOpen"`);
  else if (s.outcome === "NONE") parts.push(Prisma.sql`f.outcome IS NULL AND NOT f."isOpen"`);
  else if (s.outcome) parts.push(Prisma.sql`f.outcome = ${s.outcome}::"HomeOfficeOutcome"`);
  if (s.wants) parts.push(Prisma.sql`f."personWants" = ${s.wants}::"PersonWants"`);
  if (s.setting === "NOT_RECORDED") parts.push(Prisma.sql`f."workSetting" IS NULL`);
  else if (s.setting) parts.push(Prisma.sql`f."workSetting" = ${s.setting}::"WorkSetting"`);
  if (s.relationship) parts.push(Prisma.sql`f.relationship = ${s.relationship}::"PerpetratorRelationship"`);
  if (s.age) parts.push(...ageWhere(s.age, today));
  if (s.startedQuiet) parts.push(Prisma.sql`f."startedQuiet"`);
  if (s.converted) parts.push(Prisma.sql`f.converted`);
  if (s.repeat) parts.push(Prisma.sql`f."isRepeat"`);
  return parts;
}

export type DrillDown = Page<ReportListRow> & { scope: "unit" | "own"; filters: DashboardFilters };

export async function findDrillDownReports(
  user: CurrentUser,
  filters: DashboardFilters,
  selection: DrillSelection,
  page: number,
  opts: { now?: Date; client?: Db; readClient?: Db } = {},
): Promise<DrillDown | null> {
  // Reading the reports needs the report permission too, not only the dashboard's.
  const mayList = can(user, "report:read:unit");
  // The area is never taken from a drill-down link (it is free text a person may recognise);
  // an officer's own view ignores any officer named (scopeFor keeps them to their caseload).
  const chosen: DashboardFilters = { ...filters };
  delete chosen.area;
  const scope = mayList ? scopeFor(user, chosen) : null;
  if (!scope) return null;
  if (scope.own) delete chosen.officer;
  const now = opts.now ?? new Date();
  const range = resolvePeriod(chosen, now);
  const where = Prisma.join(
    [factWhere(scope, chosen, range), ...selectionWhere(selection, currentMonth(now))],
    " AND ",
  );
  const size = env().PAGE_SIZE;
  const client = opts.client ?? db();
  // The list may come from the read replica; the audit event always goes to the primary.
  const reader = opts.readClient ?? opts.client ?? readDb();
  const found = await reader.$transaction(async (tx) => {
    // The reports joined here are under row security: scoped like every case read. The
    // dashboard's planner settings too: the same facts, the same reasons.
    await applyRowScope(tx, rowScopeOf(user), DASHBOARD_PLANNER);
    const [{ total } = { total: 0 }] = await tx.$queryRaw<{ total: number }[]>(Prisma.sql`
      SELECT count(*)::int AS total FROM "DashboardReportFact" f WHERE ${where}`);
    const rows = await tx.$queryRaw<(Omit<ReportListRow, "incidentTypes"> & { incidentTypes: string[] })[]>(
      Prisma.sql`
      SELECT r.id, r.reference, r."reportedAt", r."incidentTypes"::text[] AS "incidentTypes", r.status,
        u.name AS "assignedOfficerName"
      FROM "DashboardReportFact" f
      JOIN "IncidentReport" r ON r.id = f."reportId" AND r."unitId" = ${scope.unitId}::uuid
      LEFT JOIN "User" u ON u.id = r."assignedOfficerId"
      WHERE ${where}
      ORDER BY r."reportedAt" DESC, r.id DESC
      LIMIT ${size} OFFSET ${(page - 1) * size}`,
    );
    return {
      ...pageOf(rows as ReportListRow[], total, page, size),
      scope: scope.own ? ("own" as const) : ("unit" as const),
      filters: chosen,
    };
  }, DASHBOARD_TRANSACTION);
  // Written after the consistent read: the audit chain needs a READ COMMITTED transaction
  // (docs/decisions/016), and nothing is shown until it is written.
  await recordAudit(client, {
    actor: user,
    action: "dashboard.drilldown",
    recordType: scope.own ? "caseload" : "unit",
    recordId: scope.own ? user.id : scope.unitId,
    outcome: "SUCCESS",
  });
  return found;
}

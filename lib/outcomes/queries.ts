// What the event form needs to know about a report: its reference to show, and whether the
// person has enhanced rights (which shortens the time to tell them of a key decision).
import { rowScopeOf, withRowScope } from "@/lib/db/scope";

import { unitScope } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";
import { isUuid } from "@/lib/ids";
import { openableReportWhere } from "@/lib/reports/restriction";

export type ReportForRecording = {
  id: string;
  reference: string;
  enhancedRights: boolean;
  status: "OPEN" | "CLOSED";
  // Whether a crime is on the trail: if not, an outcome form asks for it in the same step.
  crimeRecorded: boolean;
  // Whether someone has been charged: then the outcome is the charge's decision (right 6).
  charged: boolean;
};

// Null when the report does not exist or the user may not record events on it. Only the
// reference is shown, no case content, so this look is not audited as a view.
export async function getReportForRecording(
  user: CurrentUser,
  id: string,
): Promise<ReportForRecording | null> {
  const unitId = unitScope(user, "outcome:record:unit");
  if (!unitId || !isUuid(id)) return null;
  const report = await withRowScope(rowScopeOf(user), (tx) =>
    tx.incidentReport.findFirst({
      where: { id, unitId, ...openableReportWhere(user) },
      select: {
        id: true,
        reference: true,
        enhancedRights: true,
        status: true,
        caseEvents: {
          where: { type: { in: ["CRIME_RECORDED", "CHARGED"] } },
          select: { type: true },
          distinct: ["type"],
        },
      },
    }),
  );
  if (!report) return null;
  const { caseEvents, ...rest } = report;
  const has = (type: string) => caseEvents.some((e) => e.type === type);
  return { ...rest, crimeRecorded: has("CRIME_RECORDED"), charged: has("CHARGED") };
}

export type ReportForLifecycle = { id: string; reference: string; status: "OPEN" | "CLOSED" };

// For the close and reopen pages: null when the report does not exist or the user may not
// close or reopen it. The reference and status only, no case content, so not audited.
export async function getReportForLifecycle(
  user: CurrentUser,
  id: string,
): Promise<ReportForLifecycle | null> {
  const unitId = unitScope(user, "report:close:unit");
  if (!unitId || !isUuid(id)) return null;
  return withRowScope(rowScopeOf(user), (tx) =>
    tx.incidentReport.findFirst({
      where: { id, unitId, ...openableReportWhere(user) },
      select: { id: true, reference: true, status: true },
    }),
  );
}

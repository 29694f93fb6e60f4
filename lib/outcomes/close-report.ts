// A supervisor's decision to close a report (with a reason) or to reopen a closed one. Each
// writes a lifecycle event on the trail, sets the report's status and is audited, in one
// transaction. Closing by a final outcome happens in record-case-event.ts.
import { rowScopeOf, withRowScope } from "@/lib/db/scope";
import type { Tx } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { unitScope } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";
import { isUuid } from "@/lib/ids";
import { londonToday } from "@/lib/time/london";
import { checkTrailEvent } from "./trail-rules";
import { TRAIL_SELECT } from "./record-case-event";
import { writeClosing, writeReopening } from "./lifecycle";
import {
  closeReportSchema,
  lifecycleErrors,
  reopenReportSchema,
  type CloseReportValues,
  type ReopenReportValues,
} from "./lifecycle-schema";

export type LifecycleResult<Values> =
  | { status: "done" }
  | { status: "invalid"; fieldErrors: Partial<Record<keyof Values, string>>; formError?: string };

type Change = "close" | "reopen";

// The report in the user's unit, or null after auditing the refusal: "not found" either way.
async function findReport(tx: Tx, user: CurrentUser, reportId: string, change: Change) {
  const unitId = unitScope(user, "report:close:unit");
  const report =
    unitId && isUuid(reportId)
      ? await tx.incidentReport.findFirst({
          where: { id: reportId, unitId },
          select: { id: true, unitId: true, caseEvents: { select: TRAIL_SELECT } },
        })
      : null;
  if (!report)
    await recordAudit(tx, {
      actor: user,
      action: `report.${change}`,
      recordType: "report",
      recordId: isUuid(reportId) ? reportId : undefined,
      outcome: "DENIED",
    });
  return report;
}

// Null when the report does not exist or the user may not close it.
export async function closeReport(
  user: CurrentUser,
  reportId: string,
  raw: unknown,
  now: Date = new Date(),
): Promise<LifecycleResult<CloseReportValues> | null> {
  return withRowScope(rowScopeOf(user), async (tx) => {
    const report = await findReport(tx, user, reportId, "close");
    if (!report) return null;
    const parsed = closeReportSchema.safeParse(raw);
    if (!parsed.success)
      return {
        status: "invalid",
        fieldErrors: lifecycleErrors(parsed.error, ["closeReason", "notes"], "closeReason"),
      };
    const today = londonToday(now);
    const refused = checkTrailEvent(
      { incidentOn: null, events: report.caseEvents },
      { type: "REPORT_CLOSED", occurredOn: today },
    );
    if (refused[0]) return { status: "invalid", fieldErrors: {}, formError: refused[0].reason };
    await writeClosing(tx, {
      actor: user,
      reportId: report.id,
      unitId: report.unitId,
      reason: parsed.data.closeReason,
      occurredOn: today,
      notes: parsed.data.notes,
      closedAt: now,
    });
    return { status: "done" };
  });
}

// Null when the report does not exist or the user may not reopen it.
export async function reopenReport(
  user: CurrentUser,
  reportId: string,
  raw: unknown,
  now: Date = new Date(),
): Promise<LifecycleResult<ReopenReportValues> | null> {
  return withRowScope(rowScopeOf(user), async (tx) => {
    const report = await findReport(tx, user, reportId, "reopen");
    if (!report) return null;
    const parsed = reopenReportSchema.safeParse(raw);
    if (!parsed.success)
      return { status: "invalid", fieldErrors: lifecycleErrors(parsed.error, ["notes"], "notes") };
    const today = londonToday(now);
    const refused = checkTrailEvent(
      { incidentOn: null, events: report.caseEvents },
      { type: "REPORT_REOPENED", occurredOn: today },
    );
    if (refused[0]) return { status: "invalid", fieldErrors: {}, formError: refused[0].reason };
    await writeReopening(tx, {
      actor: user,
      reportId: report.id,
      unitId: report.unitId,
      occurredOn: today,
      notes: parsed.data.notes,
    });
    return { status: "done" };
  });
}

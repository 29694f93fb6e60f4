// Recording one event on a report's outcome trail. The event, the Victims' Code update it
// may open, and the audit event are written in one transaction.
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { unitScope } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";
import { isUuid } from "@/lib/ids";
import { scheduleVictimUpdate } from "@/lib/victims-code/schedule-update";
import { londonToday } from "@/lib/time/london";
import { parseCaseEvent, type CaseEventField } from "./schema";
import { checkEventOrder } from "./order-rules";

export type RecordCaseEventResult =
  | { status: "recorded"; eventId: string; updateDueBy: Date | null }
  | { status: "invalid"; fieldErrors: Partial<Record<CaseEventField, string>> };

// Returns null when the report does not exist or the user may not record on it.
export async function recordCaseEvent(
  user: CurrentUser,
  reportId: string,
  raw: unknown,
  now: Date = new Date(),
): Promise<RecordCaseEventResult | null> {
  const unitId = unitScope(user, "outcome:record:unit");
  if (!unitId || !isUuid(reportId)) return null;
  return db().$transaction(async (tx) => {
    const report = await tx.incidentReport.findFirst({
      where: { id: reportId, unitId },
      select: {
        id: true,
        incidentFrom: true,
        enhancedRights: true,
        crimeReference: true,
        caseEvents: { select: { type: true, occurredOn: true, courtResult: true } },
      },
    });
    if (!report) {
      await recordAudit(tx, {
        actor: user,
        action: "case-event.record",
        recordType: "report",
        recordId: reportId,
        outcome: "DENIED",
      });
      return null;
    }
    const parsed = parseCaseEvent(raw, londonToday(now));
    if (!parsed.ok) return { status: "invalid", fieldErrors: parsed.fieldErrors };
    const input = parsed.input;
    const incidentOn = report.incidentFrom ? londonToday(report.incidentFrom) : null;
    const problems = checkEventOrder(input, { incidentOn, events: report.caseEvents });
    if (problems.length > 0) {
      const fieldErrors: Partial<Record<CaseEventField, string>> = {};
      for (const p of problems) fieldErrors[p.field] ??= p.message;
      return { status: "invalid", fieldErrors };
    }

    const event = await tx.caseEvent.create({
      data: { ...input, reportId: report.id, recordedById: user.id },
      select: { id: true },
    });
    const updateDueBy = await scheduleVictimUpdate(tx, {
      reportId: report.id,
      caseEventId: event.id,
      type: input.type,
      occurredOn: input.occurredOn,
      enhancedRights: report.enhancedRights,
    });
    // The report's own crime-recording answer follows the trail. The edit version is left
    // alone: it guards the details officers edit by hand, which this does not touch.
    if (input.type === "CRIME_RECORDED") {
      await tx.incidentReport.update({
        where: { id: report.id, unitId },
        data: { crimeRecorded: "YES", crimeReference: report.crimeReference ?? input.crimeReference },
      });
    }
    await recordAudit(tx, {
      actor: user,
      action: "case-event.record",
      recordType: "report",
      recordId: report.id,
      outcome: "SUCCESS",
    });
    return { status: "recorded", eventId: event.id, updateDueBy };
  });
}

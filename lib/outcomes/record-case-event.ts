// Recording one event on a report's outcome trail. The event (and a crime recorded in the
// same step), the Victims' Code update it may open, the closing a final outcome causes and
// the audit events are written in one transaction. The form's token (lib/forms/form-token.ts)
// makes a resent submit answer with the event the first one recorded, so a retry never
// records it twice.
import type { Tx } from "@/lib/db/client";
import { rowScopeOf, withRowScope } from "@/lib/db/scope";
import { takeFormToken } from "@/lib/forms/form-token";
import { isUniqueViolation } from "@/lib/organisations/unique";
import { recordAudit } from "@/lib/audit/record-audit";
import { unitScope } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";
import { isUuid } from "@/lib/ids";
import { scheduleVictimUpdate } from "@/lib/victims-code/schedule-update";
import { londonToday } from "@/lib/time/london";
import { parseCaseEvent, type CaseEventField } from "./schema";
import { checkTrailEvent, statusOfTrail, type TrailEvent } from "./trail-rules";
import { writeClosing } from "./lifecycle";
import { openableReportWhere } from "@/lib/reports/restriction";

export type RecordCaseEventResult =
  | { status: "recorded"; eventId: string; updateDueBy: Date | null; closed: boolean }
  | { status: "invalid"; fieldErrors: Partial<Record<CaseEventField, string>> };

export const TRAIL_SELECT = {
  type: true,
  occurredOn: true,
  outcome: true,
  courtResult: true,
  closeReason: true,
  createdAt: true,
} as const;

// Returns null when the report does not exist or the user may not record on it.
export async function recordCaseEvent(
  user: CurrentUser,
  reportId: string,
  raw: unknown,
  now: Date = new Date(),
): Promise<RecordCaseEventResult | null> {
  const unitId = unitScope(user, "outcome:record:unit");
  if (!unitId || !isUuid(reportId)) return null;
  const { token, rest } =
    typeof raw === "object" && raw !== null
      ? takeFormToken(raw as Record<string, unknown>)
      : { token: null, rest: raw };
  try {
    return await record(user, unitId, reportId, rest, token, now);
  } catch (error) {
    // Two submits of one form at once: the second loses on the token and answers with the first.
    if (!token || !isUniqueViolation(error)) throw error;
    const first = await withRowScope(rowScopeOf(user), (tx) => recordedBefore(tx, user, reportId, token));
    if (!first) throw error;
    return first;
  }
}

// The event this officer already recorded from the form with this token, on this report
// (which the caller has found in their unit), answered as it was when it was recorded.
async function recordedBefore(
  tx: Tx,
  user: CurrentUser,
  reportId: string,
  token: string,
): Promise<RecordCaseEventResult | null> {
  const event = await tx.caseEvent.findFirst({
    where: { idempotencyKey: token, reportId, recordedById: user.id },
    select: { id: true, updatesDue: { select: { dueBy: true } }, report: { select: { status: true } } },
  });
  if (!event) return null;
  return {
    status: "recorded",
    eventId: event.id,
    updateDueBy: event.updatesDue[0]?.dueBy ?? null,
    closed: event.report.status === "CLOSED",
  };
}

async function record(
  user: CurrentUser,
  unitId: string,
  reportId: string,
  raw: unknown,
  token: string | null,
  now: Date,
): Promise<RecordCaseEventResult | null> {
  return withRowScope(rowScopeOf(user), async (tx): Promise<RecordCaseEventResult | null> => {
    const report = await tx.incidentReport.findFirst({
      where: { id: reportId, unitId, ...openableReportWhere(user) },
      select: {
        id: true,
        incidentFrom: true,
        enhancedRights: true,
        crimeReference: true,
        caseEvents: { select: TRAIL_SELECT },
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
    const first = token ? await recordedBefore(tx, user, report.id, token) : null;
    if (first) return first;
    const parsed = parseCaseEvent(raw, londonToday(now));
    if (!parsed.ok) return { status: "invalid", fieldErrors: parsed.fieldErrors };
    const { crimeRecordedOn, ...input } = parsed.input;
    const crimeKnown = report.caseEvents.some((e) => e.type === "CRIME_RECORDED");
    // An outcome records the crime in the same step only when none is recorded yet.
    const recordsCrime = input.type === "OUTCOME_RECORDED" && !crimeKnown && !!input.crimeReference;
    const incidentOn = report.incidentFrom ? londonToday(report.incidentFrom) : null;
    const problems = checkTrailEvent(
      { incidentOn, events: report.caseEvents },
      { ...input, recordsCrimeOn: recordsCrime ? crimeRecordedOn : null },
    );
    if (problems.length > 0) {
      const fieldErrors: Partial<Record<CaseEventField, string>> = {};
      for (const p of problems) fieldErrors[p.field] ??= p.reason;
      return { status: "invalid", fieldErrors };
    }

    const written: TrailEvent[] = [...report.caseEvents];
    const crimeReference = recordsCrime ? input.crimeReference : null;
    if (recordsCrime && crimeRecordedOn) {
      await tx.caseEvent.create({
        data: {
          reportId: report.id,
          type: "CRIME_RECORDED",
          occurredOn: crimeRecordedOn,
          crimeReference,
          recordedById: user.id,
        },
      });
      written.push({ type: "CRIME_RECORDED", occurredOn: crimeRecordedOn, createdAt: now });
    }
    const event = await tx.caseEvent.create({
      data: {
        ...input,
        crimeReference: input.type === "OUTCOME_RECORDED" ? null : input.crimeReference,
        reportId: report.id,
        recordedById: user.id,
        idempotencyKey: token,
      },
      select: { id: true },
    });
    const updateDueBy = await scheduleVictimUpdate(tx, {
      reportId: report.id,
      caseEventId: event.id,
      event: input,
      trailBefore: written,
      enhancedRights: report.enhancedRights,
    });
    written.push({ ...input, createdAt: now });
    // The report's own crime-recording answer follows the trail. The edit version is left
    // alone: it guards the details officers edit by hand, which this does not touch.
    const newCrimeReference = input.type === "CRIME_RECORDED" ? input.crimeReference : crimeReference;
    if (newCrimeReference) {
      await tx.incidentReport.update({
        where: { id: report.id, unitId },
        data: { crimeRecorded: "YES", crimeReference: report.crimeReference ?? newCrimeReference },
      });
    }
    await recordAudit(tx, {
      actor: user,
      action: "case-event.record",
      recordType: "report",
      recordId: report.id,
      outcome: "SUCCESS",
    });
    // A final outcome (or, where charged, the court result after outcome 1/1A) closes the case.
    // Asked of the trail, not the stored status, which may lag on data not yet aligned.
    const closes =
      statusOfTrail(report.caseEvents).status === "OPEN" && statusOfTrail(written).status === "CLOSED";
    if (closes) {
      await writeClosing(tx, {
        actor: user,
        reportId: report.id,
        unitId,
        reason: "FINAL_OUTCOME",
        occurredOn: input.occurredOn,
        notes: null,
        closedAt: now,
      });
    }
    return { status: "recorded", eventId: event.id, updateDueBy, closed: closes };
  });
}

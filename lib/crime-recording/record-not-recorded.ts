// Recording that a disclosed crime is not being recorded, and why. It sets the report's
// crime-recording answer to "no" with the reason, audited in the same transaction. It is
// refused once a crime reference exists: a recorded crime cannot also be "not recorded".
import { rowScopeOf, withRowScope } from "@/lib/db/scope";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { unitScope } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";
import { isUuid } from "@/lib/ids";
import { notRecordedValues, parseNotRecorded, type NotRecordedField, type NotRecordedValues } from "./schema";
import { openableReportWhere } from "@/lib/reports/restriction";

export type RecordNotRecordedResult =
  | { status: "saved" }
  | {
      status: "invalid";
      values: Partial<NotRecordedValues>;
      fieldErrors: Partial<Record<NotRecordedField, string>>;
      formError?: string;
    }
  | { status: "not-found" };

const ACTION = "report.crime-not-recorded";

export async function recordCrimeNotRecorded(
  user: CurrentUser,
  reportId: string,
  raw: Record<string, unknown>,
): Promise<RecordNotRecordedResult> {
  const unitId = unitScope(user, "report:update:unit");
  if (!unitId || !isUuid(reportId)) {
    await recordAudit(db(), {
      actor: user,
      action: ACTION,
      recordType: "report",
      recordId: isUuid(reportId) ? reportId : undefined,
      outcome: "DENIED",
    });
    return { status: "not-found" };
  }
  return withRowScope(rowScopeOf(user), async (tx) => {
    const report = await tx.incidentReport.findFirst({
      where: { id: reportId, unitId, ...openableReportWhere(user) },
      select: { id: true, crimeReference: true },
    });
    if (!report) {
      await recordAudit(tx, {
        actor: user,
        action: ACTION,
        recordType: "report",
        recordId: reportId,
        outcome: "DENIED",
      });
      return { status: "not-found" as const };
    }
    const values = notRecordedValues(raw);
    if ((report.crimeReference ?? "") !== "")
      return {
        status: "invalid" as const,
        values,
        fieldErrors: {},
        formError: "caseCrimeRecording.errors.alreadyRecorded",
      };
    const parsed = parseNotRecorded(raw);
    if (!parsed.ok)
      return {
        status: "invalid" as const,
        values,
        fieldErrors: parsed.fieldErrors,
        formError: parsed.formError,
      };
    // The edit version is left alone: the edit form does not hold these fields.
    await tx.incidentReport.update({
      where: { id: report.id, unitId },
      data: { crimeRecorded: "NO", crimeNotRecordedWhy: parsed.reason },
    });
    await recordAudit(tx, {
      actor: user,
      action: ACTION,
      recordType: "report",
      recordId: report.id,
      outcome: "SUCCESS",
    });
    return { status: "saved" as const };
  });
}

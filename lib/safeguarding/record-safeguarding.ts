// Adding a safeguarding record to a report from the case page. The record and its audit
// event are written in one transaction.
import { rowScopeOf, withRowScope } from "@/lib/db/scope";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { unitScope } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";
import { isUuid } from "@/lib/ids";
import {
  parseSafeguarding,
  safeguardingFormValues,
  type SafeguardingField,
  type SafeguardingFormValues,
} from "./schema";
import { openableReportWhere } from "@/lib/reports/restriction";

export type RecordSafeguardingResult =
  | { status: "recorded"; recordId: string }
  | {
      status: "invalid";
      values: Partial<SafeguardingFormValues>;
      fieldErrors: Partial<Record<SafeguardingField, string>>;
      formError?: string;
    }
  | { status: "not-found" };

const ACTION = "safeguarding.record";

export async function recordSafeguarding(
  user: CurrentUser,
  reportId: string,
  raw: Record<string, unknown>,
): Promise<RecordSafeguardingResult> {
  const unitId = unitScope(user, "safeguarding:record:unit");
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
      select: { id: true },
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
    const parsed = parseSafeguarding(raw);
    if (!parsed.ok)
      return {
        status: "invalid" as const,
        values: safeguardingFormValues(raw),
        fieldErrors: parsed.fieldErrors,
        formError: parsed.formError,
      };
    const record = await tx.safeguardingRecord.create({
      data: { ...parsed.input, reportId: report.id, unitId, recordedById: user.id },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: user,
      action: ACTION,
      recordType: "report",
      recordId: report.id,
      outcome: "SUCCESS",
    });
    return { status: "recorded" as const, recordId: record.id };
  });
}

// Recording a risk assessment on a report. The assessment, the report's current level and
// review date (kept on the report for lists and counts) and the audit event are written in
// one transaction, so the report never shows a level that no assessment gave it.
import { rowScopeOf, withRowScope } from "@/lib/db/scope";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { unitScope } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";
import { isUuid } from "@/lib/ids";
import { londonToday } from "@/lib/time/london";
import { parseRiskAssessment, riskFormValues, type RiskField, type RiskFormValues } from "./schema";
import { openableReportWhere } from "@/lib/reports/restriction";

export type AssessRiskResult =
  | { status: "assessed"; assessmentId: string; reviewOn: Date }
  | {
      status: "invalid";
      values: Partial<RiskFormValues>;
      fieldErrors: Partial<Record<RiskField, string>>;
      formError?: string;
    }
  | { status: "not-found" };

const ACTION = "risk.assess";

export async function assessRisk(
  user: CurrentUser,
  reportId: string,
  raw: Record<string, unknown>,
  now: Date = new Date(),
): Promise<AssessRiskResult> {
  const unitId = unitScope(user, "risk:assess:unit");
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
    const parsed = parseRiskAssessment(raw, londonToday(now));
    if (!parsed.ok)
      return {
        status: "invalid" as const,
        values: riskFormValues(raw),
        fieldErrors: parsed.fieldErrors,
        formError: parsed.formError,
      };
    const { input } = parsed;
    const assessment = await tx.riskAssessment.create({
      data: { ...input, reportId: report.id, unitId, assessedById: user.id },
      select: { id: true },
    });
    // The edit version is left alone: it guards the details officers edit by hand.
    await tx.incidentReport.update({
      where: { id: report.id, unitId },
      data: { riskLevel: input.level, riskReviewOn: input.reviewOn },
    });
    await recordAudit(tx, {
      actor: user,
      action: ACTION,
      recordType: "report",
      recordId: report.id,
      outcome: "SUCCESS",
    });
    return { status: "assessed" as const, assessmentId: assessment.id, reviewOn: input.reviewOn };
  });
}

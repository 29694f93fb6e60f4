// Reading risk assessments. Every function takes the signed-in user and scopes by unit.
import { rowScopeOf, withRowScope } from "@/lib/db/scope";

import { unitScope } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";
import { isUuid } from "@/lib/ids";
import { londonToday } from "@/lib/time/london";
import type { RiskFactor, RiskLevel } from "@/lib/generated/prisma/enums";
import { isReviewOverdue } from "./review";
import { openableReportWhere } from "@/lib/reports/restriction";

export type RiskAssessmentView = {
  id: string;
  level: RiskLevel;
  factors: RiskFactor[];
  rationale: string;
  safetyPlan: string | null;
  reviewOn: Date;
  assessedAt: Date;
  assessedBy: string | null;
};

export type ReportRisk = {
  current: (RiskAssessmentView & { overdue: boolean }) | null;
  earlier: RiskAssessmentView[];
};

// The risk panel of the case page. It is part of the case view, which getReportForUser
// audits; call it only after that view succeeded.
export async function getRiskForReport(
  user: CurrentUser,
  reportId: string,
  now: Date = new Date(),
): Promise<ReportRisk | null> {
  const unitId = unitScope(user, "report:read:unit");
  if (!unitId || !isUuid(reportId)) return null;
  const rows = await withRowScope(rowScopeOf(user), (tx) =>
    tx.riskAssessment.findMany({
      where: { reportId, unitId, report: openableReportWhere(user) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: {
        id: true,
        level: true,
        factors: true,
        rationale: true,
        safetyPlan: true,
        reviewOn: true,
        createdAt: true,
        assessedBy: { select: { name: true } },
      },
    }),
  );
  const views = rows.map(({ createdAt, assessedBy, ...row }) => ({
    ...row,
    assessedAt: createdAt,
    assessedBy: assessedBy?.name ?? null,
  }));
  const [current, ...earlier] = views;
  return {
    current: current ? { ...current, overdue: isReviewOverdue(current.reviewOn, londonToday(now)) } : null,
    earlier,
  };
}

export type ReportForRiskForm = { id: string; reference: string; riskLevel: RiskLevel | null };

// What the assessment form shows: the reference only, no case content, so not audited.
export async function getReportForRiskForm(user: CurrentUser, id: string): Promise<ReportForRiskForm | null> {
  const unitId = unitScope(user, "risk:assess:unit");
  if (!unitId || !isUuid(id)) return null;
  return withRowScope(rowScopeOf(user), (tx) =>
    tx.incidentReport.findFirst({
      where: { id, unitId, ...openableReportWhere(user) },
      select: { id: true, reference: true, riskLevel: true },
    }),
  );
}

export type OverdueReview = {
  reportId: string;
  reference: string;
  level: RiskLevel | null;
  reviewOn: Date;
  assignedOfficerName: string | null;
  mine: boolean;
};

const LIMIT = 50;

// Open reports in the unit whose risk review day has passed in London. The whole unit's are
// listed, because a high-risk person must not wait while their officer is away; the
// officer's own come first, then the highest risk, then the longest overdue. Only references
// and levels are shown (no case content), like the list of open reports.
export async function findOverdueRiskReviews(
  user: CurrentUser,
  now: Date = new Date(),
): Promise<{ total: number; rows: OverdueReview[] }> {
  const unitId = unitScope(user, "report:read:unit");
  if (!unitId) return { total: 0, rows: [] };
  // A restricted case is listed only to those who may open it (its reference is on the
  // list of open reports for everyone else).
  const where = {
    unitId,
    status: "OPEN" as const,
    riskReviewOn: { lt: londonToday(now) },
    ...openableReportWhere(user),
  };
  const select = {
    id: true,
    reference: true,
    riskLevel: true,
    riskReviewOn: true,
    assignedOfficerId: true,
    assignedOfficer: { select: { name: true } },
  } as const;
  // RiskLevel is declared STANDARD, MEDIUM, HIGH, so descending puts high risk first.
  const orderBy = [
    { riskLevel: { sort: "desc" as const, nulls: "last" as const } },
    { riskReviewOn: "asc" as const },
    { id: "asc" as const },
  ];
  const { total, mine, others } = await withRowScope(rowScopeOf(user), async (tx) => {
    const total = await tx.incidentReport.count({ where });
    const mine = await tx.incidentReport.findMany({
      where: { ...where, assignedOfficerId: user.id },
      orderBy,
      take: LIMIT,
      select,
    });
    const others =
      mine.length < LIMIT
        ? await tx.incidentReport.findMany({
            where: { ...where, OR: [{ assignedOfficerId: null }, { assignedOfficerId: { not: user.id } }] },
            orderBy,
            take: LIMIT - mine.length,
            select,
          })
        : [];
    return { total, mine, others };
  });
  const rows = [...mine, ...others].flatMap((r) =>
    r.riskReviewOn
      ? [
          {
            reportId: r.id,
            reference: r.reference,
            level: r.riskLevel,
            reviewOn: r.riskReviewOn,
            assignedOfficerName: r.assignedOfficer?.name ?? null,
            mine: r.assignedOfficerId === user.id,
          },
        ]
      : [],
  );
  return { total, rows };
}

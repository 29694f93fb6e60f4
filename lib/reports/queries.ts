// Reading reports. Every function takes the signed-in user and scopes by their unit.
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { recordAudit } from "@/lib/audit/record-audit";
import { unitScope } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";
import { pageOf, type Page } from "@/lib/pagination";
import { isUuid } from "@/lib/ids";
import type { IncidentType, ReportStatus } from "@/lib/generated/prisma/enums";

export type ReportListRow = {
  id: string;
  reference: string;
  reportedAt: Date;
  incidentTypes: IncidentType[];
  status: ReportStatus;
  assignedOfficerName: string | null;
};

export async function findOpenReportsForUnit(user: CurrentUser, page: number): Promise<Page<ReportListRow>> {
  const unitId = unitScope(user, "report:read:unit");
  if (!unitId) return pageOf([], 0, 1, env().PAGE_SIZE);
  const size = env().PAGE_SIZE;
  const where = { unitId, status: "OPEN" as const };
  const [total, rows] = await db().$transaction([
    db().incidentReport.count({ where }),
    db().incidentReport.findMany({
      where,
      orderBy: [{ reportedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * size,
      take: size,
      select: {
        id: true,
        reference: true,
        reportedAt: true,
        incidentTypes: true,
        status: true,
        assignedOfficer: { select: { name: true } },
      },
    }),
  ]);
  return pageOf(
    rows.map(({ assignedOfficer, ...row }) => ({ ...row, assignedOfficerName: assignedOfficer?.name ?? null })),
    total,
    page,
    size,
  );
}

export async function getReportForUser(user: CurrentUser, id: string) {
  const unitId = unitScope(user, "report:read:unit");
  if (!unitId || !isUuid(id)) return null;
  return db().$transaction(async (tx) => {
    const report = await tx.incidentReport.findFirst({
      where: { id, unitId },
      select: {
        id: true,
        reference: true,
        reportedAt: true,
        incidentFrom: true,
        incidentTo: true,
        incidentDatePrecision: true,
        area: true,
        reportingRoute: true,
        incidentTypes: true,
        relationship: true,
        personWants: true,
        narrative: true,
        crimeReference: true,
        status: true,
        version: true,
        assignedOfficer: { select: { name: true } },
        person: { select: { id: true, workingName: true, language: true } },
        caseEvents: {
          orderBy: [{ occurredOn: "asc" }, { createdAt: "asc" }],
          select: { id: true, type: true, occurredOn: true, outcome: true, courtResult: true, offence: true },
        },
      },
    });
    // A refused look is audited too: probing for other units' records should be visible.
    await recordAudit(tx, {
      actor: user,
      action: "report.view",
      recordType: "report",
      recordId: id,
      outcome: report ? "SUCCESS" : "DENIED",
    });
    return report;
  });
}

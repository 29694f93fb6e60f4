// Linked reports: other reports in the same unit whose suspect shares an identifier
// (vehicle registration, phone number, online handle) with this one, compared in normalised
// form. Officers and supervisors see the links; partners and administrators never do, as
// they may not read reports at all.
import { rowScopeOf, withRowScope } from "@/lib/db/scope";

import { unitScope } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";
import { isUuid } from "@/lib/ids";
import type { IdentifierKind } from "@/lib/generated/prisma/enums";
import { openableReportWhere } from "@/lib/reports/restriction";

export type SharedIdentifier = { kind: IdentifierKind; normalised: string };

export type LinkedReport = {
  id: string;
  reference: string;
  reportedAt: Date;
  shared: SharedIdentifier[];
};

export async function findLinkedReports(user: CurrentUser, reportId: string): Promise<LinkedReport[]> {
  const unitId = unitScope(user, "report:read:unit");
  if (!unitId || !isUuid(reportId)) return [];
  return withRowScope(rowScopeOf(user), async (tx) => {
    const own = await tx.suspectIdentifier.findMany({
      where: { unitId, suspect: { reportId, report: { unitId, ...openableReportWhere(user) } } },
      select: { kind: true, normalised: true },
    });
    if (own.length === 0) return [];
    const keys = [...new Map(own.map((i) => [`${i.kind}:${i.normalised}`, i])).values()];
    const matches = await tx.suspectIdentifier.findMany({
      where: {
        unitId,
        OR: keys.map(({ kind, normalised }) => ({ kind, normalised })),
        // A restricted case the user may not open is not linked: the match itself would tell
        // them about its suspect.
        suspect: { reportId: { not: reportId }, report: { unitId, ...openableReportWhere(user) } },
      },
      select: {
        kind: true,
        normalised: true,
        suspect: { select: { report: { select: { id: true, reference: true, reportedAt: true } } } },
      },
    });
    const byReport = new Map<string, LinkedReport>();
    for (const match of matches) {
      const report = match.suspect.report;
      const linked = byReport.get(report.id) ?? { ...report, shared: [] };
      if (!linked.shared.some((s) => s.kind === match.kind && s.normalised === match.normalised)) {
        linked.shared.push({ kind: match.kind, normalised: match.normalised });
      }
      byReport.set(report.id, linked);
    }
    return [...byReport.values()].sort((a, b) => a.reportedAt.getTime() - b.reportedAt.getTime());
  });
}

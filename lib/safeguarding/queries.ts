// Reading safeguarding records. Scoped by unit in the `where`.
import { rowScopeOf, withRowScope } from "@/lib/db/scope";

import { unitScope } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";
import { isUuid } from "@/lib/ids";
import type { SafeguardingConcern } from "@/lib/generated/prisma/enums";
import { openableReportWhere } from "@/lib/reports/restriction";

export type SafeguardingView = {
  id: string;
  concern: SafeguardingConcern;
  referralMade: boolean;
  referredTo: string | null;
  notMadeReason: string | null;
  recordedAt: Date;
  recordedBy: string | null;
};

// The safeguarding panel of the case page: part of the case view, which getReportForUser
// audits; call it only after that view succeeded. Oldest first, as concerns were raised.
export async function findSafeguardingForReport(
  user: CurrentUser,
  reportId: string,
): Promise<SafeguardingView[] | null> {
  const unitId = unitScope(user, "report:read:unit");
  if (!unitId || !isUuid(reportId)) return null;
  const rows = await withRowScope(rowScopeOf(user), (tx) =>
    tx.safeguardingRecord.findMany({
      where: { reportId, unitId, report: openableReportWhere(user) },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        concern: true,
        referralMade: true,
        referredTo: true,
        notMadeReason: true,
        createdAt: true,
        recordedBy: { select: { name: true } },
      },
    }),
  );
  return rows.map(({ createdAt, recordedBy, ...row }) => ({
    ...row,
    recordedAt: createdAt,
    recordedBy: recordedBy?.name ?? null,
  }));
}

// What the form shows: the reference only, no case content, so not audited.
export async function getReportForSafeguardingForm(
  user: CurrentUser,
  id: string,
): Promise<{ id: string; reference: string } | null> {
  const unitId = unitScope(user, "safeguarding:record:unit");
  if (!unitId || !isUuid(id)) return null;
  return withRowScope(rowScopeOf(user), (tx) =>
    tx.incidentReport.findFirst({
      where: { id, unitId, ...openableReportWhere(user) },
      select: { id: true, reference: true },
    }),
  );
}

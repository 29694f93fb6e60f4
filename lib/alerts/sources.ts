// What the draft page reads from the unit's reports: the fields an alert may be built from
// (never the narrative, the person or the place), and the agencies the unit works with.
import { rowScopeOf, withRowScope } from "@/lib/db/scope";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { unitScope } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";
import { isUuid } from "@/lib/ids";
import type { IncidentType } from "@/lib/generated/prisma/enums";
import type { PrefillReport } from "./prefill";
import { MAX_SOURCE_REPORTS } from "./schema";
import { openableReportWhere } from "@/lib/reports/restriction";

export const PREFILL_REPORT_SELECT = {
  id: true,
  reportedAt: true,
  incidentFrom: true,
  incidentTo: true,
  area: true,
  incidentTypes: true,
  suspects: {
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { description: true, identifiers: { select: { kind: true, value: true } } },
  },
} satisfies Prisma.IncidentReportSelect;

export type SourceReport = PrefillReport & { reference: string };
export type PickableReport = {
  id: string;
  reference: string;
  reportedAt: Date;
  incidentTypes: IncidentType[];
};
export type LinkedAgency = { id: string; name: string };

export type DraftSources = {
  chosen: SourceReport[];
  // The unit's reports that name a suspect, newest first, to add to the alert.
  pickable: PickableReport[];
  agencies: LinkedAgency[];
};

const PICKER_SIZE = 100;

export async function getDraftSources(
  user: CurrentUser,
  reportIds: readonly string[],
): Promise<DraftSources | null> {
  const unitId = unitScope(user, "alert:draft:unit");
  if (!unitId) return null;
  const ids = [...new Set(reportIds.filter(isUuid))].slice(0, MAX_SOURCE_REPORTS);
  return withRowScope(rowScopeOf(user), async (tx) => {
    const chosen = await tx.incidentReport.findMany({
      where: { id: { in: ids }, unitId, ...openableReportWhere(user) },
      select: { ...PREFILL_REPORT_SELECT, reference: true },
    });
    const pickable = await tx.incidentReport.findMany({
      where: { unitId, suspects: { some: {} }, ...openableReportWhere(user) },
      orderBy: [{ reportedAt: "desc" }, { id: "desc" }],
      take: PICKER_SIZE,
      select: { id: true, reference: true, reportedAt: true, incidentTypes: true },
    });
    const links = await tx.unitAgencyLink.findMany({
      where: { unitId },
      orderBy: { agency: { name: "asc" } },
      select: { agency: { select: { id: true, name: true } } },
    });
    await recordAudit(tx, {
      actor: user,
      action: "alert.sources",
      recordType: "unit",
      recordId: unitId,
      outcome: "SUCCESS",
    });
    // In the order asked for, so the officer's first choice stays first.
    const order = new Map(ids.map((id, i) => [id, i]));
    chosen.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    return { chosen, pickable, agencies: links.map((l) => l.agency) };
  });
}

// Reading safety alerts. The unit sees all of its own alerts and what they were built from;
// a partner sees only active, unexpired alerts addressed to their agency, and of each only
// what goes on the printed sheet. Every read is scoped in the `where` and audited in the
// same transaction; anything else is "not found", audited as DENIED.

import { rowScopeOf, withRowScope } from "@/lib/db/scope";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { agencyScope, unitScope } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";
import { isUuid } from "@/lib/ids";
import type { AlertStatus } from "@/lib/generated/prisma/enums";
import type { AlertPart, SourceField, SourceFields } from "./prefill";
import { ALERT_PARTS } from "./prefill";

// Active for partners: approved, not withdrawn, and not yet at its expiry.
export function liveAlertWhere(now: Date): Prisma.SafetyAlertWhereInput {
  return { status: "ACTIVE", expiresAt: { gt: now } };
}

export type UnitAlertRow = {
  id: string;
  title: string;
  status: AlertStatus;
  expired: boolean;
  updatedAt: Date;
  expiresAt: Date | null;
};

export async function findAlertsForUnit(user: CurrentUser, now: Date = new Date()): Promise<UnitAlertRow[]> {
  const unitId = unitScope(user, "alert:read:unit");
  if (!unitId) return [];
  return withRowScope(rowScopeOf(user), async (tx) => {
    const rows = await tx.safetyAlert.findMany({
      where: { unitId },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: 200,
      select: { id: true, title: true, status: true, updatedAt: true, expiresAt: true },
    });
    await recordAudit(tx, {
      actor: user,
      action: "alert.list",
      recordType: "unit",
      recordId: unitId,
      outcome: "SUCCESS",
    });
    return rows.map((r) => ({ ...r, expired: isExpired(r, now) }));
  });
}

function isExpired(alert: { status: AlertStatus; expiresAt: Date | null }, now: Date): boolean {
  return alert.status === "ACTIVE" && (alert.expiresAt === null || alert.expiresAt <= now);
}

// What goes on the partner's sheet; the unit's view adds its own working fields.
export type AlertSheet = {
  id: string;
  title: string;
  description: string;
  vehicles: string | null;
  phoneNumbers: string | null;
  onlineHandles: string | null;
  area: string | null;
  whatHappened: string;
  periodFrom: Date | null;
  periodTo: Date | null;
  approvedAt: Date | null;
  expiresAt: Date | null;
  unitName: string;
};

const SHEET_SELECT = {
  id: true,
  title: true,
  description: true,
  vehicles: true,
  phoneNumbers: true,
  onlineHandles: true,
  area: true,
  whatHappened: true,
  periodFrom: true,
  periodTo: true,
  approvedAt: true,
  expiresAt: true,
  unit: { select: { name: true } },
} as const;

export type UnitAlertView = AlertSheet & {
  status: AlertStatus;
  expired: boolean;
  createdById: string | null;
  createdByName: string | null;
  approvedByName: string | null;
  returnedReason: string | null;
  withdrawnAt: Date | null;
  withdrawnReason: string | null;
  recipients: { id: string; name: string }[];
  sourceReports: { id: string; reference: string }[];
  sources: { part: AlertPart; fields: SourceField[] }[];
  // The edit form's lists, as ids.
  agencyIds: string[];
  sourceReportIds: string[];
};

export async function getAlertForUnit(
  user: CurrentUser,
  id: string,
  now: Date = new Date(),
): Promise<UnitAlertView | null> {
  const unitId = unitScope(user, "alert:read:unit");
  return withRowScope(rowScopeOf(user), async (tx) => {
    const row =
      unitId && isUuid(id)
        ? await tx.safetyAlert.findFirst({
            where: { id, unitId },
            select: {
              ...SHEET_SELECT,
              status: true,
              createdById: true,
              approvedById: true,
              returnedReason: true,
              withdrawnAt: true,
              withdrawnReason: true,
              sourceReportIds: true,
              sourceFields: true,
              recipients: { select: { agency: { select: { id: true, name: true } } } },
            },
          })
        : null;
    await recordAudit(tx, {
      actor: user,
      action: "alert.view",
      recordType: "alert",
      recordId: isUuid(id) ? id : undefined,
      outcome: row ? "SUCCESS" : "DENIED",
    });
    if (!row || !unitId) return null;
    const people = await tx.user.findMany({
      where: { id: { in: [row.createdById, row.approvedById].filter((v): v is string => v !== null) } },
      select: { id: true, name: true },
    });
    const reports = await tx.incidentReport.findMany({
      where: { id: { in: row.sourceReportIds }, unitId },
      select: { id: true, reference: true },
    });
    const nameOf = (userId: string | null) => people.find((p) => p.id === userId)?.name ?? null;
    const { unit, recipients, sourceFields, approvedById, ...rest } = row;
    return {
      ...rest,
      unitName: unit.name,
      expired: isExpired(row, now),
      createdByName: nameOf(row.createdById),
      approvedByName: nameOf(approvedById),
      recipients: recipients.map((r) => r.agency).sort((a, b) => a.name.localeCompare(b.name)),
      agencyIds: recipients.map((r) => r.agency.id),
      sourceReports: row.sourceReportIds.flatMap((rid) => reports.filter((r) => r.id === rid)),
      sources: readSources(sourceFields),
    };
  });
}

// The stored JSON, read back defensively: only known parts and string lists survive.
function readSources(value: unknown): { part: AlertPart; fields: SourceField[] }[] {
  if (!value || typeof value !== "object") return [];
  const stored = value as SourceFields;
  return ALERT_PARTS.flatMap((part) => {
    const fields = stored[part];
    return Array.isArray(fields) && fields.length
      ? [{ part, fields: fields.filter((f): f is SourceField => typeof f === "string") }]
      : [];
  });
}

export type AgencyAlertRow = { id: string; title: string; area: string | null; approvedAt: Date | null };

export async function findActiveAlertsForAgency(
  user: CurrentUser,
  now: Date = new Date(),
): Promise<AgencyAlertRow[]> {
  const agencyId = agencyScope(user, "alert:read:agency");
  if (!agencyId) return [];
  return withRowScope(rowScopeOf(user), async (tx) => {
    const rows = await tx.safetyAlert.findMany({
      where: { ...liveAlertWhere(now), recipients: { some: { agencyId } } },
      orderBy: [{ approvedAt: "desc" }, { id: "desc" }],
      take: 100,
      select: { id: true, title: true, area: true, approvedAt: true },
    });
    await recordAudit(tx, {
      actor: user,
      action: "alert.list",
      recordType: "agency",
      recordId: agencyId,
      outcome: "SUCCESS",
    });
    return rows;
  });
}

export async function getAlertForAgency(
  user: CurrentUser,
  id: string,
  now: Date = new Date(),
): Promise<AlertSheet | null> {
  const agencyId = agencyScope(user, "alert:read:agency");
  return withRowScope(rowScopeOf(user), async (tx) => {
    const row =
      agencyId && isUuid(id)
        ? await tx.safetyAlert.findFirst({
            where: { id, ...liveAlertWhere(now), recipients: { some: { agencyId } } },
            select: SHEET_SELECT,
          })
        : null;
    await recordAudit(tx, {
      actor: user,
      action: "alert.view",
      recordType: "alert",
      recordId: isUuid(id) ? id : undefined,
      outcome: row ? "SUCCESS" : "DENIED",
    });
    if (!row) return null;
    const { unit, ...rest } = row;
    return { ...rest, unitName: unit.name };
  });
}

export type AlertMatch = { id: string; title: string };

// Active alerts of the unit whose identifiers match this report's suspects. Alerts built
// from this very report are left out: they match by construction and say nothing new.
export async function findAlertMatchesForReport(
  user: CurrentUser,
  reportId: string,
  now: Date = new Date(),
): Promise<AlertMatch[]> {
  const unitId = unitScope(user, "alert:read:unit");
  if (!unitId || !isUuid(reportId)) return [];
  return withRowScope(rowScopeOf(user), async (tx) => {
    const identifiers = await tx.suspectIdentifier.findMany({
      where: { unitId, suspect: { reportId, report: { unitId } } },
      select: { kind: true, normalised: true },
    });
    if (identifiers.length === 0) return [];
    return tx.safetyAlert.findMany({
      where: {
        unitId,
        ...liveAlertWhere(now),
        NOT: { sourceReportIds: { has: reportId } },
        identifiers: {
          some: { unitId, OR: identifiers.map((i) => ({ kind: i.kind, normalised: i.normalised })) },
        },
      },
      orderBy: [{ approvedAt: "desc" }, { id: "desc" }],
      select: { id: true, title: true },
    });
  });
}

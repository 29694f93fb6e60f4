// Restricting a case, lifting a restriction, opening a restricted case by override, and the
// supervisors' review of overrides. Each is authorised, scoped to the user's unit, validated
// and audited in one transaction; a refusal is audited too.
import { rowScopeOf, withRowScope } from "@/lib/db/scope";
import type { Tx } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { unitScope } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";
import { hasRecentAuth } from "@/lib/auth/recent-auth";
import { isUuid } from "@/lib/ids";
import type { RestrictionChange } from "@/lib/generated/prisma/enums";
import { openableReportWhere } from "./restriction";
import { restrictionErrors, restrictionReasonSchema } from "./restriction-schema";

export type RestrictionResult =
  | { status: "done" }
  | { status: "invalid"; fieldErrors: Partial<Record<"reason", string>>; formError?: string }
  // Opening by override needs a password or code check within the last five minutes.
  | { status: "reauth" };

async function refuse(tx: Tx, user: CurrentUser, action: string, reportId: string): Promise<null> {
  await recordAudit(tx, {
    actor: user,
    action,
    recordType: "report",
    recordId: isUuid(reportId) ? reportId : undefined,
    outcome: "DENIED",
  });
  return null;
}

// A supervisor restricts (restrict = true) or lifts the restriction of a case in their unit.
// Null when the report does not exist or the user may not decide.
export async function decideRestriction(
  user: CurrentUser,
  reportId: string,
  restrict: boolean,
  raw: unknown,
  now: Date = new Date(),
): Promise<RestrictionResult | null> {
  const action = restrict ? "report.restrict" : "report.restriction.lift";
  const unitId = unitScope(user, "report:restrict:unit");
  return withRowScope(rowScopeOf(user), async (tx) => {
    const report =
      unitId && isUuid(reportId)
        ? await tx.incidentReport.findFirst({
            where: { id: reportId, unitId },
            select: { id: true, unitId: true, restricted: true },
          })
        : null;
    if (!report) return refuse(tx, user, action, reportId);
    const parsed = restrictionReasonSchema.safeParse(raw);
    if (!parsed.success) return { status: "invalid", fieldErrors: restrictionErrors(parsed.error) };
    if (report.restricted === restrict)
      return {
        status: "invalid",
        fieldErrors: {},
        formError: restrict ? "restriction.errors.alreadyRestricted" : "restriction.errors.notRestricted",
      };
    await tx.incidentReport.update({ where: { id: report.id }, data: { restricted: restrict } });
    const change: RestrictionChange = restrict ? "RESTRICTED" : "LIFTED";
    await tx.reportRestriction.create({
      data: {
        reportId: report.id,
        unitId: report.unitId,
        change,
        reason: parsed.data.reason,
        decidedById: user.id,
        decidedAt: now,
      },
    });
    await recordAudit(tx, {
      actor: user,
      action,
      recordType: "report",
      recordId: report.id,
      outcome: "SUCCESS",
    });
    return { status: "done" };
  });
}

// Someone in the unit who may not see a restricted case opens it, saying why, after
// re-authenticating. The override lasts for their current session and alerts the
// supervisors. Null when there is no such restricted case in the user's unit.
export async function overrideRestriction(
  user: CurrentUser,
  reportId: string,
  raw: unknown,
  now: Date = new Date(),
): Promise<RestrictionResult | null> {
  const unitId = unitScope(user, "report:read:unit");
  const recent = await hasRecentAuth(user, now);
  return withRowScope(rowScopeOf(user), async (tx) => {
    const report =
      unitId && isUuid(reportId)
        ? await tx.incidentReport.findFirst({
            where: { id: reportId, unitId, restricted: true },
            select: { id: true, unitId: true },
          })
        : null;
    if (!report) return refuse(tx, user, "report.restriction.override", reportId);
    if (!recent) {
      await refuse(tx, user, "report.restriction.override", reportId);
      return { status: "reauth" };
    }
    const parsed = restrictionReasonSchema.safeParse(raw);
    if (!parsed.success) return { status: "invalid", fieldErrors: restrictionErrors(parsed.error) };
    const open = await tx.incidentReport.count({
      where: { id: report.id, ...openableReportWhere(user) },
    });
    // Already open to them (their own case, a supervisor, or overridden this session).
    if (open > 0) return { status: "done" };
    const override = await tx.restrictedCaseOverride.create({
      data: {
        reportId: report.id,
        unitId: report.unitId,
        userId: user.id,
        sessionId: user.sessionId,
        reason: parsed.data.reason,
        createdAt: now,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: user,
      action: "report.restriction.override",
      recordType: "report",
      recordId: report.id,
      outcome: "SUCCESS",
      subjectKey: override.id,
    });
    return { status: "done" };
  });
}

export type RestrictedCaseNotice = { id: string; reference: string };

// For the case page: a restricted case in the user's unit that they may not open. Only its
// reference, so that they know it exists and can ask to open it.
export async function getRestrictedCaseNotice(
  user: CurrentUser,
  reportId: string,
): Promise<RestrictedCaseNotice | null> {
  const unitId = unitScope(user, "report:read:unit");
  // Supervisors open every case of their unit: there is nothing to override.
  if (!unitId || !isUuid(reportId) || unitScope(user, "report:read:restricted")) return null;
  return withRowScope(rowScopeOf(user), (tx) =>
    tx.incidentReport.findFirst({
      where: { id: reportId, unitId, restricted: true, NOT: openableReportWhere(user) },
      select: { id: true, reference: true },
    }),
  );
}

export type RestrictionHistoryRow = {
  id: string;
  change: RestrictionChange;
  reason: string | null;
  decidedBy: string | null;
  decidedAt: Date;
};

export type RestrictionState = {
  restricted: boolean;
  history: RestrictionHistoryRow[];
  overrides: { id: string; userName: string; reason: string; createdAt: Date }[];
};

// For the case page of someone who may open the case: whether it is restricted, why, and
// (for supervisors) who opened it by override.
export async function getRestrictionState(
  user: CurrentUser,
  reportId: string,
): Promise<RestrictionState | null> {
  const unitId = unitScope(user, "report:read:unit");
  if (!unitId || !isUuid(reportId)) return null;
  const supervisor = unitScope(user, "report:restrict:unit") !== null;
  const report = await withRowScope(rowScopeOf(user), (tx) =>
    tx.incidentReport.findFirst({
      where: { id: reportId, unitId, ...openableReportWhere(user) },
      select: {
        restricted: true,
        restrictions: {
          orderBy: { decidedAt: "asc" },
          select: {
            id: true,
            change: true,
            reason: true,
            decidedAt: true,
            decidedBy: { select: { name: true } },
          },
        },
        accessOverrides: {
          where: supervisor ? {} : { userId: user.id },
          orderBy: { createdAt: "asc" },
          select: { id: true, reason: true, createdAt: true, user: { select: { name: true } } },
        },
      },
    }),
  );
  if (!report) return null;
  return {
    restricted: report.restricted,
    history: report.restrictions.map(({ decidedBy, ...r }) => ({ ...r, decidedBy: decidedBy?.name ?? null })),
    overrides: report.accessOverrides.map(({ user: u, ...o }) => ({ ...o, userName: u.name })),
  };
}

export type OverrideToReview = {
  id: string;
  reportId: string;
  reference: string;
  userName: string;
  reason: string;
  createdAt: Date;
};

// The supervisors' alert: overrides in their unit that nobody has reviewed yet.
export async function findOverridesToReview(user: CurrentUser): Promise<OverrideToReview[]> {
  const unitId = unitScope(user, "report:restrict:unit");
  if (!unitId) return [];
  const rows = await withRowScope(rowScopeOf(user), (tx) =>
    tx.restrictedCaseOverride.findMany({
      where: { unitId, reviewedAt: null },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 50,
      select: {
        id: true,
        reportId: true,
        reason: true,
        createdAt: true,
        report: { select: { reference: true } },
        user: { select: { name: true } },
      },
    }),
  );
  return rows.map(({ report, user: u, ...o }) => ({ ...o, reference: report.reference, userName: u.name }));
}

// A supervisor marks an override as reviewed. Null when there is no such override in the unit.
export async function reviewOverride(
  user: CurrentUser,
  overrideId: string,
  now: Date = new Date(),
): Promise<{ status: "done" } | null> {
  const unitId = unitScope(user, "report:restrict:unit");
  return withRowScope(rowScopeOf(user), async (tx) => {
    const changed =
      unitId && isUuid(overrideId)
        ? await tx.restrictedCaseOverride.updateMany({
            where: { id: overrideId, unitId, reviewedAt: null },
            data: { reviewedAt: now, reviewedById: user.id },
          })
        : { count: 0 };
    await recordAudit(tx, {
      actor: user,
      action: "report.restriction.override.review",
      recordType: "restricted-override",
      recordId: isUuid(overrideId) ? overrideId : undefined,
      outcome: changed.count > 0 ? "SUCCESS" : "DENIED",
    });
    return changed.count > 0 ? { status: "done" } : null;
  });
}

// Accounts, for administrators and for supervisors choosing an officer.
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { recordAudit } from "@/lib/audit/record-audit";
import { can, unitScope } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";
import { pageOf, type Page } from "@/lib/pagination";
import { isUuid } from "@/lib/ids";
import type { UserFilter } from "@/lib/accounts/schema";
import type { OrganisationKind, Role } from "@/lib/generated/prisma/enums";

export type UserRow = {
  id: string;
  name: string;
  email: string;
  role: Role;
  organisationName: string;
  disabled: boolean;
};

// The administrator's list of accounts, paged, narrowed by organisation and role (ids from
// the URL, never names). Staff names and addresses are personal data: the view is audited.
export async function findUsers(
  user: CurrentUser,
  page: number,
  filter: UserFilter = {},
): Promise<Page<UserRow>> {
  const size = env().PAGE_SIZE;
  if (!can(user, "user:read:all")) return pageOf([], 0, 1, size);
  const where = {
    ...(filter.organisation ? { organisationId: filter.organisation } : {}),
    ...(filter.role ? { role: filter.role } : {}),
  };
  return db().$transaction(async (tx) => {
    // One connection per transaction: its queries run one after another.
    const total = await tx.user.count({ where });
    const rows = await tx.user.findMany({
      where,
      orderBy: [{ organisation: { name: "asc" } }, { name: "asc" }, { id: "asc" }],
      skip: (page - 1) * size,
      take: size,
      select: {
        id: true,
        name: true,
        email: true,
        role: true,
        disabledAt: true,
        organisation: { select: { name: true } },
      },
    });
    await recordAudit(tx, { actor: user, action: "user.list", outcome: "SUCCESS" });
    return pageOf(
      rows.map((r) => ({
        id: r.id,
        name: r.name,
        email: r.email,
        role: r.role,
        organisationName: r.organisation.name,
        disabled: r.disabledAt !== null,
      })),
      total,
      page,
      size,
    );
  });
}

export type UserDetail = {
  id: string;
  name: string;
  email: string;
  role: Role;
  organisation: { id: string; name: string; kind: OrganisationKind; active: boolean };
  disabled: boolean;
  createdAt: Date;
  // Whether they have finished setting up: a password chosen and a second factor enrolled.
  hasPassword: boolean;
  secondFactorEnrolled: boolean;
  // The expiry of an unused set-up link, if one is pending; never the link itself.
  pendingSetupLinkExpiresAt: Date | null;
};

// One account, for the administrator's user page. Audited as a view of personal data.
export async function getUserForAdmin(
  user: CurrentUser,
  userId: string,
  now = new Date(),
): Promise<UserDetail | null> {
  if (!can(user, "user:read:all") || !isUuid(userId)) return null;
  return db().$transaction(async (tx) => {
    const found = await tx.user.findUnique({
      where: { id: userId },
      select: {
        id: true,
        name: true,
        email: true,
        role: true,
        disabledAt: true,
        createdAt: true,
        passwordHash: true,
        totpEnrolledAt: true,
        organisation: { select: { id: true, name: true, kind: true, deactivatedAt: true } },
        setupTokens: {
          where: { usedAt: null, expiresAt: { gt: now } },
          orderBy: { expiresAt: "desc" },
          take: 1,
          select: { expiresAt: true },
        },
      },
    });
    if (!found) return null;
    await recordAudit(tx, {
      actor: user,
      action: "user.view",
      recordType: "user",
      recordId: found.id,
      outcome: "SUCCESS",
    });
    return {
      id: found.id,
      name: found.name,
      email: found.email,
      role: found.role,
      organisation: {
        id: found.organisation.id,
        name: found.organisation.name,
        kind: found.organisation.kind,
        active: found.organisation.deactivatedAt === null,
      },
      disabled: found.disabledAt !== null,
      createdAt: found.createdAt,
      hasPassword: found.passwordHash !== null,
      secondFactorEnrolled: found.totpEnrolledAt !== null,
      pendingSetupLinkExpiresAt: found.setupTokens[0]?.expiresAt ?? null,
    };
  });
}

export type OfficerRow = { id: string; name: string; openReports: number };

// The supervisor's view of their unit's officers and their open caseloads.
export async function findOfficersInUnit(user: CurrentUser): Promise<OfficerRow[]> {
  const unitId = unitScope(user, "report:reassign:unit");
  if (!unitId) return [];
  const officers = await db().user.findMany({
    where: { organisationId: unitId, role: { in: ["LIAISON_OFFICER", "SUPERVISOR"] }, disabledAt: null },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      _count: { select: { assignedReports: { where: { status: "OPEN", unitId } } } },
    },
  });
  return officers.map((o) => ({ id: o.id, name: o.name, openReports: o._count.assignedReports }));
}

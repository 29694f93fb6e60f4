// Disabling an account stops it signing in and, through the account-change trigger, ends
// every session it has at once. Enabling it again lets it sign in afresh; no old session
// comes back. The last active administrator cannot be disabled.
import { db } from "@/lib/db/client";
import { roleHas } from "@/lib/authz/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { isUuid } from "@/lib/ids";
import { lockAdministrators, otherActiveAdministrators } from "./admin-guard";
import { auditDenied, refused, type Actor, type AdminResult } from "./result";

export async function disableUser(
  admin: Actor,
  userId: string,
  now = new Date(),
): Promise<AdminResult<object>> {
  if (!roleHas(admin.role, "user:manage:all")) {
    await auditDenied(admin, "user.disable", "user", userId);
    return { status: "not-found" };
  }
  if (!isUuid(userId)) return { status: "not-found" };
  return db().$transaction(async (tx) => {
    await lockAdministrators(tx);
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { role: true, disabledAt: true },
    });
    if (!user) return { status: "not-found" } as const;
    if (user.disabledAt) return { status: "done" } as const;
    if (user.role === "ADMIN" && (await otherActiveAdministrators(tx, { userIds: [userId] })) === 0)
      return refused({}, "admin.errors.lastAdministrator");
    await tx.user.update({ where: { id: userId }, data: { disabledAt: now } });
    // Also in code, not only in the trigger: the sessions end in this transaction whatever
    // the database's triggers are.
    await tx.session.updateMany({ where: { userId, endedAt: null }, data: { endedAt: now } });
    await recordAudit(tx, {
      actor: admin,
      action: "user.disable",
      recordType: "user",
      recordId: userId,
      outcome: "SUCCESS",
    });
    return { status: "done" } as const;
  });
}

export async function enableUser(admin: Actor, userId: string): Promise<AdminResult<object>> {
  if (!roleHas(admin.role, "user:manage:all")) {
    await auditDenied(admin, "user.enable", "user", userId);
    return { status: "not-found" };
  }
  if (!isUuid(userId)) return { status: "not-found" };
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { disabledAt: true, organisation: { select: { deactivatedAt: true } } },
    });
    if (!user) return { status: "not-found" } as const;
    if (!user.disabledAt) return { status: "done" } as const;
    if (user.organisation.deactivatedAt) return refused({}, "admin.errors.organisationInactive");
    await tx.user.update({ where: { id: userId }, data: { disabledAt: null } });
    await recordAudit(tx, {
      actor: admin,
      action: "user.enable",
      recordType: "user",
      recordId: userId,
      outcome: "SUCCESS",
    });
    return { status: "done" } as const;
  });
}

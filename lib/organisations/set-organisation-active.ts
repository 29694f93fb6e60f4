// Deactivating an organisation (an agency closes, a unit is merged) disables every account
// in it at once (the database trigger then ends their sessions) and stops it receiving new
// users or referrals. Reactivating it lets it take users again; the accounts stay
// disabled until an administrator enables each one, on purpose.
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { roleHas } from "@/lib/authz/permissions";
import { isUuid } from "@/lib/ids";
import { lockAdministrators, otherActiveAdministrators } from "@/lib/accounts/admin-guard";
import { auditDenied, refused, type Actor, type AdminResult } from "@/lib/accounts/result";

export async function deactivateOrganisation(
  admin: Actor,
  organisationId: string,
  now = new Date(),
): Promise<AdminResult<object, { usersDisabled: number }>> {
  if (!roleHas(admin.role, "organisation:manage:all")) {
    await auditDenied(admin, "organisation.deactivate", "organisation", organisationId);
    return { status: "not-found" };
  }
  if (!isUuid(organisationId)) return { status: "not-found" };
  return db().$transaction(async (tx) => {
    await lockAdministrators(tx);
    const org = await tx.organisation.findUnique({
      where: { id: organisationId },
      select: { id: true, deactivatedAt: true },
    });
    if (!org) return { status: "not-found" } as const;
    if (org.deactivatedAt) return { status: "done", usersDisabled: 0 } as const;
    if ((await otherActiveAdministrators(tx, { organisationId })) === 0)
      return refused({}, "admin.errors.lastAdministratorOrganisation");
    await tx.organisation.update({ where: { id: organisationId }, data: { deactivatedAt: now } });
    const disabled = await tx.user.updateMany({
      where: { organisationId, disabledAt: null },
      data: { disabledAt: now },
    });
    await recordAudit(tx, {
      actor: admin,
      action: "organisation.deactivate",
      recordType: "organisation",
      recordId: organisationId,
      outcome: "SUCCESS",
    });
    return { status: "done", usersDisabled: disabled.count } as const;
  });
}

export async function reactivateOrganisation(
  admin: Actor,
  organisationId: string,
): Promise<AdminResult<object>> {
  if (!roleHas(admin.role, "organisation:manage:all")) {
    await auditDenied(admin, "organisation.reactivate", "organisation", organisationId);
    return { status: "not-found" };
  }
  if (!isUuid(organisationId)) return { status: "not-found" };
  return db().$transaction(async (tx) => {
    const updated = await tx.organisation.updateMany({
      where: { id: organisationId },
      data: { deactivatedAt: null },
    });
    if (updated.count !== 1) return { status: "not-found" } as const;
    await recordAudit(tx, {
      actor: admin,
      action: "organisation.reactivate",
      recordType: "organisation",
      recordId: organisationId,
      outcome: "SUCCESS",
    });
    return { status: "done" } as const;
  });
}

// An administrator changes a user's role within their organisation. The roles offered
// depend on the organisation's kind; the last active administrator cannot be demoted. The
// database ends the user's sessions when the role changes (the account-change trigger), so
// a session opened under the old role is refused on its next request.
import { db } from "@/lib/db/client";
import { roleHas } from "@/lib/authz/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { fieldErrorsOf } from "@/lib/forms";
import { isUuid } from "@/lib/ids";
import { roleChangeSchema } from "./schema";
import { roleAllowedIn } from "./roles";
import { lockAdministrators, otherActiveAdministrators } from "./admin-guard";
import { auditDenied, refused, textValues, type Actor, type AdminResult } from "./result";

type RoleValues = { role: string };

export async function changeRole(
  admin: Actor,
  userId: string,
  raw: Record<string, unknown>,
): Promise<AdminResult<RoleValues>> {
  if (!roleHas(admin.role, "user:manage:all")) {
    await auditDenied(admin, "user.change-role", "user", userId);
    return { status: "not-found" };
  }
  if (!isUuid(userId)) return { status: "not-found" };
  const values = textValues(raw, ["role"] as const);
  const parsed = roleChangeSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      status: "invalid",
      values,
      fieldErrors: fieldErrorsOf(parsed.error, {
        prefix: "admin.errors",
        fields: ["role"],
        fallbackField: "role",
      }),
    };
  }
  const role = parsed.data.role;
  return db().$transaction(async (tx) => {
    await lockAdministrators(tx);
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { role: true, disabledAt: true, organisation: { select: { kind: true } } },
    });
    if (!user) return { status: "not-found" } as const;
    if (user.role === role) return { status: "done" } as const;
    if (!roleAllowedIn(user.organisation.kind, role))
      return {
        status: "invalid",
        values,
        fieldErrors: { role: `admin.errors.roleNotIn.${user.organisation.kind}` },
      };
    if (
      user.role === "ADMIN" &&
      !user.disabledAt &&
      (await otherActiveAdministrators(tx, { userIds: [userId] })) === 0
    )
      return refused(values, "admin.errors.lastAdministrator");
    await tx.user.update({ where: { id: userId }, data: { role } });
    // Ended here as well as by the trigger: a session must not outlive the role it began in.
    await tx.session.updateMany({ where: { userId, endedAt: null }, data: { endedAt: new Date() } });
    await recordAudit(tx, {
      actor: admin,
      action: "user.change-role",
      recordType: "user",
      recordId: userId,
      outcome: "SUCCESS",
    });
    return { status: "done" } as const;
  });
}

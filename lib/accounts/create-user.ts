// An administrator creates an account with a role in an organisation. The account has no
// password and no second factor: the only way in is the one-time set-up link issued with it
// (shown to the administrator to pass on), where the user chooses both.
import { db } from "@/lib/db/client";
import { roleHas } from "@/lib/authz/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { fieldErrorsOf } from "@/lib/forms";
import { isUniqueViolation } from "@/lib/organisations/unique";
import { USER_FIELDS, userCreateSchema, type UserField, type UserFormValues } from "./schema";
import { roleAllowedIn } from "./roles";
import { sendSetupLink, writeSetupToken } from "./setup-links";
import { auditDenied, refused, textValues, type Actor, type AdminResult } from "./result";

type FieldErrors = Partial<Record<UserField, string>>;

export type CreatedUser = { userId: string; setupUrl: string; expiresAt: Date };

export async function createUser(
  admin: Actor,
  raw: Record<string, unknown>,
  now = new Date(),
): Promise<AdminResult<UserFormValues, CreatedUser>> {
  if (!roleHas(admin.role, "user:manage:all")) {
    await auditDenied(admin, "user.create", "user");
    return { status: "not-found" };
  }
  const values = textValues(raw, USER_FIELDS);
  const parsed = userCreateSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      status: "invalid",
      values,
      fieldErrors: fieldErrorsOf(parsed.error, {
        prefix: "admin.errors",
        fields: USER_FIELDS,
        fallbackField: "name",
      }),
    };
  }
  const form = parsed.data;
  try {
    const created = await db().$transaction(async (tx) => {
      const organisation = await tx.organisation.findFirst({
        where: { id: form.organisationId, deactivatedAt: null },
        select: { kind: true },
      });
      if (!organisation)
        return {
          ok: false as const,
          fieldErrors: { organisationId: "admin.errors.organisation" } as FieldErrors,
        };
      if (!roleAllowedIn(organisation.kind, form.role))
        return {
          ok: false as const,
          fieldErrors: { role: `admin.errors.roleNotIn.${organisation.kind}` } as FieldErrors,
        };
      const user = await tx.user.create({
        data: {
          email: form.email,
          name: form.name,
          role: form.role,
          organisationId: form.organisationId,
          passwordHash: null,
        },
        select: { id: true, email: true, name: true },
      });
      await recordAudit(tx, {
        actor: admin,
        action: "user.create",
        recordType: "user",
        recordId: user.id,
        outcome: "SUCCESS",
      });
      return { ok: true as const, user, link: await writeSetupToken(tx, admin, user.id, now) };
    });
    if (!created.ok) return { status: "invalid", values, fieldErrors: created.fieldErrors };
    await sendSetupLink(created.user, created.link.url, created.link.expiresAt);
    return {
      status: "done",
      userId: created.user.id,
      setupUrl: created.link.url,
      expiresAt: created.link.expiresAt,
    };
  } catch (error) {
    if (isUniqueViolation(error)) return refused(values, "admin.errors.emailTaken");
    throw error;
  }
}

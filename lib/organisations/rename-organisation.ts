// An administrator renames an organisation (an agency rebrands, a unit is renamed).
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { roleHas } from "@/lib/authz/permissions";
import { fieldErrorsOf } from "@/lib/forms";
import { isUuid } from "@/lib/ids";
import { organisationRenameSchema } from "@/lib/accounts/schema";
import { auditDenied, refused, textValues, type Actor, type AdminResult } from "@/lib/accounts/result";
import { isUniqueViolation } from "./unique";

type RenameValues = { name: string };

export async function renameOrganisation(
  admin: Actor,
  organisationId: string,
  raw: Record<string, unknown>,
): Promise<AdminResult<RenameValues>> {
  if (!roleHas(admin.role, "organisation:manage:all")) {
    await auditDenied(admin, "organisation.rename", "organisation", organisationId);
    return { status: "not-found" };
  }
  if (!isUuid(organisationId)) return { status: "not-found" };
  const values = textValues(raw, ["name"] as const);
  const parsed = organisationRenameSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      status: "invalid",
      values,
      fieldErrors: fieldErrorsOf(parsed.error, {
        prefix: "admin.errors",
        fields: ["name"],
        fallbackField: "name",
      }),
    };
  }
  try {
    return await db().$transaction(async (tx) => {
      const updated = await tx.organisation.updateMany({
        where: { id: organisationId },
        data: { name: parsed.data.name },
      });
      if (updated.count !== 1) return { status: "not-found" } as const;
      await recordAudit(tx, {
        actor: admin,
        action: "organisation.rename",
        recordType: "organisation",
        recordId: organisationId,
        outcome: "SUCCESS",
      });
      return { status: "done" } as const;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return refused(values, "admin.errors.organisationNameTaken");
    throw error;
  }
}

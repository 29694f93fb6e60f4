// An administrator adds a police force, a liaison unit (under a force) or a partner agency.
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { roleHas } from "@/lib/authz/permissions";
import { fieldErrorsOf } from "@/lib/forms";
import {
  ORGANISATION_FIELDS,
  organisationCreateSchema,
  type OrganisationFormValues,
} from "@/lib/accounts/schema";
import { auditDenied, refused, textValues, type Actor, type AdminResult } from "@/lib/accounts/result";
import { isUniqueViolation } from "./unique";

export async function createOrganisation(
  admin: Actor,
  raw: Record<string, unknown>,
  now = new Date(),
): Promise<AdminResult<OrganisationFormValues, { organisationId: string }>> {
  if (!roleHas(admin.role, "organisation:manage:all")) {
    await auditDenied(admin, "organisation.create", "organisation");
    return { status: "not-found" };
  }
  const values = textValues(raw, ORGANISATION_FIELDS);
  const parsed = organisationCreateSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      status: "invalid",
      values,
      fieldErrors: fieldErrorsOf(parsed.error, {
        prefix: "admin.errors",
        fields: ORGANISATION_FIELDS,
        fallbackField: "name",
      }),
    };
  }
  const form = parsed.data;
  try {
    return await db().$transaction(async (tx) => {
      if (form.parentId) {
        const parent = await tx.organisation.findFirst({
          where: { id: form.parentId, kind: "POLICE_FORCE", deactivatedAt: null },
          select: { id: true },
        });
        if (!parent) return { status: "invalid", values, fieldErrors: { parentId: "admin.errors.parent" } };
      }
      const created = await tx.organisation.create({
        data: { name: form.name, kind: form.kind, parentId: form.parentId, createdAt: now },
        select: { id: true },
      });
      await recordAudit(tx, {
        actor: admin,
        action: "organisation.create",
        recordType: "organisation",
        recordId: created.id,
        outcome: "SUCCESS",
      });
      return { status: "done", organisationId: created.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return refused(values, "admin.errors.organisationNameTaken");
    throw error;
  }
}

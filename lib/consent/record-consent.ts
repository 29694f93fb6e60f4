// Recording a person's consent to share named things with one partner agency. The person
// must be in the officer's unit and the agency a partner agency; the unit and the officer
// come from the signed-in user.
import { db } from "@/lib/db/client";
import { rowScopeOf, withRowScope } from "@/lib/db/scope";
import { recordAudit } from "@/lib/audit/record-audit";
import { unitScope } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";
import { isUuid } from "@/lib/ids";
import { fieldErrorsOf } from "@/lib/forms";
import {
  CONSENT_FORM_FIELDS,
  consentFormSchema,
  formValues,
  type ConsentFormField,
  type ConsentFormValues,
} from "./schema";

export type RecordConsentResult =
  | { status: "recorded"; consentId: string; personId: string }
  | {
      status: "invalid";
      values: Partial<ConsentFormValues>;
      fieldErrors: Partial<Record<ConsentFormField, string>>;
    }
  | { status: "not-found" };

export async function recordConsent(
  user: CurrentUser,
  personId: string,
  raw: Record<string, unknown>,
  now: Date = new Date(),
): Promise<RecordConsentResult> {
  const unitId = unitScope(user, "consent:record:unit");
  if (!unitId || !isUuid(personId)) {
    await recordAudit(db(), {
      actor: user,
      action: "consent.record",
      recordType: "person",
      recordId: isUuid(personId) ? personId : undefined,
      outcome: "DENIED",
    });
    return { status: "not-found" };
  }
  const values = formValues(raw, CONSENT_FORM_FIELDS);
  const parsed = consentFormSchema(now).safeParse(raw);
  return withRowScope(rowScopeOf(user), async (tx) => {
    const person = await tx.person.findFirst({ where: { id: personId, unitId }, select: { id: true } });
    if (!person) {
      await recordAudit(tx, {
        actor: user,
        action: "consent.record",
        recordType: "person",
        recordId: personId,
        outcome: "DENIED",
      });
      return { status: "not-found" as const };
    }
    const fieldErrors: Partial<Record<ConsentFormField, string>> = parsed.success
      ? {}
      : fieldErrorsOf(parsed.error, {
          prefix: "consents.errors",
          fields: CONSENT_FORM_FIELDS,
          fallbackField: "agencyId",
        });
    const agencyId = parsed.success ? parsed.data.agencyId : null;
    if (agencyId) {
      const agency = await tx.organisation.findFirst({
        where: { id: agencyId, kind: "PARTNER_AGENCY" },
        select: { id: true },
      });
      if (!agency) fieldErrors.agencyId = "consents.errors.agencyId";
    }
    if (!parsed.success || Object.keys(fieldErrors).length > 0)
      return { status: "invalid" as const, values, fieldErrors };
    const input = parsed.data;
    const consent = await tx.consent.create({
      data: {
        personId,
        agencyId: input.agencyId,
        scope: input.note,
        fields: input.fields,
        method: input.method,
        givenAt: input.givenAt,
        expiresAt: input.expiresAt,
        recordedById: user.id,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: user,
      action: "consent.record",
      recordType: "consent",
      recordId: consent.id,
      outcome: "SUCCESS",
    });
    return { status: "recorded" as const, consentId: consent.id, personId };
  });
}

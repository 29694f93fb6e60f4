// An officer refers a person to a partner agency. The referral rests on a live consent of
// that person for that agency, and shares only fields the consent allows; or, for a
// supervisor only, on a lawful basis with a written reason, recorded as a SharingOverride
// apart from consent. The values sent are built here from the person's record, never taken
// from the form. The database trigger referral_requires_basis refuses anything else, so a
// consent withdrawn between the check and the save still stops the referral.
import { db, type Db, type Tx } from "@/lib/db/client";
import { rowScopeOf, withRowScope } from "@/lib/db/scope";
import { hasRecentAuth } from "@/lib/auth/recent-auth";
import { recordAudit } from "@/lib/audit/record-audit";
import { can, unitScope } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";
import { isUuid } from "@/lib/ids";
import { fieldErrorsOf } from "@/lib/forms";
import type { ConsentField } from "@/lib/generated/prisma/enums";
import { formValues } from "@/lib/consent/schema";
import { consentState, fieldsOutside } from "@/lib/consent/state";
import { buildSharedSnapshot } from "./snapshot";
import {
  REFERRAL_FORM_FIELDS,
  referralFormSchema,
  type ReferralFormField,
  type ReferralFormValues,
  type ReferralInput,
} from "./schema";
import { openableReportWhere } from "@/lib/reports/restriction";

export type CreateReferralResult =
  | { status: "created"; referralId: string; personId: string; reportId: string | null }
  | {
      status: "invalid";
      values: Partial<ReferralFormValues>;
      fieldErrors: Partial<Record<ReferralFormField, string>>;
      formError?: string;
    }
  | { status: "not-found" };

type Errors = Partial<Record<ReferralFormField, string>>;

// Raised inside the transaction to roll it back and answer with a message.
class Refused extends Error {
  constructor(readonly formError: string) {
    super(formError);
  }
}

export async function createReferral(
  user: CurrentUser,
  personId: string,
  raw: Record<string, unknown>,
  now: Date = new Date(),
): Promise<CreateReferralResult> {
  const unitId = unitScope(user, "referral:create:unit");
  if (!unitId || !isUuid(personId)) {
    await deny(db(), user, personId);
    return { status: "not-found" };
  }
  const values = formValues(raw, REFERRAL_FORM_FIELDS);
  const parsed = referralFormSchema.safeParse(raw);
  // Sharing without consent is a supervisor's decision: for anyone else the request does
  // not exist.
  if (parsed.success && parsed.data.basis.kind === "override" && !can(user, "consent:override:unit")) {
    await deny(db(), user, personId);
    return { status: "not-found" };
  }
  // Sharing without consent is among the most sensitive things Liaison does: it needs a
  // password or code check within the last five minutes (issue 9), checked here as well as
  // by the page, and a refusal is recorded.
  if (parsed.success && parsed.data.basis.kind === "override" && !(await hasRecentAuth(user, now))) {
    await recordAudit(db(), {
      actor: user,
      action: "consent.override",
      recordType: "person",
      recordId: personId,
      outcome: "DENIED",
    });
    return { status: "invalid", values, fieldErrors: {}, formError: "referrals.errors.reauthNeeded" };
  }
  try {
    return await withRowScope(rowScopeOf(user), (tx) =>
      save(tx, user, unitId, personId, values, parsed, now),
    );
  } catch (error) {
    if (error instanceof Refused)
      return { status: "invalid", values, fieldErrors: {}, formError: error.formError };
    if (isBasisViolation(error))
      return { status: "invalid", values, fieldErrors: {}, formError: "referrals.errors.consentNotLive" };
    throw error;
  }
}

async function save(
  tx: Tx,
  user: CurrentUser,
  unitId: string,
  personId: string,
  values: Partial<ReferralFormValues>,
  parsed: ReturnType<typeof referralFormSchema.safeParse>,
  now: Date,
): Promise<CreateReferralResult> {
  const person = await tx.person.findFirst({
    where: { id: personId, unitId },
    select: {
      workingName: true,
      safeContactMethods: true,
      safeContactTimes: true,
      doNotContactRules: true,
      language: true,
      interpreterNeeds: true,
      accessNeeds: true,
    },
  });
  if (!person) {
    await deny(tx, user, personId);
    return { status: "not-found" };
  }
  if (!parsed.success) {
    const fieldErrors: Errors = fieldErrorsOf(parsed.error, {
      prefix: "referrals.errors",
      fields: REFERRAL_FORM_FIELDS,
      fallbackField: "reason",
    });
    return { status: "invalid", values, fieldErrors };
  }
  const input = parsed.data;
  const fieldErrors: Errors = {};
  const basis = await checkBasis(tx, personId, input, now, fieldErrors);
  const report = input.reportId
    ? await tx.incidentReport.findFirst({
        where: { id: input.reportId, unitId, personId, ...openableReportWhere(user) },
        select: { id: true, incidentTypes: true, incidentFrom: true, reportedAt: true, area: true },
      })
    : null;
  if (input.reportId && !report) fieldErrors.reportId = "referrals.errors.reportId";
  if (!basis || Object.keys(fieldErrors).length > 0) return { status: "invalid", values, fieldErrors };

  const override =
    input.basis.kind === "override"
      ? await tx.sharingOverride.create({
          data: {
            unitId,
            personId,
            agencyId: basis.agencyId,
            basis: input.basis.basis,
            reason: input.basis.reason,
            fields: input.sharedFields,
            approvedById: user.id,
          },
          select: { id: true },
        })
      : null;
  const shared = buildSharedSnapshot(
    { person, reason: input.reason, supportNeeded: input.supportNeeded, report },
    input.sharedFields,
  );
  const referral = await tx.referral.create({
    data: {
      unitId,
      agencyId: basis.agencyId,
      personId,
      reportId: report?.id ?? null,
      consentId: basis.consentId,
      overrideId: override?.id ?? null,
      reason: input.reason,
      supportNeeded: input.supportNeeded,
      officerContact: input.officerContact,
      sharedFields: input.sharedFields,
      shared,
      createdById: user.id,
    },
    select: { id: true },
  });
  if (override)
    await recordAudit(tx, {
      actor: user,
      action: "consent.override",
      recordType: "sharingOverride",
      recordId: override.id,
      outcome: "SUCCESS",
    });
  await recordAudit(tx, {
    actor: user,
    action: "referral.create",
    recordType: "referral",
    recordId: referral.id,
    outcome: "SUCCESS",
  });
  return { status: "created", referralId: referral.id, personId, reportId: report?.id ?? null };
}

// The agency the referral goes to, and the consent it rests on (null for an override).
async function checkBasis(
  tx: Tx,
  personId: string,
  input: ReferralInput,
  now: Date,
  fieldErrors: Errors,
): Promise<{ agencyId: string; consentId: string | null } | null> {
  if (input.basis.kind === "override") {
    const agency = await tx.organisation.findFirst({
      where: { id: input.basis.agencyId, kind: "PARTNER_AGENCY" },
      select: { id: true },
    });
    if (!agency) {
      fieldErrors.agencyId = "referrals.errors.agencyId";
      return null;
    }
    return { agencyId: agency.id, consentId: null };
  }
  // The consent must be this person's: another person's consent is simply not one of theirs.
  const consent = await tx.consent.findFirst({
    where: { id: input.basis.consentId, personId },
    select: { id: true, agencyId: true, fields: true, givenAt: true, expiresAt: true, withdrawnAt: true },
  });
  if (!consent) throw new Refused("referrals.errors.consentNotFound");
  const state = consentState(consent, now);
  if (state === "withdrawn") throw new Refused("referrals.errors.consentWithdrawn");
  if (state === "expired") throw new Refused("referrals.errors.consentExpired");
  if (state !== "live") throw new Refused("referrals.errors.consentNotLive");
  if (fieldsOutside(input.sharedFields, consent.fields as ConsentField[]).length > 0) {
    fieldErrors.sharedFields = "referrals.errors.notConsented";
    return null;
  }
  return { agencyId: consent.agencyId, consentId: consent.id };
}

// The trigger's refusal, as the driver adapter reports it (SQLSTATE 23514, named constraint).
function isBasisViolation(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${JSON.stringify(error)}` : "";
  return text.includes("Referral_live_consent") || text.includes("referral needs");
}

async function deny(client: Tx | Db, user: CurrentUser, personId: string) {
  await recordAudit(client, {
    actor: user,
    action: "referral.create",
    recordType: "person",
    recordId: isUuid(personId) ? personId : undefined,
    outcome: "DENIED",
  });
}

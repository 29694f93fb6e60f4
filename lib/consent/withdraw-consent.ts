// Recording that a person withdrew consent. It takes effect at once, in one transaction:
// the consent stops carrying referrals (the database refuses new ones), and every referral
// sent on it becomes WITHDRAWN with the values it shared erased, so the agency keeps only
// the fact of the referral and its dates and is told to erase its own copy.
import { db } from "@/lib/db/client";
import { rowScopeOf, withRowScope } from "@/lib/db/scope";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { unitScope } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";
import { isUuid } from "@/lib/ids";
import { fieldErrorsOf } from "@/lib/forms";
import { londonToday, londonToUtc } from "@/lib/time/london";
import {
  WITHDRAW_FORM_FIELDS,
  formValues,
  withdrawFormSchema,
  type WithdrawFormField,
  type WithdrawFormValues,
} from "./schema";

export type WithdrawConsentResult =
  | { status: "withdrawn"; personId: string; referralsWithdrawn: number }
  | {
      status: "invalid";
      values: Partial<WithdrawFormValues>;
      fieldErrors: Partial<Record<WithdrawFormField, string>>;
      formError?: string;
    }
  | { status: "not-found" };

export async function withdrawConsent(
  user: CurrentUser,
  personId: string,
  consentId: string,
  raw: Record<string, unknown>,
  now: Date = new Date(),
): Promise<WithdrawConsentResult> {
  const unitId = unitScope(user, "consent:record:unit");
  if (!unitId || !isUuid(personId) || !isUuid(consentId)) {
    await recordAudit(db(), {
      actor: user,
      action: "consent.withdraw",
      recordType: "consent",
      recordId: isUuid(consentId) ? consentId : undefined,
      outcome: "DENIED",
    });
    return { status: "not-found" };
  }
  const values = formValues(raw, WITHDRAW_FORM_FIELDS);
  const parsed = withdrawFormSchema(now).safeParse(raw);
  return withRowScope(rowScopeOf(user), async (tx) => {
    // The consent belongs to a person of the officer's unit; the person is named in the URL
    // too, so a consent id from another person's page is not found here.
    const consent = await tx.consent.findFirst({
      where: { id: consentId, personId, person: { unitId } },
      select: { id: true, givenAt: true, withdrawnAt: true },
    });
    if (!consent) {
      await recordAudit(tx, {
        actor: user,
        action: "consent.withdraw",
        recordType: "consent",
        recordId: consentId,
        outcome: "DENIED",
      });
      return { status: "not-found" as const };
    }
    if (consent.withdrawnAt)
      return {
        status: "invalid" as const,
        values,
        fieldErrors: {},
        formError: "consents.errors.alreadyWithdrawn",
      };
    if (!parsed.success)
      return {
        status: "invalid" as const,
        values,
        fieldErrors: fieldErrorsOf(parsed.error, {
          prefix: "consents.errors",
          fields: WITHDRAW_FORM_FIELDS,
          fallbackField: "method",
        }),
      };
    const { method, withdrawnOn } = parsed.data;
    if (withdrawnOn < londonToday(consent.givenAt))
      return {
        status: "invalid" as const,
        values,
        fieldErrors: { withdrawnOnDay: "consents.errors.withdrawnOnBeforeGiven" },
      };
    // Withdrawn today means from now; an earlier day is recorded as that day's start.
    const withdrawnAt =
      withdrawnOn.getTime() === londonToday(now).getTime()
        ? now
        : londonToUtc({
            year: withdrawnOn.getUTCFullYear(),
            month: withdrawnOn.getUTCMonth() + 1,
            day: withdrawnOn.getUTCDate(),
            hour: 0,
            minute: 0,
          });
    // Only a consent still standing is withdrawn: a colleague's withdrawal a moment earlier
    // wins, and this one changes nothing.
    const changed = await tx.consent.updateMany({
      where: { id: consent.id, withdrawnAt: null },
      data: { withdrawnAt, withdrawalMethod: method, withdrawnById: user.id },
    });
    if (changed.count === 0)
      return {
        status: "invalid" as const,
        values,
        fieldErrors: {},
        formError: "consents.errors.alreadyWithdrawn",
      };
    const referrals = await tx.referral.updateMany({
      where: { consentId: consent.id, unitId, status: { not: "WITHDRAWN" } },
      data: { status: "WITHDRAWN", withdrawnAt: now },
    });
    // Nothing shared on this consent survives, whatever state each referral was in.
    await tx.referral.updateMany({
      where: { consentId: consent.id, unitId },
      data: { shared: Prisma.DbNull },
    });
    await recordAudit(tx, {
      actor: user,
      action: "consent.withdraw",
      recordType: "consent",
      recordId: consent.id,
      outcome: "SUCCESS",
    });
    return { status: "withdrawn" as const, personId, referralsWithdrawn: referrals.count };
  });
}

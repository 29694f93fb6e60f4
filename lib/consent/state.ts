// Whether a consent may still carry a new referral. Pure, so the page, the application and
// its tests agree with the database trigger (referral_requires_basis), which has the last word.
import type { ConsentField } from "@/lib/generated/prisma/enums";

export const CONSENT_FIELDS = [
  "WORKING_NAME",
  "CONTACT_SAFETY",
  "LANGUAGE_AND_ACCESS",
  "REFERRAL_REASON",
  "SUPPORT_NEEDED",
  "INCIDENT_SUMMARY",
] as const satisfies readonly ConsentField[];

export type ConsentState = "live" | "not-yet" | "expired" | "withdrawn";

export type ConsentDates = { givenAt: Date; expiresAt: Date | null; withdrawnAt: Date | null };

export function consentState(consent: ConsentDates, now: Date): ConsentState {
  if (consent.withdrawnAt) return "withdrawn";
  if (consent.expiresAt && consent.expiresAt.getTime() <= now.getTime()) return "expired";
  if (consent.givenAt.getTime() > now.getTime()) return "not-yet";
  return "live";
}

// A Prisma `where` for consents that are live at `now`, matching the trigger's test.
export function liveConsentWhere(now: Date) {
  return {
    withdrawnAt: null,
    givenAt: { lte: now },
    OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
  };
}

// The fields both chosen and allowed, in the fixed order; anything else is refused upstream.
export function fieldsOutside(
  chosen: readonly ConsentField[],
  allowed: readonly ConsentField[],
): ConsentField[] {
  return chosen.filter((f) => !allowed.includes(f));
}

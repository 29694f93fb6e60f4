// Builders for the consent and referral tests: a unit with an officer, a supervisor and two
// partner agencies each with a partner user, and consents written straight to the database.
import { ownerDb } from "@/tests/support/owner-db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { makeOrganisation, signedIn } from "./factories";
import { makeDetailedPerson } from "./people-factories";

export async function makeSharingWorld() {
  const unit = await makeOrganisation();
  const agencyA = await makeOrganisation("PARTNER_AGENCY");
  const agencyB = await makeOrganisation("PARTNER_AGENCY");
  const [officer, supervisor, partnerA, partnerB] = await Promise.all([
    signedIn("LIAISON_OFFICER", unit.id),
    signedIn("SUPERVISOR", unit.id),
    signedIn("PARTNER", agencyA.id),
    signedIn("PARTNER", agencyB.id),
  ]);
  const person = await makeDetailedPerson(unit.id, { accessNeeds: "Step-free access" });
  return { unit, agencyA, agencyB, officer, supervisor, partnerA, partnerB, person };
}

const DAY = 86_400_000;

export async function makeConsent(
  personId: string,
  agencyId: string,
  overrides: Partial<Prisma.ConsentUncheckedCreateInput> = {},
) {
  return ownerDb().consent.create({
    data: {
      personId,
      agencyId,
      scope: "",
      fields: ["WORKING_NAME", "CONTACT_SAFETY", "SUPPORT_NEEDED", "REFERRAL_REASON"],
      method: "VERBAL",
      givenAt: new Date(Date.now() - DAY),
      ...overrides,
    },
  });
}

// What the referral form sends for a consent.
export function referralForm(consentId: string, overrides: Record<string, unknown> = {}) {
  return {
    consentId,
    reason: "Asked for help after an assault",
    supportNeeded: "Emotional support",
    sharedFields: ["WORKING_NAME", "SUPPORT_NEEDED"],
    officerContact: "PC Example, 01632 960001",
    ...overrides,
  };
}

import { describe, expect, it } from "vitest";
import { findReferralsForAgency } from "./queries";
import { makeOrganisation, makeReferral, signedIn } from "@/tests/support/factories";

describe("referrals for a partner agency", () => {
  it("a partner sees referrals to their own agency only", async () => {
    const unit = await makeOrganisation();
    const womensAid = await makeOrganisation("PARTNER_AGENCY");
    const outreach = await makeOrganisation("PARTNER_AGENCY");
    const mine = await makeReferral(unit.id, womensAid.id);
    await makeReferral(unit.id, outreach.id);
    const partner = await signedIn("PARTNER", womensAid.id);
    const page = await findReferralsForAgency(partner, 1);
    expect(page.rows.map((r) => r.id)).toEqual([mine.id]);
    // Only the fields the agency needs.
    expect(Object.keys(page.rows[0] ?? {}).sort()).toEqual([
      "contactNote",
      "createdAt",
      "id",
      "status",
      "supportNeeded",
      "workingName",
    ]);
  });

  it("a referral disappears from the partner's list when consent is withdrawn or expires", async () => {
    const unit = await makeOrganisation();
    const agency = await makeOrganisation("PARTNER_AGENCY");
    const standing = await makeReferral(unit.id, agency.id, { expiresAt: new Date(Date.now() + 86_400_000) });
    await makeReferral(unit.id, agency.id, { withdrawnAt: new Date() });
    await makeReferral(unit.id, agency.id, { expiresAt: new Date(Date.now() - 1000) });
    const partner = await signedIn("PARTNER", agency.id);
    expect((await findReferralsForAgency(partner, 1)).rows.map((r) => r.id)).toEqual([standing.id]);
  });

  it("officers, supervisors and administrators get nothing from the partner view", async () => {
    const unit = await makeOrganisation();
    const agency = await makeOrganisation("PARTNER_AGENCY");
    await makeReferral(unit.id, agency.id);
    for (const role of ["LIAISON_OFFICER", "SUPERVISOR", "ADMIN"] as const) {
      const user = await signedIn(role, agency.id);
      expect((await findReferralsForAgency(user, 1)).total).toBe(0);
    }
  });
});

import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { findReferralsForAgency, findReferralsForUnit } from "./queries";
import { makeOrganisation, makeReferral, signedIn } from "@/tests/support/factories";
import { ownerDb } from "@/tests/support/owner-db";

describe("referrals for a partner agency", () => {
  it("a partner sees referrals to their own agency only, with only what was shared", async () => {
    const unit = await makeOrganisation();
    const womensAid = await makeOrganisation("PARTNER_AGENCY");
    const outreach = await makeOrganisation("PARTNER_AGENCY");
    const mine = await makeReferral(unit.id, womensAid.id);
    await ownerDb().referral.update({ where: { id: mine.id }, data: { shared: { workingName: "Robin" } } });
    await makeReferral(unit.id, outreach.id);
    const partner = await signedIn("PARTNER", womensAid.id);
    const page = await findReferralsForAgency(partner, 1);
    expect(page.rows.map((r) => [r.id, r.workingName])).toEqual([[mine.id, "Robin"]]);
    expect(Object.keys(page.rows[0] ?? {}).sort()).toEqual(["createdAt", "id", "status", "workingName"]);
    expect(
      await db().auditEvent.count({
        where: { action: "referral.list", actorId: partner.id, recordId: womensAid.id },
      }),
    ).toBe(1);
  });

  it("a withdrawn referral stays listed, new ones first, and shows no name once erased", async () => {
    const unit = await makeOrganisation();
    const agency = await makeOrganisation("PARTNER_AGENCY");
    const accepted = await makeReferral(unit.id, agency.id);
    const withdrawn = await makeReferral(unit.id, agency.id);
    const fresh = await makeReferral(unit.id, agency.id);
    await ownerDb().referral.update({ where: { id: accepted.id }, data: { status: "ACCEPTED" } });
    await ownerDb().referral.update({
      where: { id: withdrawn.id },
      data: { status: "WITHDRAWN", withdrawnAt: new Date() },
    });
    const partner = await signedIn("PARTNER", agency.id);
    const rows = (await findReferralsForAgency(partner, 1)).rows;
    expect(rows.map((r) => [r.id, r.status])).toEqual([
      [fresh.id, "SENT"],
      [accepted.id, "ACCEPTED"],
      [withdrawn.id, "WITHDRAWN"],
    ]);
    expect(rows.every((r) => r.workingName === null)).toBe(true);
  });

  it("officers, supervisors and administrators get nothing from the partner view, partners nothing from the unit's", async () => {
    const unit = await makeOrganisation();
    const agency = await makeOrganisation("PARTNER_AGENCY");
    const referral = await makeReferral(unit.id, agency.id);
    for (const role of ["LIAISON_OFFICER", "SUPERVISOR", "ADMIN"] as const) {
      const user = await signedIn(role, agency.id);
      expect((await findReferralsForAgency(user, 1)).total).toBe(0);
    }
    const partner = await signedIn("PARTNER", agency.id);
    expect(await findReferralsForUnit(partner, { personId: referral.personId })).toEqual([]);
    const otherUnit = await signedIn("LIAISON_OFFICER", (await makeOrganisation()).id);
    expect(await findReferralsForUnit(otherUnit, { personId: referral.personId })).toEqual([]);
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    expect((await findReferralsForUnit(officer, { personId: referral.personId })).map((r) => r.id)).toEqual([
      referral.id,
    ]);
  });
});

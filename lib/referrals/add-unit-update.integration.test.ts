import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { withdrawConsent } from "@/lib/consent/withdraw-consent";
import { londonToday } from "@/lib/time/london";
import { makeOrganisation, signedIn } from "@/tests/support/factories";
import { makeConsent, makeSharingWorld, referralForm } from "@/tests/support/referral-factories";
import { addUnitUpdate } from "./add-unit-update";
import { createReferral } from "./create-referral";
import { acceptReferral, declineReferral } from "./respond";
import { findReferralsForUnit, getReferralForAgency } from "./queries";
import { ownerDb } from "@/tests/support/owner-db";

const DAY = 86_400_000;

async function referred(world: Awaited<ReturnType<typeof makeSharingWorld>>, consent?: { id: string }) {
  const basis = consent ?? (await makeConsent(world.person.id, world.agencyA.id));
  const result = await createReferral(world.officer, world.person.id, referralForm(basis.id));
  if (result.status !== "created") throw new Error(`not created: ${JSON.stringify(result)}`);
  return { consentId: basis.id, referralId: result.referralId };
}

const audits = (referralId: string, outcome: "SUCCESS" | "DENIED") =>
  db().auditEvent.count({ where: { action: "referral.unitUpdate", recordId: referralId, outcome } });

describe("an officer writes to the agency on a referral", () => {
  it("adds a unit update that both sides see, audited, and keeps what was typed when it is refused", async () => {
    const world = await makeSharingWorld();
    const { referralId } = await referred(world);
    expect(await addUnitUpdate(world.officer, referralId, { text: "  " })).toEqual({
      status: "invalid",
      values: { text: "  " },
      fieldErrors: { text: "referrals.errors.updateText" },
    });
    expect(await addUnitUpdate(world.officer, referralId, { text: "x".repeat(501) })).toMatchObject({
      fieldErrors: { text: "referrals.errors.updateTooLong" },
    });
    expect(await addUnitUpdate(world.officer, referralId, { text: "Hi", extra: "1" })).toMatchObject({
      status: "invalid",
    });
    expect(
      await addUnitUpdate(world.officer, referralId, {
        text: "She prefers a call after 2pm on weekdays.\r\n",
      }),
    ).toEqual({ status: "done" });
    await acceptReferral(world.partnerA, referralId);
    expect(
      await addUnitUpdate(world.supervisor, referralId, { text: "Moved to a new address; same phone." }),
    ).toEqual({ status: "done" });

    const stored = await ownerDb().referralUpdate.findMany({
      where: { referralId },
      orderBy: { createdAt: "asc" },
    });
    expect(stored.map((u) => [u.side, u.authorId, u.text])).toEqual([
      ["UNIT", world.officer.id, "She prefers a call after 2pm on weekdays."],
      ["UNIT", world.supervisor.id, "Moved to a new address; same phone."],
    ]);
    expect(await audits(referralId, "SUCCESS")).toBe(2);
    const agencyView = await getReferralForAgency(world.partnerA, referralId);
    expect(agencyView?.updates.map((u) => [u.side, u.text])).toEqual([
      ["UNIT", "She prefers a call after 2pm on weekdays."],
      ["UNIT", "Moved to a new address; same phone."],
    ]);
    const [unitRow] = await findReferralsForUnit(world.officer, { personId: world.person.id });
    expect(unitRow?.updates).toHaveLength(2);
  });

  it("answers 'not found' to another unit, a partner and a malformed id, changes nothing, and audits it", async () => {
    const world = await makeSharingWorld();
    const { referralId } = await referred(world);
    const elsewhere = await signedIn("LIAISON_OFFICER", (await makeOrganisation()).id);
    for (const user of [elsewhere, world.partnerA, world.partnerB])
      expect(await addUnitUpdate(user, referralId, { text: "Anything" })).toEqual({ status: "not-found" });
    expect(await addUnitUpdate(world.officer, "not-a-uuid", { text: "Anything" })).toEqual({
      status: "not-found",
    });
    expect(await ownerDb().referralUpdate.count({ where: { referralId } })).toBe(0);
    expect(await audits(referralId, "DENIED")).toBe(3);
  });

  it("sends nothing more once the referral is declined, the consent expired or was withdrawn", async () => {
    const world = await makeSharingWorld();
    const refused = { status: "invalid", formError: "referralUpdates.errors.closed" };

    const declined = await referred(world);
    await declineReferral(world.partnerA, declined.referralId, { declineReason: "Caseload full" });
    expect(await addUnitUpdate(world.officer, declined.referralId, { text: "Any news?" })).toMatchObject({
      ...refused,
      values: { text: "Any news?" },
    });

    const expiring = await makeConsent(world.person.id, world.agencyA.id, {
      givenAt: new Date(Date.now() - 9 * DAY),
      expiresAt: new Date(Date.now() + DAY),
    });
    const lapsing = await referred(world, expiring);
    expect(
      await addUnitUpdate(
        world.officer,
        lapsing.referralId,
        { text: "Still waiting" },
        new Date(Date.now() + 2 * DAY),
      ),
    ).toMatchObject(refused);

    const withdrawn = await referred(world);
    const today = londonToday(new Date());
    const result = await withdrawConsent(world.officer, world.person.id, withdrawn.consentId, {
      method: "VERBAL",
      withdrawnOnDay: String(today.getUTCDate()),
      withdrawnOnMonth: String(today.getUTCMonth() + 1),
      withdrawnOnYear: String(today.getUTCFullYear()),
    });
    expect(result.status).toBe("withdrawn");
    expect(
      await addUnitUpdate(world.officer, withdrawn.referralId, { text: "One more thing" }),
    ).toMatchObject(refused);

    const ids = [declined, lapsing, withdrawn].map((r) => r.referralId);
    expect(await ownerDb().referralUpdate.count({ where: { referralId: { in: ids } } })).toBe(0);
    expect(
      await db().auditEvent.count({ where: { action: "referral.unitUpdate", recordId: { in: ids } } }),
    ).toBe(0);
  });

  it("writes on a referral shared without consent while it is open", async () => {
    const world = await makeSharingWorld();
    const result = await createReferral(world.supervisor, world.person.id, {
      agencyId: world.agencyB.id,
      basis: "ADULT_AT_RISK",
      overrideReason: "Controlled by an exploiter; at immediate risk",
      reason: "Urgent safeguarding",
      supportNeeded: "Safe accommodation",
      sharedFields: ["WORKING_NAME"],
      officerContact: "DS Example",
    });
    if (result.status !== "created") throw new Error("not created");
    expect(await addUnitUpdate(world.officer, result.referralId, { text: "Refuge space found" })).toEqual({
      status: "done",
    });
  });
});

import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { recordConsent } from "./record-consent";
import { withdrawConsent } from "./withdraw-consent";
import { findConsentsForPerson } from "./queries";
import { createReferral } from "@/lib/referrals/create-referral";
import { getReferralForAgency } from "@/lib/referrals/queries";
import { makeOrganisation, makePerson, signedIn } from "@/tests/support/factories";
import { makeConsent, makeSharingWorld, referralForm } from "@/tests/support/referral-factories";
import { ownerDb } from "@/tests/support/owner-db";

const DAY = 86_400_000;

// Inserts a referral around the application, as a script or a careless query would.
async function insertAround(r: {
  unitId: string;
  agencyId: string;
  personId: string;
  consentId?: string | null;
  overrideId?: string | null;
}) {
  await ownerDb().$executeRaw`
    INSERT INTO "Referral" (id, "unitId", "agencyId", "personId", "consentId", "overrideId", "supportNeeded", "updatedAt")
    VALUES (gen_random_uuid(), ${r.unitId}::uuid, ${r.agencyId}::uuid, ${r.personId}::uuid,
            ${r.consentId ?? null}::uuid, ${r.overrideId ?? null}::uuid, 'Housing advice', now())`;
}

describe("the database refuses a referral without a live consent", () => {
  it("accepts a live consent of the same person for the same agency, and refuses every other basis", async () => {
    const { unit, agencyA, agencyB, person, supervisor } = await makeSharingWorld();
    const other = await makePerson(unit.id);
    const live = await makeConsent(person.id, agencyA.id);
    const withdrawn = await makeConsent(person.id, agencyA.id);
    await ownerDb().consent.update({ where: { id: withdrawn.id }, data: { withdrawnAt: new Date() } });
    const expired = await makeConsent(person.id, agencyA.id, {
      givenAt: new Date(Date.now() - 10 * DAY),
      expiresAt: new Date(Date.now() - DAY),
    });
    const otherAgency = await makeConsent(person.id, agencyB.id);
    const otherPerson = await makeConsent(other.id, agencyA.id);
    const notYet = await makeConsent(person.id, agencyA.id, { givenAt: new Date(Date.now() + DAY) });
    const overrideForB = await ownerDb().sharingOverride.create({
      data: {
        unitId: unit.id,
        personId: person.id,
        agencyId: agencyB.id,
        basis: "THREAT_TO_LIFE",
        reason: "Named threat",
        approvedById: supervisor.id,
      },
    });
    const base = { unitId: unit.id, agencyId: agencyA.id, personId: person.id };

    await insertAround({ ...base, consentId: live.id });
    expect(await ownerDb().referral.count({ where: { consentId: live.id } })).toBe(1);

    for (const consentId of [withdrawn.id, expired.id, otherAgency.id, otherPerson.id, notYet.id])
      await expect(insertAround({ ...base, consentId })).rejects.toThrow(/live consent/);
    // No basis at all, or two at once.
    // (SQLSTATE 23514: check_violation, from the trigger or the one-basis constraint.)
    await expect(insertAround(base)).rejects.toThrow(/23514/);
    await expect(insertAround({ ...base, consentId: live.id, overrideId: overrideForB.id })).rejects.toThrow(
      /23514/,
    );
    // An override for another agency is no basis for this one.
    await expect(insertAround({ ...base, overrideId: overrideForB.id })).rejects.toThrow(/override/);
    await insertAround({ ...base, agencyId: agencyB.id, overrideId: overrideForB.id });

    // Nor can a standing referral be moved onto another person or agency.
    const moved = await ownerDb().referral.findFirstOrThrow({ where: { consentId: live.id } });
    await expect(
      ownerDb()
        .$executeRaw`UPDATE "Referral" SET "agencyId" = ${agencyB.id}::uuid WHERE id = ${moved.id}::uuid`,
    ).rejects.toThrow(/live consent/);
    await expect(
      ownerDb()
        .$executeRaw`UPDATE "Referral" SET "personId" = ${other.id}::uuid WHERE id = ${moved.id}::uuid`,
    ).rejects.toThrow(/live consent/);
    expect(await ownerDb().referral.count({ where: { personId: person.id } })).toBe(2);
  });

  it("refuses the same through Prisma without the application's checks", async () => {
    const { unit, agencyA, person } = await makeSharingWorld();
    const consent = await makeConsent(person.id, agencyA.id, { withdrawnAt: new Date() });
    await expect(
      ownerDb().referral.create({
        data: {
          unitId: unit.id,
          agencyId: agencyA.id,
          personId: person.id,
          consentId: consent.id,
          supportNeeded: "x",
        },
      }),
    ).rejects.toThrow();
    expect(await ownerDb().referral.count({ where: { personId: person.id } })).toBe(0);
  });
});

describe("recording consent", () => {
  const form = (agencyId: string, overrides: Record<string, unknown> = {}) => ({
    agencyId,
    fields: ["WORKING_NAME", "SUPPORT_NEEDED"],
    method: "WRITTEN",
    givenOnDay: "1",
    givenOnMonth: "6",
    givenOnYear: "2026",
    expiresOnDay: "31",
    expiresOnMonth: "12",
    expiresOnYear: "2026",
    note: "Happy for the women's aid worker to call",
    ...overrides,
  });
  const now = new Date("2026-06-10T11:00:00Z");

  it("an officer records what may be shared with which agency, until when, audited", async () => {
    const { officer, agencyA, person } = await makeSharingWorld();
    const result = await recordConsent(officer, person.id, form(agencyA.id), now);
    expect(result.status).toBe("recorded");
    if (result.status !== "recorded") return;
    const consent = await ownerDb().consent.findUniqueOrThrow({ where: { id: result.consentId } });
    expect(consent).toMatchObject({
      agencyId: agencyA.id,
      fields: ["WORKING_NAME", "SUPPORT_NEEDED"],
      method: "WRITTEN",
      // From the start of 1 June in London (summer time), to the end of 31 December.
      givenAt: new Date("2026-05-31T23:00:00Z"),
      expiresAt: new Date("2026-12-31T23:59:59.999Z"),
      recordedById: officer.id,
    });
    expect(
      await db().auditEvent.count({
        where: { action: "consent.record", recordId: consent.id, outcome: "SUCCESS" },
      }),
    ).toBe(1);
    const listed = await findConsentsForPerson(officer, person.id, now);
    expect(listed.map((c) => [c.agencyName, c.state])).toEqual([[agencyA.name, "live"]]);
  });

  it("reports every mistake at once and keeps what was typed", async () => {
    const { officer, person } = await makeSharingWorld();
    const unit = await makeOrganisation();
    const result = await recordConsent(
      officer,
      person.id,
      form(unit.id, {
        fields: ["WORKING_NAME", "NARRATIVE"],
        method: "",
        givenOnDay: "31",
        givenOnMonth: "2",
      }),
      now,
    );
    expect(result.status).toBe("invalid");
    if (result.status !== "invalid") return;
    expect(result.fieldErrors).toEqual({
      fields: "consents.errors.fields",
      method: "consents.errors.method",
      givenOnDay: "consents.errors.givenOnInvalid",
    });
    expect(result.values.givenOnDay).toBe("31");
    // A liaison unit is not a partner agency.
    const wrongAgency = await recordConsent(officer, person.id, form(unit.id), now);
    expect(wrongAgency.status === "invalid" && wrongAgency.fieldErrors.agencyId).toBe(
      "consents.errors.agencyId",
    );
    expect(await ownerDb().consent.count({ where: { personId: person.id } })).toBe(0);
  });

  it("another unit's person is not found, and the attempt is audited", async () => {
    const { agencyA, person } = await makeSharingWorld();
    const otherUnit = await makeOrganisation();
    const stranger = await signedIn("LIAISON_OFFICER", otherUnit.id);
    expect(await recordConsent(stranger, person.id, form(agencyA.id), now)).toEqual({ status: "not-found" });
    const partner = await signedIn("PARTNER", agencyA.id);
    expect(await recordConsent(partner, person.id, form(agencyA.id), now)).toEqual({ status: "not-found" });
    expect(await ownerDb().consent.count({ where: { personId: person.id } })).toBe(0);
    expect(
      await db().auditEvent.count({
        where: { action: "consent.record", recordId: person.id, outcome: "DENIED" },
      }),
    ).toBe(2);
  });
});

describe("withdrawing consent", () => {
  const withdrawal = { method: "VERBAL", withdrawnOnDay: "", withdrawnOnMonth: "", withdrawnOnYear: "" };
  const today = () => {
    const d = new Date();
    return {
      ...withdrawal,
      withdrawnOnDay: String(d.getUTCDate()),
      withdrawnOnMonth: String(d.getUTCMonth() + 1),
      withdrawnOnYear: String(d.getUTCFullYear()),
    };
  };

  it("takes effect at once: every referral on it is withdrawn and what it shared is erased, in one go", async () => {
    const { officer, partnerA, agencyA, person } = await makeSharingWorld();
    const consent = await makeConsent(person.id, agencyA.id);
    const first = await createReferral(officer, person.id, referralForm(consent.id));
    const second = await createReferral(officer, person.id, referralForm(consent.id));
    if (first.status !== "created" || second.status !== "created") throw new Error("referrals not created");
    await ownerDb().referral.update({ where: { id: second.referralId }, data: { status: "ACCEPTED" } });

    const now = new Date();
    const result = await withdrawConsent(officer, person.id, consent.id, today(), now);
    expect(result).toEqual({ status: "withdrawn", personId: person.id, referralsWithdrawn: 2 });
    const referrals = await ownerDb().referral.findMany({ where: { consentId: consent.id } });
    for (const r of referrals) {
      expect(r.status).toBe("WITHDRAWN");
      expect(r.withdrawnAt).toEqual(now);
      expect(r.shared).toBeNull();
      // The fact of the referral and its dates remain.
      expect(r.createdAt).toBeInstanceOf(Date);
    }
    const stored = await ownerDb().consent.findUniqueOrThrow({ where: { id: consent.id } });
    expect(stored).toMatchObject({ withdrawalMethod: "VERBAL", withdrawnById: officer.id });
    expect(stored.withdrawnAt).not.toBeNull();
    expect(
      await db().auditEvent.count({
        where: { action: "consent.withdraw", recordId: consent.id, outcome: "SUCCESS" },
      }),
    ).toBe(1);

    // The partner sees that it was withdrawn, and nothing that was shared.
    const seen = await getReferralForAgency(partnerA, first.referralId);
    expect(seen).toMatchObject({ status: "WITHDRAWN", shared: null, updates: [] });

    // No new referral on it.
    const again = await createReferral(officer, person.id, referralForm(consent.id));
    expect(again).toMatchObject({ status: "invalid", formError: "referrals.errors.consentWithdrawn" });
    // A second withdrawal changes nothing.
    expect(await withdrawConsent(officer, person.id, consent.id, today())).toMatchObject({
      status: "invalid",
      formError: "consents.errors.alreadyWithdrawn",
    });
  });

  it("is refused for a day in the future or before consent was given, and for another unit", async () => {
    const { officer, agencyA, person } = await makeSharingWorld();
    const consent = await makeConsent(person.id, agencyA.id, { givenAt: new Date("2026-06-01T09:00:00Z") });
    const now = new Date("2026-06-10T11:00:00Z");
    const future = { ...withdrawal, withdrawnOnDay: "11", withdrawnOnMonth: "6", withdrawnOnYear: "2026" };
    expect(await withdrawConsent(officer, person.id, consent.id, future, now)).toMatchObject({
      fieldErrors: { withdrawnOnDay: "consents.errors.withdrawnOnFuture" },
    });
    const before = { ...withdrawal, withdrawnOnDay: "31", withdrawnOnMonth: "5", withdrawnOnYear: "2026" };
    expect(await withdrawConsent(officer, person.id, consent.id, before, now)).toMatchObject({
      fieldErrors: { withdrawnOnDay: "consents.errors.withdrawnOnBeforeGiven" },
    });
    const stranger = await signedIn("LIAISON_OFFICER", (await makeOrganisation()).id);
    const onTime = { ...withdrawal, withdrawnOnDay: "9", withdrawnOnMonth: "6", withdrawnOnYear: "2026" };
    expect(await withdrawConsent(stranger, person.id, consent.id, onTime, now)).toEqual({
      status: "not-found",
    });
    expect((await ownerDb().consent.findUniqueOrThrow({ where: { id: consent.id } })).withdrawnAt).toBeNull();
    expect(
      await db().auditEvent.count({
        where: { action: "consent.withdraw", recordId: consent.id, outcome: "DENIED" },
      }),
    ).toBe(1);
  });
});

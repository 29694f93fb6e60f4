import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createReferral } from "./create-referral";
import {
  acceptReferral,
  acknowledgeErasure,
  addAgencyUpdate,
  closeReferral,
  declineReferral,
} from "./respond";
import { findOverdueReferrals, findReferralsForUnit, getReferralForAgency } from "./queries";
import { countReferrals } from "./counts";
import { makeReport } from "@/tests/support/factories";
import { makeConsent, makeSharingWorld, referralForm } from "@/tests/support/referral-factories";
import { ownerDb } from "@/tests/support/owner-db";

const DAY = 86_400_000;

async function referred(world: Awaited<ReturnType<typeof makeSharingWorld>>, overrides = {}) {
  const consent = await makeConsent(world.person.id, world.agencyA.id);
  const result = await createReferral(world.officer, world.person.id, referralForm(consent.id, overrides));
  if (result.status !== "created") throw new Error(`not created: ${JSON.stringify(result)}`);
  return { consent, referralId: result.referralId };
}

describe("an officer refers a person", () => {
  it("sends only the consented fields, built from the person's record, never the narrative", async () => {
    const world = await makeSharingWorld();
    const report = await makeReport(world.unit.id, {
      personId: world.person.id,
      narrative: "The full account, which never leaves the unit",
      place: "A private address",
      area: "Riverside",
      incidentFrom: new Date("2026-02-14T21:00:00Z"),
    });
    const consent = await makeConsent(world.person.id, world.agencyA.id, {
      fields: ["WORKING_NAME", "LANGUAGE_AND_ACCESS", "INCIDENT_SUMMARY"],
    });
    const result = await createReferral(
      world.officer,
      world.person.id,
      referralForm(consent.id, {
        reportId: report.id,
        sharedFields: ["WORKING_NAME", "LANGUAGE_AND_ACCESS", "INCIDENT_SUMMARY"],
      }),
    );
    expect(result.status).toBe("created");
    if (result.status !== "created") return;
    const stored = await ownerDb().referral.findUniqueOrThrow({ where: { id: result.referralId } });
    expect(stored).toMatchObject({
      agencyId: world.agencyA.id,
      consentId: consent.id,
      overrideId: null,
      reportId: report.id,
      status: "SENT",
      sharedFields: ["WORKING_NAME", "LANGUAGE_AND_ACCESS", "INCIDENT_SUMMARY"],
      officerContact: "PC Example, 01632 960001",
      createdById: world.officer.id,
    });
    expect(stored.shared).toEqual({
      workingName: "Robin",
      languageAndAccess: { language: "WELSH", interpreterNeeds: null, accessNeeds: "Step-free access" },
      incident: { types: ["PHYSICAL_ASSAULT"], month: "2026-02", area: "Riverside" },
    });
    const text = JSON.stringify(stored.shared);
    for (const secret of ["full account", "private address", "No voicemail", "07700", "legal name"])
      expect(text).not.toContain(secret);
    expect(
      await db().auditEvent.count({ where: { action: "referral.create", recordId: result.referralId } }),
    ).toBe(1);
  });

  it("refuses a field the consent does not allow, and a consent that is withdrawn, expired or another person's", async () => {
    const world = await makeSharingWorld();
    const consent = await makeConsent(world.person.id, world.agencyA.id, { fields: ["WORKING_NAME"] });
    const extra = await createReferral(
      world.officer,
      world.person.id,
      referralForm(consent.id, { sharedFields: ["WORKING_NAME", "CONTACT_SAFETY"] }),
    );
    expect(extra).toMatchObject({
      status: "invalid",
      fieldErrors: { sharedFields: "referrals.errors.notConsented" },
    });

    const withdrawn = await makeConsent(world.person.id, world.agencyA.id, { withdrawnAt: new Date() });
    const expired = await makeConsent(world.person.id, world.agencyA.id, {
      givenAt: new Date(Date.now() - 9 * DAY),
      expiresAt: new Date(Date.now() - DAY),
    });
    const someoneElse = await makeConsent(
      (await ownerDb().person.create({ data: { unitId: world.unit.id, workingName: "Other" } })).id,
      world.agencyA.id,
    );
    const answers = await Promise.all(
      [withdrawn, expired, someoneElse].map((c) =>
        createReferral(world.officer, world.person.id, referralForm(c.id)),
      ),
    );
    expect(answers.map((a) => a.status === "invalid" && a.formError)).toEqual([
      "referrals.errors.consentWithdrawn",
      "referrals.errors.consentExpired",
      "referrals.errors.consentNotFound",
    ]);
    expect(await ownerDb().referral.count({ where: { personId: world.person.id } })).toBe(0);
  });

  it("lets only a supervisor share without consent, on a lawful basis with a reason, shown to both sides", async () => {
    const world = await makeSharingWorld();
    const form = {
      agencyId: world.agencyB.id,
      basis: "ADULT_AT_RISK",
      overrideReason: "Controlled by an exploiter; at immediate risk",
      reason: "Urgent safeguarding",
      supportNeeded: "Safe accommodation",
      sharedFields: ["WORKING_NAME", "CONTACT_SAFETY"],
      officerContact: "DS Example",
    };
    expect(await createReferral(world.officer, world.person.id, form)).toEqual({ status: "not-found" });
    // Five minutes after the last password or code check, the supervisor must confirm who
    // they are again before sharing without consent; the refusal is recorded.
    const later = new Date(Date.now() + 6 * 60_000);
    expect(await createReferral(world.supervisor, world.person.id, form, later)).toMatchObject({
      status: "invalid",
      formError: "referrals.errors.reauthNeeded",
    });
    expect(
      await db().auditEvent.count({
        where: { action: "consent.override", actorId: world.supervisor.id, outcome: "DENIED" },
      }),
    ).toBe(1);
    expect(await ownerDb().referral.count({ where: { personId: world.person.id } })).toBe(0);
    const result = await createReferral(world.supervisor, world.person.id, form);
    expect(result.status).toBe("created");
    if (result.status !== "created") return;
    const stored = await ownerDb().referral.findUniqueOrThrow({
      where: { id: result.referralId },
      include: { override: true },
    });
    expect(stored.consentId).toBeNull();
    expect(stored.override).toMatchObject({
      basis: "ADULT_AT_RISK",
      reason: "Controlled by an exploiter; at immediate risk",
      approvedById: world.supervisor.id,
      fields: ["WORKING_NAME", "CONTACT_SAFETY"],
    });
    expect(
      await db().auditEvent.count({ where: { action: "consent.override", recordId: stored.overrideId! } }),
    ).toBe(1);
    expect((await getReferralForAgency(world.partnerB, result.referralId))?.overrideBasis).toBe(
      "ADULT_AT_RISK",
    );
    const unitView = await findReferralsForUnit(world.officer, { personId: world.person.id });
    expect(unitView[0]?.override).toEqual({ basis: "ADULT_AT_RISK", reason: form.overrideReason });
  });
});

describe("a partner answers a referral", () => {
  it("accepts, adds an update the officer sees, and closes it as support taken up", async () => {
    const world = await makeSharingWorld();
    const { referralId } = await referred(world);
    const seen = await getReferralForAgency(world.partnerA, referralId);
    expect(seen).toMatchObject({
      status: "SENT",
      shared: { workingName: "Robin", supportNeeded: "Emotional support" },
      officerContact: "PC Example, 01632 960001",
      overrideBasis: null,
    });
    // Nothing beyond the view's own fields reaches the page.
    expect(Object.keys(seen!).sort()).toEqual(
      [
        "closeNote",
        "closeReason",
        "createdAt",
        "declineReason",
        "erasureAcknowledgedAt",
        "id",
        "officerContact",
        "overrideBasis",
        "respondedAt",
        "shared",
        "status",
        "unitName",
        "updates",
        "withdrawnAt",
      ].sort(),
    );

    // Closing before accepting is not possible.
    expect(
      await closeReferral(world.partnerA, referralId, { closeReason: "SUPPORT_TAKEN_UP", closeNote: "" }),
    ).toMatchObject({ formError: "referrals.errors.stateChanged" });
    expect(await acceptReferral(world.partnerA, referralId)).toEqual({ status: "done" });
    expect(await acceptReferral(world.partnerA, referralId)).toMatchObject({ status: "invalid" });
    expect(await addAgencyUpdate(world.partnerA, referralId, { text: "  " })).toMatchObject({
      fieldErrors: { text: "referrals.errors.updateText" },
    });
    expect(await addAgencyUpdate(world.partnerA, referralId, { text: "First appointment booked" })).toEqual({
      status: "done",
    });
    expect(
      await closeReferral(world.partnerA, referralId, { closeReason: "OTHER", closeNote: "" }),
    ).toMatchObject({
      fieldErrors: { closeNote: "referrals.errors.closeNoteNeeded" },
    });
    expect(
      await closeReferral(world.partnerA, referralId, { closeReason: "SUPPORT_TAKEN_UP", closeNote: "" }),
    ).toEqual({ status: "done" });
    const [row] = await findReferralsForUnit(world.officer, { personId: world.person.id });
    expect(row).toMatchObject({
      status: "CLOSED",
      closeReason: "SUPPORT_TAKEN_UP",
      agencyName: world.agencyA.name,
    });
    expect(row?.respondedAt).toBeInstanceOf(Date);
    expect(row?.updates.map((u) => [u.side, u.text])).toEqual([["AGENCY", "First appointment booked"]]);
    for (const action of ["referral.accept", "referral.update", "referral.close"])
      expect(
        await db().auditEvent.count({ where: { action, recordId: referralId, outcome: "SUCCESS" } }),
      ).toBe(1);
  });

  it("declines only with a reason", async () => {
    const world = await makeSharingWorld();
    const { referralId } = await referred(world);
    expect(await declineReferral(world.partnerA, referralId, { declineReason: "" })).toMatchObject({
      fieldErrors: { declineReason: "referrals.errors.declineReason" },
    });
    expect(await declineReferral(world.partnerA, referralId, { declineReason: "Outside our area" })).toEqual({
      status: "done",
    });
    expect(await ownerDb().referral.findUniqueOrThrow({ where: { id: referralId } })).toMatchObject({
      status: "DECLINED",
      declineReason: "Outside our area",
      handledById: world.partnerA.id,
    });
  });

  it("after a withdrawal, sees only the notice and confirms erasure, which the officer sees", async () => {
    const world = await makeSharingWorld();
    const { consent, referralId } = await referred(world);
    await acceptReferral(world.partnerA, referralId);
    await addAgencyUpdate(world.partnerA, referralId, { text: "Met at the drop-in" });
    const { withdrawConsent } = await import("@/lib/consent/withdraw-consent");
    const now = new Date();
    const today = {
      day: String(now.getUTCDate()),
      month: String(now.getUTCMonth() + 1),
      year: String(now.getUTCFullYear()),
    };
    await withdrawConsent(world.officer, world.person.id, consent.id, {
      method: "VERBAL",
      withdrawnOnDay: today.day,
      withdrawnOnMonth: today.month,
      withdrawnOnYear: today.year,
    });
    expect(await getReferralForAgency(world.partnerA, referralId)).toMatchObject({
      status: "WITHDRAWN",
      shared: null,
      updates: [],
      erasureAcknowledgedAt: null,
    });
    expect(await addAgencyUpdate(world.partnerA, referralId, { text: "More" })).toMatchObject({
      status: "invalid",
    });
    expect(await acknowledgeErasure(world.partnerA, referralId)).toEqual({ status: "done" });
    expect(await acknowledgeErasure(world.partnerA, referralId)).toMatchObject({ status: "invalid" });
    const [row] = await findReferralsForUnit(world.officer, { personId: world.person.id });
    expect(row?.status).toBe("WITHDRAWN");
    expect(row?.erasureAcknowledgedAt).toBeInstanceOf(Date);
  });
});

describe("agencies are kept apart", () => {
  it("a partner opening or answering another agency's referral gets not found, changes nothing, and is audited", async () => {
    const world = await makeSharingWorld();
    const { referralId } = await referred(world);
    const before = await ownerDb().referral.findUniqueOrThrow({ where: { id: referralId } });
    const intruder = world.partnerB;
    expect(await getReferralForAgency(intruder, referralId)).toBeNull();
    const attempts = [
      acceptReferral(intruder, referralId),
      declineReferral(intruder, referralId, { declineReason: "No" }),
      closeReferral(intruder, referralId, { closeReason: "OTHER", closeNote: "x" }),
      addAgencyUpdate(intruder, referralId, { text: "Planted" }),
      acknowledgeErasure(intruder, referralId),
    ];
    for (const answer of await Promise.all(attempts)) expect(answer).toEqual({ status: "not-found" });
    expect(await ownerDb().referral.findUniqueOrThrow({ where: { id: referralId } })).toEqual(before);
    expect(await ownerDb().referralUpdate.count({ where: { referralId } })).toBe(0);
    const denied = await db().auditEvent.findMany({
      where: { actorId: intruder.id, recordId: referralId, outcome: "DENIED" },
      select: { action: true },
    });
    expect(denied.map((d) => d.action).sort()).toEqual(
      [
        "referral.accept",
        "referral.acknowledgeErasure",
        "referral.close",
        "referral.decline",
        "referral.update",
        "referral.view",
      ].sort(),
    );
    // Officers have no partner door either.
    expect(await acceptReferral(world.officer, referralId)).toEqual({ status: "not-found" });
  });
});

describe("referrals the agency has not answered", () => {
  it("show as overdue after 5 working days, and are counted for the dashboard", async () => {
    const world = await makeSharingWorld();
    const old = await referred(world);
    const recent = await referred(world);
    const answered = await referred(world);
    await ownerDb().referral.update({
      where: { id: old.referralId },
      data: { createdAt: new Date(Date.now() - 10 * DAY) },
    });
    await ownerDb().referral.update({
      where: { id: answered.referralId },
      data: { createdAt: new Date(Date.now() - 10 * DAY) },
    });
    await acceptReferral(world.partnerA, answered.referralId);
    const overdue = await findOverdueReferrals(world.officer);
    expect(overdue.map((r) => r.id)).toEqual([old.referralId]);
    expect(overdue[0]).toMatchObject({ workingName: "Robin", agencyName: world.agencyA.name });
    expect(recent.referralId).not.toBe(old.referralId);
    expect(await findOverdueReferrals(world.partnerA)).toEqual([]);

    await closeReferral(world.partnerA, answered.referralId, {
      closeReason: "SUPPORT_TAKEN_UP",
      closeNote: "",
    });
    const period = { from: new Date(Date.now() - 30 * DAY), to: new Date(Date.now() + DAY) };
    expect(await countReferrals(world.supervisor, period)).toEqual({ made: 3, accepted: 1, takenUp: 1 });
    // An officer counts their own referrals; a partner counts nothing.
    expect(await countReferrals(world.officer, period)).toEqual({ made: 3, accepted: 1, takenUp: 1 });
    expect(
      await countReferrals(world.supervisor, { from: period.to, to: new Date(Date.now() + 2 * DAY) }),
    ).toEqual({
      made: 0,
      accepted: 0,
      takenUp: 0,
    });
    expect(await countReferrals(world.partnerA, period)).toBeNull();
  });
});

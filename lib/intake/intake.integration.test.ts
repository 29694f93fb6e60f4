import { ownerDb } from "@/tests/support/owner-db";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { startDraft, saveStep, getDraftForUser, findDraftsForUser, discardDraft } from "./drafts";
import { submitDraft } from "./submit";
import { makeOrganisation, makePerson, signedIn } from "@/tests/support/factories";
import type { CurrentUser } from "@/lib/auth/current-user";

async function officerInUnit() {
  const unit = await makeOrganisation();
  return { unit, officer: await signedIn("LIAISON_OFFICER", unit.id) };
}

type StepInput = [Parameters<typeof saveStep>[2], Record<string, unknown>];

async function saveSteps(officer: CurrentUser, steps: StepInput[]) {
  const draftId = await startDraft(officer);
  if (!draftId) throw new Error("draft not started");
  for (const [slug, values] of steps)
    expect(await saveStep(officer, draftId, slug, values), slug).toMatchObject({ status: "saved" });
  return draftId;
}

async function submitted(officer: CurrentUser, draftId: string) {
  const result = await submitDraft(officer, draftId);
  if (result.status !== "created") throw new Error(`expected created, got ${JSON.stringify(result)}`);
  return ownerDb().incidentReport.findUniqueOrThrow({
    where: { id: result.reportId },
    include: { safeguarding: { orderBy: { concern: "asc" } } },
  });
}

async function fillDraft(officer: CurrentUser, agencyId: string) {
  const draftId = await startDraft(officer);
  if (!draftId) throw new Error("draft not started");
  const steps: [Parameters<typeof saveStep>[2], Record<string, unknown>][] = [
    [
      "person",
      {
        existingPersonId: "NEW",
        workingName: "  Jade  ",
        immediateDanger: "NO",
        language: "WELSH",
        safeContactMethods: ["TEXT_MESSAGE"],
        doNotContactRules: "No voicemail",
      },
    ],
    [
      "what-happened",
      {
        incidentTypes: ["ROBBERY", "THREATS_INTIMIDATION"],
        whenKnown: "EXACT",
        incidentDate: "2026-07-01",
        incidentTime: "00:30",
        reportedAt: "2026-7-3",
        area: "Canal Basin",
      },
    ],
    [
      "who",
      {
        relationship: "POSING_AS_CLIENT",
        vehicleRegistrations: "zx12 abc\n",
        phoneNumbers: "07700 900123",
        onlineHandles: "@BadClient",
      },
    ],
    ["account", { narrative: "He took her phone <script>alert(1)</script> and left." }],
    [
      "wishes",
      {
        personWants: "FULL_INVESTIGATION",
        shareConsent: "YES",
        shareAgencyId: agencyId,
        shareScope: "Name and phone",
        consentMethod: "VERBAL",
      },
    ],
    ["safety", { enhancedRights: "YES", enhancedRightsReason: "Persistently targeted" }],
    [
      "crime",
      { reportingRoute: "DIRECT_TO_LIAISON_OFFICER", crimeRecorded: "YES", crimeReference: "GW-2026-1234" },
    ],
  ];
  for (const [slug, values] of steps)
    expect((await saveStep(officer, draftId, slug, values)).status).toBe("saved");
  return draftId;
}

describe("taking a report", () => {
  it("an officer's finished draft becomes one report, with its person, suspect, consent and audit", async () => {
    const { unit, officer } = await officerInUnit();
    const agency = await makeOrganisation("PARTNER_AGENCY");
    const draftId = await fillDraft(officer, agency.id);
    const result = await submitDraft(officer, draftId);
    if (result.status !== "created") throw new Error(`expected created, got ${result.status}`);
    expect(result.reference).toMatch(/^SWL-\d{4}-00001$/);

    const report = await ownerDb().incidentReport.findUniqueOrThrow({
      where: { id: result.reportId },
      include: { person: true, suspects: { include: { identifiers: true } } },
    });
    expect(report).toMatchObject({
      unitId: unit.id,
      assignedOfficerId: officer.id,
      createdById: officer.id,
      incidentTypes: ["ROBBERY", "THREATS_INTIMIDATION"],
      incidentDatePrecision: "EXACT",
      personWants: "FULL_INVESTIGATION",
      initialPersonWants: "FULL_INVESTIGATION",
      enhancedRights: true,
      enhancedRightsByOfficer: true,
      enhancedRightsReason: "Persistently targeted",
      immediateDanger: "NO",
      reportingRoute: "DIRECT_TO_LIAISON_OFFICER",
      crimeReference: "GW-2026-1234",
      narrative: "He took her phone <script>alert(1)</script> and left.",
    });
    // 00:30 on a July night in London is 23:30 UTC the day before.
    expect(report.incidentFrom?.toISOString()).toBe("2026-06-30T23:30:00.000Z");
    // Reported on 3 July: stored as the end of that London day; entered now.
    expect(report.reportedAt.toISOString()).toBe("2026-07-03T22:59:59.999Z");
    expect(report.createdAt.getTime()).toBeGreaterThan(report.reportedAt.getTime());
    expect(report.person).toMatchObject({
      workingName: "Jade",
      language: "WELSH",
      safeContactMethods: ["TEXT_MESSAGE"],
    });
    expect(report.suspects[0]?.identifiers.map((i) => [i.kind, i.normalised]).sort()).toEqual([
      ["ONLINE_HANDLE", "badclient"],
      ["PHONE_NUMBER", "+447700900123"],
      ["VEHICLE_REGISTRATION", "ZX12ABC"],
    ]);
    expect(await ownerDb().consent.count({ where: { personId: report.personId, agencyId: agency.id } })).toBe(
      1,
    );
    expect(await getDraftForUser(officer, draftId)).toBeNull();
    const audit = await db().auditEvent.findMany({ where: { recordId: result.reportId } });
    expect(audit.map((e) => e.action)).toContain("report.create");
    expect(JSON.stringify(audit)).not.toContain("Jade");
  });

  it("a double-clicked or resent submit creates one report", async () => {
    const { officer } = await officerInUnit();
    const agency = await makeOrganisation("PARTNER_AGENCY");
    const draftId = await fillDraft(officer, agency.id);
    const [a, b] = await Promise.all([submitDraft(officer, draftId), submitDraft(officer, draftId)]);
    const again = await submitDraft(officer, draftId);
    expect(a.status).toBe("created");
    expect(b).toEqual(a);
    expect(again).toEqual(a);
    expect(await ownerDb().incidentReport.count({ where: { idempotencyKey: draftId } })).toBe(1);
  });

  it("references count up within the year", async () => {
    const { officer } = await officerInUnit();
    const agency = await makeOrganisation("PARTNER_AGENCY");
    const first = await submitDraft(officer, await fillDraft(officer, agency.id));
    const second = await submitDraft(officer, await fillDraft(officer, agency.id));
    if (first.status !== "created" || second.status !== "created") throw new Error("not created");
    expect(Number(second.reference.slice(-5))).toBe(Number(first.reference.slice(-5)) + 1);
  });

  it("a draft belongs to the officer who wrote it", async () => {
    const { unit, officer } = await officerInUnit();
    const colleague = await signedIn("LIAISON_OFFICER", unit.id);
    const draftId = await startDraft(officer);
    if (!draftId) throw new Error("draft not started");
    await saveStep(officer, draftId, "person", { workingName: "Cerys" });
    expect(await getDraftForUser(colleague, draftId)).toBeNull();
    expect(await saveStep(colleague, draftId, "person", { workingName: "changed" })).toEqual({
      status: "not-found",
    });
    expect(await submitDraft(colleague, draftId)).toEqual({ status: "not-found" });
    expect(await discardDraft(colleague, draftId)).toBe(false);
    expect((await findDraftsForUser(colleague)).rows).toEqual([]);
    expect((await findDraftsForUser(officer)).rows.map((d) => d.workingName)).toEqual(["Cerys"]);
  });

  it("two saves of one draft at once each keep the other's step", async () => {
    const { officer } = await officerInUnit();
    const draftId = await startDraft(officer);
    if (!draftId) throw new Error("draft not started");
    // Two tabs (or two app instances) saving different steps at the same moment, several times.
    for (let round = 0; round < 5; round++) {
      await Promise.all([
        saveStep(officer, draftId, "person", { workingName: `Cerys ${round}` }),
        saveStep(officer, draftId, "what-happened", { area: `Docks ${round}` }, { validate: false }),
      ]);
      const data = (await getDraftForUser(officer, draftId))?.data;
      expect(data?.person).toMatchObject({ workingName: `Cerys ${round}` });
      expect(data?.["what-happened"]).toMatchObject({ area: `Docks ${round}` });
    }
  });

  it("partners and administrators cannot take reports", async () => {
    const agency = await makeOrganisation("PARTNER_AGENCY");
    const force = await makeOrganisation("POLICE_FORCE");
    expect(await startDraft(await signedIn("PARTNER", agency.id))).toBeNull();
    expect(await startDraft(await signedIn("ADMIN", force.id))).toBeNull();
  });

  it("answers that need fixing are still kept, and submitting says which", async () => {
    const { officer } = await officerInUnit();
    const draftId = await startDraft(officer);
    if (!draftId) throw new Error("draft not started");
    const saved = await saveStep(officer, draftId, "what-happened", {
      whenKnown: "EXACT",
      incidentDate: "2026-02-30",
      area: "Docks",
    });
    expect(saved).toEqual({ status: "invalid", fieldErrors: { incidentDate: "intake.errors.date" } });
    expect((await getDraftForUser(officer, draftId))?.data["what-happened"]).toMatchObject({
      incidentDate: "2026-02-30",
      area: "Docks",
    });
    const submitted = await submitDraft(officer, draftId);
    expect(submitted).toMatchObject({
      status: "invalid",
      errors: {
        person: { workingName: "intake.errors.workingName" },
        "what-happened": { incidentDate: "intake.errors.date" },
      },
    });
    expect(await ownerDb().incidentReport.count({ where: { createdById: officer.id } })).toBe(0);
  });

  it("a person from another unit cannot be attached to a report", async () => {
    const { officer } = await officerInUnit();
    const elsewhere = await makeOrganisation();
    const stranger = await makePerson(elsewhere.id, "Someone else");
    const draftId = await startDraft(officer);
    if (!draftId) throw new Error("draft not started");
    await saveStep(officer, draftId, "person", { existingPersonId: stranger.id });
    expect(await submitDraft(officer, draftId)).toEqual({
      status: "invalid",
      errors: { person: { existingPersonId: "intake.errors.personGone" } },
    });
    expect(await ownerDb().incidentReport.count({ where: { createdById: officer.id } })).toBe(0);
  });

  it("an unanswered reporting route stays unanswered, and an unanswered report date is today", async () => {
    const { officer } = await officerInUnit();
    const before = new Date();
    const report = await submitted(officer, await saveSteps(officer, [["person", { workingName: "Ffion" }]]));
    expect(report.reportingRoute).toBeNull();
    expect(report.reportedAt.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(report.reportedAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(report.safeguarding).toEqual([]);
  });

  it("enhanced rights are derived from the offence unless the officer decided", async () => {
    const { officer } = await officerInUnit();
    const rape = await submitted(
      officer,
      await saveSteps(officer, [
        ["person", { workingName: "Gwen" }],
        ["what-happened", { incidentTypes: ["RAPE"] }],
      ]),
    );
    expect(rape).toMatchObject({
      enhancedRights: true,
      enhancedRightsByOfficer: false,
      enhancedRightsReason: "Derived from the offence",
    });
    const unknown = await submitted(
      officer,
      await saveSteps(officer, [["person", { workingName: "Heledd" }]]),
    );
    expect(unknown).toMatchObject({
      enhancedRights: true,
      enhancedRightsByOfficer: false,
      enhancedRightsReason: "Not yet known: treated as enhanced",
    });
    const theft = await submitted(
      officer,
      await saveSteps(officer, [
        ["person", { workingName: "Iola" }],
        ["what-happened", { incidentTypes: ["THEFT"] }],
        ["safety", { enhancedRights: "NO", enhancedRightsReason: "Not vulnerable or intimidated" }],
      ]),
    );
    expect(theft).toMatchObject({
      enhancedRights: false,
      enhancedRightsByOfficer: true,
      enhancedRightsReason: "Not vulnerable or intimidated",
    });
  });

  it("a child's report records the safeguarding referral, and modern slavery why none was made", async () => {
    const { unit, officer } = await officerInUnit();
    const report = await submitted(
      officer,
      await saveSteps(officer, [
        [
          "person",
          {
            workingName: "Kit",
            ageBand: "UNDER_18",
            childReferralMade: "YES",
            childReferredTo: "Children's services (MASH), ref 4471",
            childNotMadeReason: "typed before the answer changed",
          },
        ],
        [
          "safety",
          {
            safeguardingSigns: ["MODERN_SLAVERY"],
            slaveryReferralMade: "NO",
            slaveryNotMadeReason: "Duty to Notify sent; NRM to follow with the social worker",
          },
        ],
      ]),
    );
    expect(
      report.safeguarding.map(
        ({ concern, referralMade, referredTo, notMadeReason, unitId, recordedById }) => ({
          concern,
          referralMade,
          referredTo,
          notMadeReason,
          unitId,
          recordedById,
        }),
      ),
    ).toEqual([
      {
        concern: "CHILD_AT_RISK",
        referralMade: true,
        referredTo: "Children's services (MASH), ref 4471",
        notMadeReason: null,
        unitId: unit.id,
        recordedById: officer.id,
      },
      {
        concern: "MODERN_SLAVERY",
        referralMade: false,
        referredTo: null,
        notMadeReason: "Duty to Notify sent; NRM to follow with the social worker",
        unitId: unit.id,
        recordedById: officer.id,
      },
    ]);
    const audit = await db().auditEvent.findMany({
      where: { recordId: { in: report.safeguarding.map((r) => r.id) } },
    });
    expect(audit.map((e) => e.action)).toEqual(["safeguarding.create", "safeguarding.create"]);
  });

  it("someone who was a child at the incident needs the child panel answered before submitting", async () => {
    const { officer } = await officerInUnit();
    const draftId = await saveSteps(officer, [
      ["person", { workingName: "Lily", dateOfBirth: "2008-03-01" }],
      ["what-happened", { whenKnown: "EXACT", incidentDate: "2026-02-20", reportedAt: "2026-3-2" }],
    ]);
    expect(await submitDraft(officer, draftId)).toEqual({
      status: "invalid",
      errors: { person: { childReferralMade: "intake.errors.referralMade" } },
    });
    await saveStep(officer, draftId, "person", {
      workingName: "Lily",
      dateOfBirth: "2008-03-01",
      childReferralMade: "NO",
      childNotMadeReason: "Referral already open with children's services",
    });
    const report = await submitted(officer, draftId);
    expect(report.safeguarding.map((r) => [r.concern, r.referralMade, r.notMadeReason])).toEqual([
      ["CHILD_AT_RISK", false, "Referral already open with children's services"],
    ]);
  });

  it("a reported date in the future is refused", async () => {
    const { officer } = await officerInUnit();
    const draftId = await startDraft(officer);
    if (!draftId) throw new Error("draft not started");
    expect(await saveStep(officer, draftId, "what-happened", { reportedAt: "2999-1-1" })).toEqual({
      status: "invalid",
      fieldErrors: { reportedAt: "intake.errors.reportedInFuture" },
    });
  });
});

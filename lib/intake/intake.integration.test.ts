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

async function fillDraft(officer: CurrentUser, agencyId: string) {
  const draftId = await startDraft(officer);
  if (!draftId) throw new Error("draft not started");
  const steps: [Parameters<typeof saveStep>[2], Record<string, unknown>][] = [
    [
      "person",
      {
        existingPersonId: "NEW",
        workingName: "  Jade  ",
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
    [
      "safety",
      { immediateDanger: "NO", enhancedRights: "YES", enhancedRightsReason: "Persistently targeted" },
    ],
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

    const report = await db().incidentReport.findUniqueOrThrow({
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
      crimeReference: "GW-2026-1234",
      narrative: "He took her phone <script>alert(1)</script> and left.",
    });
    // 00:30 on a July night in London is 23:30 UTC the day before.
    expect(report.incidentFrom?.toISOString()).toBe("2026-06-30T23:30:00.000Z");
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
    expect(await db().consent.count({ where: { personId: report.personId, agencyId: agency.id } })).toBe(1);
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
    expect(await db().incidentReport.count({ where: { idempotencyKey: draftId } })).toBe(1);
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
    expect(await findDraftsForUser(colleague)).toEqual([]);
    expect((await findDraftsForUser(officer)).map((d) => d.workingName)).toEqual(["Cerys"]);
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
    expect(await db().incidentReport.count({ where: { createdById: officer.id } })).toBe(0);
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
    expect(await db().incidentReport.count({ where: { createdById: officer.id } })).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { CurrentUser } from "@/lib/auth/current-user";
import { makeOrganisation, makePerson, makeReport, signedIn } from "@/tests/support/factories";
import { createAlert, updateAlert } from "./draft-alert";
import { approveAlert, returnAlert, submitAlert, withdrawAlert } from "./review-alert";
import {
  findActiveAlertsForAgency,
  findAlertMatchesForReport,
  getAlertForAgency,
  getAlertForUnit,
} from "./queries";
import { ownerDb } from "@/tests/support/owner-db";

const now = new Date("2026-03-09T10:00:00Z");
const expiry = { expiresDay: "7", expiresMonth: "6", expiresYear: "2026" };

// A unit linked to two agencies, with one report whose suspect drove a silver estate.
async function world() {
  const unit = await makeOrganisation();
  const agency = await makeOrganisation("PARTNER_AGENCY");
  const agency2 = await makeOrganisation("PARTNER_AGENCY");
  await db().unitAgencyLink.createMany({
    data: [
      { unitId: unit.id, agencyId: agency.id },
      { unitId: unit.id, agencyId: agency2.id },
    ],
  });
  const officer = await signedIn("LIAISON_OFFICER", unit.id);
  const supervisor = await signedIn("SUPERVISOR", unit.id);
  const partner = await signedIn("PARTNER", agency.id);
  const partner2 = await signedIn("PARTNER", agency2.id);
  const person = await makePerson(unit.id, "Jade");
  await ownerDb().person.update({ where: { id: person.id }, data: { legalName: "Megan Price" } });
  const report = await makeReport(unit.id, {
    personId: person.id,
    narrative: "He picked me up outside the station and drove me to the industrial estate.",
    place: "14 Commercial Road",
  });
  await ownerDb().suspect.create({
    data: {
      reportId: report.id,
      description: "White man in his 40s",
      identifiers: {
        create: [{ unitId: unit.id, kind: "VEHICLE_REGISTRATION", value: "ZC19 KTW", normalised: "ZC19KTW" }],
      },
    },
  });
  const draft = {
    title: "Man in a silver estate car",
    description: "White man in his 40s",
    vehicles: "ZC19 KTW",
    whatHappened: "Reports to the unit of robbery, February 2026.",
    agencies: [agency.id],
    reports: [report.id],
  };
  return { unit, agency, agency2, officer, supervisor, partner, partner2, report, draft };
}

async function audits(action: string, actor: CurrentUser) {
  return db().auditEvent.findMany({
    where: { action, actorId: actor.id },
    orderBy: [{ at: "asc" }, { id: "asc" }],
  });
}

async function activeAlert(w: Awaited<ReturnType<typeof world>>) {
  const created = await createAlert(w.officer, w.draft, now);
  if (created.status !== "done") throw new Error("draft refused");
  await submitAlert(w.officer, created.alertId);
  expect(await approveAlert(w.supervisor, created.alertId, expiry, now)).toMatchObject({ status: "done" });
  return created.alertId;
}

describe("safety alerts", () => {
  it("an officer drafts an alert from a report: saved with its sources, recipients and normalised identifiers, audited", async () => {
    const w = await world();
    const result = await createAlert(w.officer, w.draft, now);
    expect(result).toMatchObject({ status: "done" });
    const id = result.status === "done" ? result.alertId : "";
    const saved = await ownerDb().safetyAlert.findUniqueOrThrow({
      where: { id },
      include: { recipients: true, identifiers: true },
    });
    expect(saved).toMatchObject({
      status: "DRAFT",
      unitId: w.unit.id,
      createdById: w.officer.id,
      sourceReportIds: [w.report.id],
      sourceFields: { description: ["suspectDescription"], vehicles: ["vehicleRegistration"] },
    });
    expect(saved.recipients.map((r) => r.agencyId)).toEqual([w.agency.id]);
    expect(saved.identifiers).toMatchObject([
      { unitId: w.unit.id, kind: "VEHICLE_REGISTRATION", normalised: "ZC19KTW" },
    ]);
    expect(await audits("alert.create", w.officer)).toMatchObject([{ outcome: "SUCCESS", recordId: id }]);
  });

  it("refuses the person's names, the narrative, another unit's report and an agency the unit is not linked to", async () => {
    const w = await world();
    const stranger = await makeOrganisation("PARTNER_AGENCY");
    const result = await createAlert(
      w.officer,
      {
        ...w.draft,
        title: "Warning from Megan",
        description: "Seen with jade",
        whatHappened: "He picked me up outside the station and drove me to the industrial estate.",
        area: "14 Commercial Road",
        agencies: [w.agency.id, stranger.id],
      },
      now,
    );
    expect(result).toEqual({
      status: "invalid",
      values: expect.objectContaining({ title: "Warning from Megan", description: "Seen with jade" }),
      fieldErrors: {
        title: "alerts.errors.identifies.name",
        description: "alerts.errors.identifies.name",
        whatHappened: "alerts.errors.identifies.narrative",
        area: "alerts.errors.identifies.place",
        agencies: "alerts.errors.agenciesUnknown",
      },
      formError: "alerts.errors.identifiesSummary",
    });
    const otherUnit = await makeOrganisation();
    const foreign = await makeReport(otherUnit.id);
    expect(await createAlert(w.officer, { ...w.draft, reports: [foreign.id] }, now)).toMatchObject({
      status: "invalid",
      fieldErrors: { reports: "alerts.errors.reportsUnknown" },
    });
    expect(await ownerDb().safetyAlert.count({ where: { unitId: w.unit.id } })).toBe(0);
  });

  it("only a supervisor other than the author approves; an officer cannot approve at all", async () => {
    const w = await world();
    const created = await createAlert(w.officer, w.draft, now);
    const id = created.status === "done" ? created.alertId : "";
    expect(await submitAlert(w.officer, id)).toMatchObject({ status: "done" });
    expect(await approveAlert(w.officer, id, expiry, now)).toEqual({ status: "not-found" });
    expect(await audits("alert.approve", w.officer)).toMatchObject([{ outcome: "DENIED" }]);

    const own = await createAlert(w.supervisor, w.draft, now);
    const ownId = own.status === "done" ? own.alertId : "";
    await submitAlert(w.supervisor, ownId);
    expect(await approveAlert(w.supervisor, ownId, expiry, now)).toMatchObject({
      status: "invalid",
      formError: "alerts.errors.ownAlert",
    });
    expect((await ownerDb().safetyAlert.findUniqueOrThrow({ where: { id: ownId } })).status).toBe(
      "AWAITING_APPROVAL",
    );

    expect(await approveAlert(w.supervisor, id, expiry, now)).toMatchObject({ status: "done" });
    expect(await ownerDb().safetyAlert.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "ACTIVE",
      approvedById: w.supervisor.id,
      approvedAt: now,
      // The start of 7 June in London (British Summer Time).
      expiresAt: new Date("2026-06-06T23:00:00Z"),
    });
  });

  it("a returned alert carries the reason, is edited and sent again", async () => {
    const w = await world();
    const created = await createAlert(w.officer, w.draft, now);
    const id = created.status === "done" ? created.alertId : "";
    await submitAlert(w.officer, id);
    expect(await returnAlert(w.supervisor, id, { reason: "" })).toMatchObject({
      fieldErrors: { reason: "alerts.errors.reasonMissing" },
    });
    expect(await returnAlert(w.supervisor, id, { reason: "Add the second phone" })).toMatchObject({
      status: "done",
    });
    expect(await ownerDb().safetyAlert.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "RETURNED",
      returnedReason: "Add the second phone",
    });
    expect(
      await updateAlert(
        w.officer,
        id,
        { ...w.draft, phoneNumbers: "07700 900655", agencies: [w.agency2.id] },
        now,
      ),
    ).toMatchObject({ status: "done" });
    const edited = await ownerDb().safetyAlert.findUniqueOrThrow({
      where: { id },
      include: { recipients: true, identifiers: true },
    });
    expect(edited.recipients.map((r) => r.agencyId)).toEqual([w.agency2.id]);
    expect(edited.identifiers.map((i) => i.normalised).sort()).toEqual(["+447700900655", "ZC19KTW"]);
    expect(await submitAlert(w.officer, id)).toMatchObject({ status: "done" });
  });

  it("partners see only active, unexpired alerts sent to their agency; anything else is not found and audited", async () => {
    const w = await world();
    const id = await activeAlert(w);
    expect(await findActiveAlertsForAgency(w.partner, now)).toMatchObject([{ id, title: w.draft.title }]);
    const sheet = await getAlertForAgency(w.partner, id, now);
    expect(sheet).toMatchObject({ id, description: "White man in his 40s", vehicles: "ZC19 KTW" });
    // The sheet carries nothing of the unit's working record.
    expect(Object.keys(sheet ?? {}).sort()).toEqual(
      [
        "approvedAt",
        "area",
        "description",
        "expiresAt",
        "id",
        "onlineHandles",
        "periodFrom",
        "periodTo",
        "phoneNumbers",
        "title",
        "unitName",
        "vehicles",
        "whatHappened",
      ].sort(),
    );
    expect(await audits("alert.view", w.partner)).toMatchObject([{ outcome: "SUCCESS", recordId: id }]);

    expect(await findActiveAlertsForAgency(w.partner2, now)).toEqual([]);
    expect(await getAlertForAgency(w.partner2, id, now)).toBeNull();
    expect(await audits("alert.view", w.partner2)).toMatchObject([{ outcome: "DENIED", recordId: id }]);
    // A partner calling the unit's steps directly with the id changes nothing.
    expect(await withdrawAlert(w.partner2, id, { reason: "x" }, now)).toEqual({ status: "not-found" });
    expect(await approveAlert(w.partner2, id, expiry, now)).toEqual({ status: "not-found" });
    expect(await updateAlert(w.partner2, id, w.draft, now)).toEqual({ status: "not-found" });
    expect(await getAlertForUnit(w.partner2, id, now)).toBeNull();
    expect(await audits("alert.withdraw", w.partner2)).toMatchObject([{ outcome: "DENIED" }]);
    expect((await ownerDb().safetyAlert.findUniqueOrThrow({ where: { id } })).status).toBe("ACTIVE");

    // Expired: still active in the unit's records, gone for partners.
    const later = new Date("2026-06-07T00:00:00Z");
    expect(await findActiveAlertsForAgency(w.partner, later)).toEqual([]);
    expect(await getAlertForAgency(w.partner, id, later)).toBeNull();
    expect(await getAlertForUnit(w.officer, id, later)).toMatchObject({ status: "ACTIVE", expired: true });
  });

  it("drafts and withdrawn alerts are not shown to partners, and another unit cannot touch them", async () => {
    const w = await world();
    const created = await createAlert(w.officer, w.draft, now);
    const draftId = created.status === "done" ? created.alertId : "";
    expect(await getAlertForAgency(w.partner, draftId, now)).toBeNull();
    const id = await activeAlert(w);
    const otherUnit = await makeOrganisation();
    const outsider = await signedIn("SUPERVISOR", otherUnit.id);
    expect(await withdrawAlert(outsider, id, { reason: "x" }, now)).toEqual({ status: "not-found" });
    expect(await getAlertForUnit(outsider, id, now)).toBeNull();
    expect(await withdrawAlert(w.officer, id, { reason: "Suspect charged and remanded" }, now)).toMatchObject(
      {
        status: "done",
      },
    );
    expect(await ownerDb().safetyAlert.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "WITHDRAWN",
      withdrawnAt: now,
      withdrawnReason: "Suspect charged and remanded",
    });
    expect(await findActiveAlertsForAgency(w.partner, now)).toEqual([]);
    expect(await getAlertForAgency(w.partner, id, now)).toBeNull();
  });

  it("a new report whose suspect's identifier matches an active alert tells the officer", async () => {
    const w = await world();
    const id = await activeAlert(w);
    const fresh = await makeReport(w.unit.id);
    await ownerDb().suspect.create({
      data: {
        reportId: fresh.id,
        identifiers: {
          create: [
            { unitId: w.unit.id, kind: "VEHICLE_REGISTRATION", value: "zc19-ktw", normalised: "ZC19KTW" },
          ],
        },
      },
    });
    expect(await findAlertMatchesForReport(w.officer, fresh.id, now)).toEqual([{ id, title: w.draft.title }]);
    // The report it was built from is not "matched"; nor is another unit's report.
    expect(await findAlertMatchesForReport(w.officer, w.report.id, now)).toEqual([]);
    const otherUnit = await makeOrganisation();
    const outsider = await signedIn("LIAISON_OFFICER", otherUnit.id);
    expect(await findAlertMatchesForReport(outsider, fresh.id, now)).toEqual([]);
    expect(await findAlertMatchesForReport(w.partner, fresh.id, now)).toEqual([]);
  });
});

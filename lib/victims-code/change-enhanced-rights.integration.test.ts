import { ownerDb } from "@/tests/support/owner-db";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { changeEnhancedRights, getEnhancedRightsForChange } from "./change-enhanced-rights";
import { updateDueBy } from "./key-decisions";
import { updateReport } from "@/lib/reports/update-report";
import { makeOrganisation, makeReport, signedIn } from "@/tests/support/factories";
import { makeCaseEvent, makeContact, makeVictimUpdate } from "@/tests/support/case-factories";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
// 00:30 on 2 July in London (summer time) is still 1 July in UTC.
const now = new Date("2026-07-01T23:30:00Z");

// A report with rape recorded (enhanced: 1 working day) and two decisions: one update still
// owed, one already given.
async function enhancedReport(unitId: string) {
  const report = await makeReport(unitId, { incidentTypes: ["RAPE"], enhancedRights: true });
  const arrested = await makeCaseEvent(report.id, { type: "ARRESTED", occurredOn: day("2026-06-26") });
  const interviewed = await makeCaseEvent(report.id, {
    type: "INTERVIEWED_UNDER_CAUTION",
    occurredOn: day("2026-06-22"),
  });
  const open = await makeVictimUpdate(report.id, arrested.id, updateDueBy(arrested.occurredOn, true));
  const given = await makeVictimUpdate(report.id, interviewed.id, updateDueBy(interviewed.occurredOn, true));
  const contact = await makeContact(unitId, report.personId);
  await ownerDb().victimUpdate.update({
    where: { id: given.id },
    data: { clearedAt: new Date("2026-06-23T09:00:00Z"), clearedByContactId: contact.id },
  });
  return { report, open, given };
}

const dueBy = async (id: string) => (await ownerDb().victimUpdate.findUniqueOrThrow({ where: { id } })).dueBy;

describe("an officer changing a person's enhanced rights", () => {
  it("records the decision and reason, moves open updates' due dates, leaves given ones, and audits", async () => {
    const unit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const { report, open, given } = await enhancedReport(unit.id);
    const givenDueBefore = await dueBy(given.id);

    const result = await changeEnhancedRights(
      officer,
      report.id,
      { enhancedRights: "no", reason: "  Robbery only; the person asked for weekly updates.  " },
      now,
    );

    expect(result).toEqual({ status: "saved", updatesMoved: 1 });
    expect(await ownerDb().incidentReport.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({
      enhancedRights: false,
      enhancedRightsByOfficer: true,
      enhancedRightsReason: "Robbery only; the person asked for weekly updates.",
    });
    // Friday 26 June 2026: 1 working day is Monday 29 June; 5 are Friday 3 July.
    expect(await dueBy(open.id)).toEqual(new Date("2026-07-03T22:59:59.999Z"));
    expect(await dueBy(given.id)).toEqual(givenDueBefore);
    const events = await ownerDb().caseEvent.findMany({
      where: { reportId: report.id, type: "ENHANCED_RIGHTS_CHANGED" },
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      enhancedRights: false,
      notes: "Robbery only; the person asked for weekly updates.",
      occurredOn: day("2026-07-02"),
      recordedById: officer.id,
    });
    const audit = await db().auditEvent.findMany({
      where: { action: "report.enhanced-rights.change", recordId: report.id },
    });
    expect(audit).toMatchObject([{ outcome: "SUCCESS", actorId: officer.id }]);
    expect(JSON.stringify(audit)).not.toContain("weekly");
  });

  it("refuses a missing choice or reason with every error and the values typed, and changes nothing", async () => {
    const unit = await makeOrganisation();
    const officer = await signedIn("SUPERVISOR", unit.id);
    const { report, open } = await enhancedReport(unit.id);
    const before = await dueBy(open.id);
    expect(
      await changeEnhancedRights(officer, report.id, { enhancedRights: "maybe", reason: "  " }, now),
    ).toEqual({
      status: "invalid",
      values: { enhancedRights: "maybe", reason: "  " },
      fieldErrors: {
        enhancedRights: "enhancedRights.errors.enhancedRights",
        reason: "enhancedRights.errors.reasonMissing",
      },
    });
    expect(
      await changeEnhancedRights(
        officer,
        report.id,
        { enhancedRights: "no", reason: "x", unitId: unit.id },
        now,
      ),
    ).toMatchObject({
      status: "invalid",
      fieldErrors: { enhancedRights: "enhancedRights.errors.unknownField" },
    });
    expect(await ownerDb().incidentReport.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({
      enhancedRights: true,
      enhancedRightsByOfficer: false,
    });
    expect(await dueBy(open.id)).toEqual(before);
    expect(
      await ownerDb().caseEvent.count({ where: { reportId: report.id, type: "ENHANCED_RIGHTS_CHANGED" } }),
    ).toBe(0);
  });

  it("an officer of another unit, a partner or an administrator gets 'not found', audited as denied", async () => {
    const unit = await makeOrganisation();
    const { report, open } = await enhancedReport(unit.id);
    const before = await dueBy(open.id);
    const otherUnit = await makeOrganisation();
    const outsider = await signedIn("LIAISON_OFFICER", otherUnit.id);
    for (const user of [outsider, await signedIn("PARTNER", unit.id), await signedIn("ADMIN", unit.id)]) {
      expect(
        await changeEnhancedRights(user, report.id, { enhancedRights: "no", reason: "No" }, now),
      ).toEqual({
        status: "not-found",
      });
      expect(await getEnhancedRightsForChange(user, report.id)).toBeNull();
    }
    expect(
      await changeEnhancedRights(outsider, "not-a-uuid", { enhancedRights: "no", reason: "No" }, now),
    ).toEqual({ status: "not-found" });
    expect(
      await db().auditEvent.count({
        where: { action: "report.enhanced-rights.change", recordId: report.id, outcome: "DENIED" },
      }),
    ).toBe(3);
    expect(await ownerDb().incidentReport.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({
      enhancedRights: true,
      enhancedRightsByOfficer: false,
    });
    expect(await dueBy(open.id)).toEqual(before);
  });

  it("shows the form the rights as they stand, and audits the look", async () => {
    const unit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const { report } = await enhancedReport(unit.id);
    await changeEnhancedRights(
      officer,
      report.id,
      { enhancedRights: "yes", reason: "Persistently targeted" },
      now,
    );
    expect(await getEnhancedRightsForChange(officer, report.id)).toEqual({
      reference: report.reference,
      enhancedRights: true,
      byOfficer: true,
      reason: "Persistently targeted",
      incidentTypes: ["RAPE"],
    });
    expect(
      await db().auditEvent.count({ where: { action: "report.enhanced-rights.view", recordId: report.id } }),
    ).toBe(1);
  });
});

describe("enhanced rights when the incident types are edited", () => {
  const edit = (version: number, incidentTypes: string[]) => ({
    version,
    narrative: "",
    area: "",
    incidentTypes,
    personWants: "FULL_INVESTIGATION",
  });

  it("follow the offence while no officer has decided, and open updates' due dates follow them", async () => {
    const unit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const { report, open, given } = await enhancedReport(unit.id);
    const givenDueBefore = await dueBy(given.id);

    expect(await updateReport(officer, report.id, edit(1, ["ROBBERY"]), now)).toEqual({
      status: "saved",
      version: 2,
    });
    expect(
      (await ownerDb().incidentReport.findUniqueOrThrow({ where: { id: report.id } })).enhancedRights,
    ).toBe(false);
    expect(await dueBy(open.id)).toEqual(new Date("2026-07-03T22:59:59.999Z"));
    expect(await dueBy(given.id)).toEqual(givenDueBefore);

    await updateReport(officer, report.id, edit(2, ["ROBBERY", "HATE_INCIDENT"]), now);
    expect(
      (await ownerDb().incidentReport.findUniqueOrThrow({ where: { id: report.id } })).enhancedRights,
    ).toBe(true);
    expect(await dueBy(open.id)).toEqual(new Date("2026-06-29T22:59:59.999Z"));
  });

  it("stay as the officer decided once an officer has decided", async () => {
    const unit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const { report, open } = await enhancedReport(unit.id);
    await changeEnhancedRights(
      officer,
      report.id,
      { enhancedRights: "yes", reason: "Intimidated witness" },
      now,
    );
    const before = await dueBy(open.id);
    await updateReport(officer, report.id, edit(1, ["THEFT"]), now);
    expect(await ownerDb().incidentReport.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({
      enhancedRights: true,
      enhancedRightsByOfficer: true,
    });
    expect(await dueBy(open.id)).toEqual(before);
  });
});

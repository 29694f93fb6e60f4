import { withRowScope } from "@/lib/db/scope";
import { ownerDb } from "@/tests/support/owner-db";
import { describe, expect, it } from "vitest";
import { clearDueUpdates } from "./clear-updates";
import { findDueUpdatesForOfficer } from "./queries";
import { makeOrganisation, makePerson, makeReport, signedIn } from "@/tests/support/factories";
import { makeCaseEvent, makeContact, makeVictimUpdate } from "@/tests/support/case-factories";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function updateOwed(reportId: string, decidedOn: string, dueBy = "2026-03-20T23:59:59Z") {
  const event = await makeCaseEvent(reportId, { type: "ARRESTED", occurredOn: day(decidedOn) });
  return makeVictimUpdate(reportId, event.id, new Date(dueBy));
}

async function clear(
  args: { unitId: string; personId: string; reportId: string; updateIds: string[] },
  contact: { id: string; occurredAt: Date },
) {
  return withRowScope({ unitId: args.unitId, agencyId: null }, (tx) =>
    clearDueUpdates(tx, { ...args, contactId: contact.id, occurredAt: contact.occurredAt }),
  );
}

const clearedBy = async (id: string) =>
  (await ownerDb().victimUpdate.findUniqueOrThrow({ where: { id } })).clearedByContactId;

describe("clearing Victims' Code updates with a case-update contact", () => {
  it("clears only the named updates on the named report, for decisions made by the contact's day", async () => {
    const unit = await makeOrganisation();
    const person = await makePerson(unit.id);
    const report = await makeReport(unit.id, { personId: person.id });
    const otherReport = await makeReport(unit.id, { personId: person.id });
    const told = await updateOwed(report.id, "2026-03-02");
    const notMentioned = await updateOwed(report.id, "2026-03-05");
    const later = await updateOwed(report.id, "2026-03-12");
    const onOtherReport = await updateOwed(otherReport.id, "2026-03-02");
    const contact = await makeContact(unit.id, person.id, { occurredAt: new Date("2026-03-05T15:00:00Z") });

    const cleared = await clear(
      {
        unitId: unit.id,
        personId: person.id,
        reportId: report.id,
        updateIds: [told.id, later.id, onOtherReport.id],
      },
      contact,
    );

    expect(cleared).toBe(1);
    expect(await ownerDb().victimUpdate.findUniqueOrThrow({ where: { id: told.id } })).toMatchObject({
      clearedByContactId: contact.id,
      clearedAt: contact.occurredAt,
    });
    expect(await clearedBy(notMentioned.id)).toBeNull();
    expect(await clearedBy(later.id)).toBeNull();
    expect(await clearedBy(onOtherReport.id)).toBeNull();
  });

  it("leaves other people's updates, another unit's, and updates already cleared", async () => {
    const unit = await makeOrganisation();
    const otherUnit = await makeOrganisation();
    const person = await makePerson(unit.id);
    const someoneElses = await updateOwed(
      (await makeReport(unit.id, { personId: (await makePerson(unit.id)).id })).id,
      "2026-03-02",
    );
    const elsewhere = await updateOwed(
      (await makeReport(otherUnit.id, { personId: person.id })).id,
      "2026-03-02",
    );
    const report = await makeReport(unit.id, { personId: person.id });
    const earlierContact = await makeContact(unit.id, person.id);
    const done = await updateOwed(report.id, "2026-03-02");
    await ownerDb().victimUpdate.update({
      where: { id: done.id },
      data: { clearedAt: new Date("2026-03-03T09:00:00Z"), clearedByContactId: earlierContact.id },
    });
    const contact = await makeContact(unit.id, person.id);
    const cleared = await clear(
      {
        unitId: unit.id,
        personId: person.id,
        reportId: report.id,
        updateIds: [someoneElses.id, elsewhere.id, done.id],
      },
      contact,
    );
    expect(cleared).toBe(0);
    expect(await clearedBy(someoneElses.id)).toBeNull();
    expect(await clearedBy(elsewhere.id)).toBeNull();
    expect(await clearedBy(done.id)).toBe(earlierContact.id);
  });

  it("clears nothing when no update is named", async () => {
    const unit = await makeOrganisation();
    const person = await makePerson(unit.id);
    const report = await makeReport(unit.id, { personId: person.id });
    const owed = await updateOwed(report.id, "2026-03-02");
    const contact = await makeContact(unit.id, person.id);
    expect(
      await clear({ unitId: unit.id, personId: person.id, reportId: report.id, updateIds: [] }, contact),
    ).toBe(0);
    expect(await clearedBy(owed.id)).toBeNull();
  });

  it("counts the contact's day as London's: just after midnight in summer is already the next day", async () => {
    const unit = await makeOrganisation();
    const person = await makePerson(unit.id);
    const report = await makeReport(unit.id, { personId: person.id });
    const sameDay = await updateOwed(report.id, "2026-06-06");
    // 00:30 on 6 June in London (British Summer Time) is still 5 June in UTC.
    const contact = await makeContact(unit.id, person.id, { occurredAt: new Date("2026-06-05T23:30:00Z") });
    const cleared = await clear(
      { unitId: unit.id, personId: person.id, reportId: report.id, updateIds: [sameDay.id] },
      contact,
    );
    expect(cleared).toBe(1);
    expect(await clearedBy(sameDay.id)).toBe(contact.id);
  });
});

describe("an officer's updates due", () => {
  it("lists open updates on their reports soonest first, one row per report and due day", async () => {
    const unit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const colleague = await signedIn("LIAISON_OFFICER", unit.id);
    const person = await ownerDb().person.create({
      data: {
        unitId: unit.id,
        workingName: "Sky",
        safeContactMethods: ["TEXT_MESSAGE"],
        doNotContactRules: "No voicemail",
      },
    });
    const mine = await makeReport(unit.id, { personId: person.id, assignedOfficerId: officer.id });
    const theirs = await makeReport(unit.id, { personId: person.id, assignedOfficerId: colleague.id });
    const unassigned = await makeReport(unit.id, { personId: person.id });
    const arrested = await makeCaseEvent(mine.id, { type: "ARRESTED", occurredOn: day("2026-03-02") });
    const interviewed = await makeCaseEvent(mine.id, {
      type: "INTERVIEWED_UNDER_CAUTION",
      occurredOn: day("2026-03-03"),
    });
    const charged = await makeCaseEvent(mine.id, { type: "CHARGED", occurredOn: day("2026-03-13") });
    await makeVictimUpdate(mine.id, charged.id, new Date("2026-03-20T23:59:59Z"));
    // Two decisions on one report due the same day: one row, both decisions in it.
    await makeVictimUpdate(mine.id, interviewed.id, new Date("2026-03-06T23:59:59Z"));
    await makeVictimUpdate(mine.id, arrested.id, new Date("2026-03-06T20:00:00Z"));
    await makeVictimUpdate(
      theirs.id,
      (await makeCaseEvent(theirs.id, { type: "ARRESTED" })).id,
      new Date("2026-03-06T23:59:59Z"),
    );
    const recordedByMe = await makeCaseEvent(unassigned.id, { type: "RELEASED", recordedById: officer.id });
    await makeVictimUpdate(unassigned.id, recordedByMe.id, new Date("2026-03-25T23:59:59Z"));

    const due = await findDueUpdatesForOfficer(officer, new Date("2026-03-10T12:00:00Z"));
    expect(due.map((u) => [u.reference, u.decisions.map((d) => d.decision), u.overdue])).toEqual([
      [mine.reference, ["ARRESTED", "INTERVIEWED_UNDER_CAUTION"], true],
      [mine.reference, ["CHARGED"], false],
      [unassigned.reference, ["RELEASED"], false],
    ]);
    expect(due[0]).toMatchObject({
      dueBy: new Date("2026-03-06T20:00:00Z"),
      projectedCalendar: false,
      workingName: "Sky",
      safeContactMethods: ["TEXT_MESSAGE"],
      doNotContactRules: "No voicemail",
    });
  });

  it("partners and administrators are owed none to see", async () => {
    const unit = await makeOrganisation();
    const report = await makeReport(unit.id);
    const event = await makeCaseEvent(report.id, { type: "ARRESTED" });
    await makeVictimUpdate(report.id, event.id, new Date("2026-03-06T23:59:59Z"));
    for (const user of [await signedIn("PARTNER", unit.id), await signedIn("ADMIN", unit.id)]) {
      expect(await findDueUpdatesForOfficer(user)).toEqual([]);
    }
  });
});

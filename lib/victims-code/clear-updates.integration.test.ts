import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { clearDueUpdates } from "./clear-updates";
import { findDueUpdatesForOfficer } from "./queries";
import { makeOrganisation, makePerson, makeReport, signedIn } from "@/tests/support/factories";
import { makeCaseEvent, makeContact, makeVictimUpdate } from "@/tests/support/case-factories";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function updateOwed(
  unitId: string,
  personId: string,
  decidedOn: string,
  dueBy = "2026-03-20T23:59:59Z",
) {
  const report = await makeReport(unitId, { personId });
  const event = await makeCaseEvent(report.id, { type: "ARRESTED", occurredOn: day(decidedOn) });
  return makeVictimUpdate(report.id, event.id, new Date(dueBy));
}

describe("clearing Victims' Code updates with a case-update contact", () => {
  it("clears the person's open updates for decisions made by the time of the contact", async () => {
    const unit = await makeOrganisation();
    const person = await makePerson(unit.id);
    const first = await updateOwed(unit.id, person.id, "2026-03-02");
    const second = await updateOwed(unit.id, person.id, "2026-03-05");
    const later = await updateOwed(unit.id, person.id, "2026-03-12");
    const contact = await makeContact(unit.id, person.id, { occurredAt: new Date("2026-03-05T15:00:00Z") });
    const cleared = await db().$transaction((tx) =>
      clearDueUpdates(tx, {
        unitId: unit.id,
        personId: person.id,
        contactId: contact.id,
        occurredAt: contact.occurredAt,
      }),
    );
    expect(cleared).toBe(2);
    const rows = await db().victimUpdate.findMany({ where: { id: { in: [first.id, second.id, later.id] } } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(first.id)).toMatchObject({
      clearedByContactId: contact.id,
      clearedAt: contact.occurredAt,
    });
    expect(byId.get(second.id)?.clearedByContactId).toBe(contact.id);
    expect(byId.get(later.id)?.clearedAt).toBeNull();
  });

  it("leaves other people's updates, another unit's, and updates already cleared", async () => {
    const unit = await makeOrganisation();
    const otherUnit = await makeOrganisation();
    const person = await makePerson(unit.id);
    const someoneElse = await updateOwed(unit.id, (await makePerson(unit.id)).id, "2026-03-02");
    const elsewhere = await updateOwed(otherUnit.id, person.id, "2026-03-02");
    const earlierContact = await makeContact(unit.id, person.id);
    const done = await updateOwed(unit.id, person.id, "2026-03-02");
    await db().victimUpdate.update({
      where: { id: done.id },
      data: { clearedAt: new Date("2026-03-03T09:00:00Z"), clearedByContactId: earlierContact.id },
    });
    const contact = await makeContact(unit.id, person.id);
    const cleared = await db().$transaction((tx) =>
      clearDueUpdates(tx, {
        unitId: unit.id,
        personId: person.id,
        contactId: contact.id,
        occurredAt: contact.occurredAt,
      }),
    );
    expect(cleared).toBe(0);
    expect(
      (await db().victimUpdate.findUniqueOrThrow({ where: { id: someoneElse.id } })).clearedAt,
    ).toBeNull();
    expect((await db().victimUpdate.findUniqueOrThrow({ where: { id: elsewhere.id } })).clearedAt).toBeNull();
    expect((await db().victimUpdate.findUniqueOrThrow({ where: { id: done.id } })).clearedByContactId).toBe(
      earlierContact.id,
    );
  });
  it("counts the contact's day as London's: just after midnight in summer is already the next day", async () => {
    const unit = await makeOrganisation();
    const person = await makePerson(unit.id);
    const sameDay = await updateOwed(unit.id, person.id, "2026-06-06");
    // 00:30 on 6 June in London (British Summer Time) is still 5 June in UTC.
    const contact = await makeContact(unit.id, person.id, { occurredAt: new Date("2026-06-05T23:30:00Z") });
    const cleared = await db().$transaction((tx) =>
      clearDueUpdates(tx, {
        unitId: unit.id,
        personId: person.id,
        contactId: contact.id,
        occurredAt: contact.occurredAt,
      }),
    );
    expect(cleared).toBe(1);
    expect(
      (await db().victimUpdate.findUniqueOrThrow({ where: { id: sameDay.id } })).clearedByContactId,
    ).toBe(contact.id);
  });
});

describe("an officer's updates due", () => {
  it("lists open updates on their reports, soonest first, marking the overdue ones", async () => {
    const unit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const colleague = await signedIn("LIAISON_OFFICER", unit.id);
    const person = await db().person.create({
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
    const overdueEvent = await makeCaseEvent(mine.id, { type: "ARRESTED" });
    const soonEvent = await makeCaseEvent(mine.id, { type: "CHARGED" });
    await makeVictimUpdate(mine.id, soonEvent.id, new Date("2026-03-20T23:59:59Z"));
    await makeVictimUpdate(mine.id, overdueEvent.id, new Date("2026-03-06T23:59:59Z"));
    await makeVictimUpdate(
      theirs.id,
      (await makeCaseEvent(theirs.id, { type: "ARRESTED" })).id,
      new Date("2026-03-06T23:59:59Z"),
    );
    const recordedByMe = await makeCaseEvent(unassigned.id, { type: "RELEASED", recordedById: officer.id });
    await makeVictimUpdate(unassigned.id, recordedByMe.id, new Date("2026-03-25T23:59:59Z"));

    const due = await findDueUpdatesForOfficer(officer, new Date("2026-03-10T12:00:00Z"));
    expect(due.map((u) => [u.reference, u.decision, u.overdue])).toEqual([
      [mine.reference, "ARRESTED", true],
      [mine.reference, "CHARGED", false],
      [unassigned.reference, "RELEASED", false],
    ]);
    expect(due[0]).toMatchObject({
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

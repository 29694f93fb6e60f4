import { ownerDb } from "@/tests/support/owner-db";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createContact } from "./create-contact";
import { findContactsForPerson, findOpenUpdatesForPerson } from "./queries";
import { makeOrganisation, makePerson, makeReport, signedIn } from "@/tests/support/factories";
import { contactForm, makeContact, makeDueUpdate, unitWithOfficer } from "@/tests/support/people-factories";

const now = new Date("2026-07-10T15:00:00Z");

describe("logging a liaison contact", () => {
  it("an officer logs a contact for a person in their unit; unit and officer come from the session", async () => {
    const { unit, officer, person } = await unitWithOfficer();
    const result = await createContact(officer, person.id, contactForm(), now);
    expect(result).toMatchObject({
      status: "created",
      personId: person.id,
      reportId: null,
      updatesCleared: 0,
    });
    if (result.status !== "created") throw new Error("not created");
    const saved = await ownerDb().liaisonContact.findUniqueOrThrow({ where: { id: result.contactId } });
    expect(saved).toMatchObject({
      unitId: unit.id,
      officerId: officer.id,
      personId: person.id,
      type: "WELFARE_CHECK",
      method: "PHONE_CALL",
      occurredAt: new Date("2026-07-10T13:30:00Z"),
      notes: "Checked in. Doing OK.",
      followUpOn: null,
    });
  });

  it("writes an audit event for the new contact, without its notes", async () => {
    const { officer, person } = await unitWithOfficer();
    const result = await createContact(officer, person.id, contactForm({ notes: "private words" }), now);
    if (result.status !== "created") throw new Error("not created");
    const audit = await db().auditEvent.findMany({
      where: { action: "contact.create", actorId: officer.id },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ recordType: "contact", recordId: result.contactId, outcome: "SUCCESS" });
    expect(JSON.stringify(audit)).not.toContain("private words");
  });

  it("links the contact to one of the person's reports", async () => {
    const { unit, officer, person } = await unitWithOfficer();
    const report = await makeReport(unit.id, { personId: person.id });
    const result = await createContact(officer, person.id, contactForm({ reportId: report.id }), now);
    expect(result).toMatchObject({ status: "created", reportId: report.id });
  });

  it("refuses a report about a different person, or in another unit, beside the other errors", async () => {
    const { unit, officer, person } = await unitWithOfficer();
    const someoneElses = await makeReport(unit.id);
    const otherUnit = await makeOrganisation();
    const otherUnits = await makeReport(otherUnit.id);
    for (const reportId of [someoneElses.id, otherUnits.id, "0197f3a2-1c2b-7d3e-8f4a-5b6c7d8e9f01"]) {
      const result = await createContact(officer, person.id, contactForm({ reportId, method: "" }), now);
      expect(result).toMatchObject({
        status: "invalid",
        fieldErrors: { reportId: "contacts.errors.reportId", method: "contacts.errors.method" },
        values: { reportId, method: "" },
      });
    }
    expect(await ownerDb().liaisonContact.count({ where: { personId: person.id } })).toBe(0);
  });

  it("returns every field error and the values as typed, and saves nothing", async () => {
    const { officer, person } = await unitWithOfficer();
    const typed = contactForm({
      type: "",
      method: "FAX",
      occurredAtDay: "11",
      occurredAtTime: "9am",
      notes: `known prostitute ${"x".repeat(2001)}`,
      followUpOnDay: "1",
      followUpOnMonth: "1",
      followUpOnYear: "2020",
      reportId: "nope",
    });
    const result = await createContact(officer, person.id, typed, now);
    expect(result).toEqual({
      status: "invalid",
      values: typed,
      fieldErrors: {
        type: "contacts.errors.type",
        method: "contacts.errors.method",
        occurredAtTime: "contacts.errors.occurredAtTime",
        notes: "contacts.errors.notesTooLong",
        followUpOnDay: "contacts.errors.followUpOnPast",
        reportId: "contacts.errors.reportId",
      },
    });
    expect(await ownerDb().liaisonContact.count({ where: { personId: person.id } })).toBe(0);
  });

  it("refuses a field the form does not own, such as another unit or officer", async () => {
    const { officer, person } = await unitWithOfficer();
    const otherUnit = await makeOrganisation();
    const result = await createContact(
      officer,
      person.id,
      contactForm({ unitId: otherUnit.id, officerId: person.id }),
      now,
    );
    expect(result).toMatchObject({ status: "invalid", formError: "contacts.errors.unknownField" });
    expect(await ownerDb().liaisonContact.count({ where: { personId: person.id } })).toBe(0);
  });

  it("a person in another unit is not found, and the attempt is audited as denied", async () => {
    const { officer } = await unitWithOfficer();
    const otherUnit = await makeOrganisation();
    const theirs = await makePerson(otherUnit.id);
    expect(await createContact(officer, theirs.id, contactForm(), now)).toEqual({ status: "not-found" });
    expect(await createContact(officer, "not-a-uuid", contactForm(), now)).toEqual({ status: "not-found" });
    const audit = await db().auditEvent.findFirst({
      where: { action: "contact.create", recordId: theirs.id },
    });
    expect(audit).toMatchObject({ outcome: "DENIED", actorId: officer.id });
    expect(await ownerDb().liaisonContact.count({ where: { personId: theirs.id } })).toBe(0);
  });

  it("partners and administrators cannot log contacts, even for the person's id", async () => {
    const { unit, person } = await unitWithOfficer();
    const agency = await makeOrganisation("PARTNER_AGENCY");
    for (const user of [
      await signedIn("PARTNER", agency.id),
      await signedIn("ADMIN", unit.id),
      await signedIn("PARTNER", unit.id),
    ]) {
      expect(await createContact(user, person.id, contactForm(), now)).toEqual({ status: "not-found" });
    }
    expect(await ownerDb().liaisonContact.count({ where: { personId: person.id } })).toBe(0);
  });

  it("a case update clears only the ticked updates on its report; the person's other report stays owed", async () => {
    const { unit, officer, person } = await unitWithOfficer();
    const report = await makeReport(unit.id, { personId: person.id });
    const told = await makeDueUpdate(report.id, new Date("2026-07-06"), new Date("2026-07-13T17:00:00Z"));
    const notTold = await makeDueUpdate(report.id, new Date("2026-07-07"), new Date("2026-07-14T17:00:00Z"));
    const otherReport = await makeReport(unit.id, { personId: person.id });
    const otherReportDue = await makeDueUpdate(
      otherReport.id,
      new Date("2026-07-06"),
      new Date("2026-07-13T17:00:00Z"),
    );

    const welfare = await createContact(officer, person.id, contactForm({ reportId: report.id }), now);
    expect(welfare).toMatchObject({ status: "created", updatesCleared: 0 });
    expect((await ownerDb().victimUpdate.findUniqueOrThrow({ where: { id: told.id } })).clearedAt).toBeNull();

    const update = await createContact(
      officer,
      person.id,
      contactForm({ type: "CASE_UPDATE", reportId: report.id, updateIds: [told.id] }),
      now,
    );
    if (update.status !== "created") throw new Error(`not created: ${JSON.stringify(update)}`);
    expect(update.updatesCleared).toBe(1);
    expect(await ownerDb().victimUpdate.findUniqueOrThrow({ where: { id: told.id } })).toMatchObject({
      clearedByContactId: update.contactId,
      clearedAt: new Date("2026-07-10T13:30:00Z"),
    });
    expect(
      (await ownerDb().victimUpdate.findUniqueOrThrow({ where: { id: notTold.id } })).clearedAt,
    ).toBeNull();
    expect(
      (await ownerDb().victimUpdate.findUniqueOrThrow({ where: { id: otherReportDue.id } })).clearedAt,
    ).toBeNull();
    expect(
      await ownerDb().liaisonContact.findUniqueOrThrow({ where: { id: update.contactId } }),
    ).toMatchObject({
      type: "CASE_UPDATE",
      reportId: report.id,
    });
  });

  it("a case update may name no update: the contact is saved and every update stays owed", async () => {
    const { unit, officer, person } = await unitWithOfficer();
    const report = await makeReport(unit.id, { personId: person.id });
    const due = await makeDueUpdate(report.id, new Date("2026-07-06"), new Date("2026-07-13T17:00:00Z"));
    const result = await createContact(
      officer,
      person.id,
      contactForm({ type: "CASE_UPDATE", reportId: report.id, updateIds: [] }),
      now,
    );
    expect(result).toMatchObject({ status: "created", updatesCleared: 0 });
    expect((await ownerDb().victimUpdate.findUniqueOrThrow({ where: { id: due.id } })).clearedAt).toBeNull();
  });

  it("a case update must name its report", async () => {
    const { officer, person } = await unitWithOfficer();
    const result = await createContact(officer, person.id, contactForm({ type: "CASE_UPDATE" }), now);
    expect(result).toMatchObject({
      status: "invalid",
      fieldErrors: { reportId: "caseUpdates.errors.reportRequired" },
    });
    expect(await ownerDb().liaisonContact.count({ where: { personId: person.id } })).toBe(0);
  });

  it("refuses an update that is not open on the named report for this person, keeping what was typed", async () => {
    const { unit, officer, person } = await unitWithOfficer();
    const report = await makeReport(unit.id, { personId: person.id });
    const mine = await makeDueUpdate(report.id, new Date("2026-07-06"), new Date("2026-07-13T17:00:00Z"));
    const sameDay = new Date("2026-07-13T17:00:00Z");
    const otherReport = await makeReport(unit.id, { personId: person.id });
    const someoneElse = await makeReport(unit.id);
    const otherUnit = await makeOrganisation();
    const otherUnitReport = await makeReport(otherUnit.id);
    const cleared = await makeDueUpdate(report.id, new Date("2026-07-06"), sameDay);
    const earlier = await makeContact(unit.id, person.id);
    await ownerDb().victimUpdate.update({
      where: { id: cleared.id },
      data: { clearedAt: new Date("2026-07-07T10:00:00Z"), clearedByContactId: earlier.id },
    });
    const foreign = [
      (await makeDueUpdate(otherReport.id, new Date("2026-07-06"), sameDay)).id,
      (await makeDueUpdate(someoneElse.id, new Date("2026-07-06"), sameDay)).id,
      (await makeDueUpdate(otherUnitReport.id, new Date("2026-07-06"), sameDay)).id,
      cleared.id,
      // Decided after the contact: the person cannot have been told about it then.
      (await makeDueUpdate(report.id, new Date("2026-07-11"), sameDay)).id,
      "0197f3a2-1c2b-7d3e-8f4a-5b6c7d8e9f01",
    ];
    for (const id of foreign) {
      const typed = contactForm({
        type: "CASE_UPDATE",
        reportId: report.id,
        notes: "Told them about the arrest",
        updateIds: [mine.id, id],
      });
      const result = await createContact(officer, person.id, typed, now);
      expect(result).toEqual({
        status: "invalid",
        values: { ...typed, updateIds: `${mine.id},${id}` },
        fieldErrors: { updateIds: "caseUpdates.errors.updateIds" },
      });
    }
    expect(
      await ownerDb().liaisonContact.count({ where: { personId: person.id, type: "CASE_UPDATE" } }),
    ).toBe(0);
    expect((await ownerDb().victimUpdate.findUniqueOrThrow({ where: { id: mine.id } })).clearedAt).toBeNull();
  });

  it("refuses ticked updates on a contact that is not a case update", async () => {
    const { unit, officer, person } = await unitWithOfficer();
    const report = await makeReport(unit.id, { personId: person.id });
    const due = await makeDueUpdate(report.id, new Date("2026-07-06"), new Date("2026-07-13T17:00:00Z"));
    const result = await createContact(
      officer,
      person.id,
      contactForm({ reportId: report.id, updateIds: [due.id] }),
      now,
    );
    expect(result).toMatchObject({
      status: "invalid",
      fieldErrors: { updateIds: "caseUpdates.errors.notACaseUpdate" },
    });
    expect((await ownerDb().victimUpdate.findUniqueOrThrow({ where: { id: due.id } })).clearedAt).toBeNull();
  });
});

describe("the open updates offered on the contact form", () => {
  it("lists the person's open updates in the unit, oldest decision first, and audits the look", async () => {
    const { unit, officer, person } = await unitWithOfficer();
    const report = await makeReport(unit.id, { personId: person.id });
    const second = await makeDueUpdate(report.id, new Date("2026-07-07"), new Date("2026-07-14T17:00:00Z"));
    const first = await makeDueUpdate(report.id, new Date("2026-07-06"), new Date("2026-07-13T17:00:00Z"));
    await makeDueUpdate(
      (await makeReport(unit.id)).id,
      new Date("2026-07-06"),
      new Date("2026-07-13T17:00:00Z"),
    );
    const options = await findOpenUpdatesForPerson(officer, person.id);
    expect(options.map((o) => [o.id, o.reportId, o.decision])).toEqual([
      [first.id, report.id, "ARRESTED"],
      [second.id, report.id, "ARRESTED"],
    ]);
    expect(
      await db().auditEvent.count({
        where: { action: "victim-update.list", recordId: person.id, actorId: officer.id },
      }),
    ).toBe(1);
  });

  it("offers nothing of another unit's person, nor to partners or administrators", async () => {
    const { unit, officer } = await unitWithOfficer();
    const otherUnit = await makeOrganisation();
    const theirs = await makePerson(otherUnit.id);
    await makeDueUpdate(
      (await makeReport(otherUnit.id, { personId: theirs.id })).id,
      new Date("2026-07-06"),
      new Date("2026-07-13T17:00:00Z"),
    );
    expect(await findOpenUpdatesForPerson(officer, theirs.id)).toEqual([]);
    const ours = await makePerson(unit.id);
    await makeDueUpdate(
      (await makeReport(unit.id, { personId: ours.id })).id,
      new Date("2026-07-06"),
      new Date("2026-07-13T17:00:00Z"),
    );
    for (const user of [await signedIn("PARTNER", unit.id), await signedIn("ADMIN", unit.id)])
      expect(await findOpenUpdatesForPerson(user, ours.id)).toEqual([]);
  });
});

describe("reading a person's contact log", () => {
  it("lists the person's contacts newest first, with officer and report, and audits the look", async () => {
    const { unit, officer, person } = await unitWithOfficer();
    const report = await makeReport(unit.id, { personId: person.id });
    const older = await makeContact(unit.id, person.id, { occurredAt: new Date("2026-01-01T10:00:00Z") });
    const newer = await makeContact(unit.id, person.id, {
      occurredAt: new Date("2026-02-01T10:00:00Z"),
      officerId: officer.id,
      reportId: report.id,
      notes: "private",
    });
    await makeContact(unit.id, (await makePerson(unit.id)).id);
    const log = await findContactsForPerson(officer, person.id);
    expect(log.rows.map((c) => c.id)).toEqual([newer.id, older.id]);
    expect(log.total).toBe(2);
    expect(log.rows[0]).toMatchObject({
      officerName: officer.name,
      report: { id: report.id, reference: report.reference },
    });
    const audit = await db().auditEvent.findMany({ where: { action: "contact.list", recordId: person.id } });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain("private");
  });

  it("shows nothing of another unit's person, and nothing to partners or administrators", async () => {
    const { unit, officer } = await unitWithOfficer();
    const otherUnit = await makeOrganisation();
    const theirs = await makePerson(otherUnit.id);
    await makeContact(otherUnit.id, theirs.id);
    expect((await findContactsForPerson(officer, theirs.id)).rows).toEqual([]);
    const ours = await makePerson(unit.id);
    await makeContact(unit.id, ours.id);
    const agency = await makeOrganisation("PARTNER_AGENCY");
    for (const user of [await signedIn("PARTNER", agency.id), await signedIn("ADMIN", unit.id)]) {
      expect((await findContactsForPerson(user, ours.id)).rows).toEqual([]);
    }
  });
});

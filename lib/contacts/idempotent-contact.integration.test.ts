import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ownerDb } from "@/tests/support/owner-db";
import { createContact } from "./create-contact";
import { makeReport, signedIn } from "@/tests/support/factories";
import { contactForm, makeDueUpdate, unitWithOfficer } from "@/tests/support/people-factories";

const now = new Date("2026-07-10T15:00:00Z");

const contactsOf = (personId: string) => ownerDb().liaisonContact.count({ where: { personId } });

describe("a contact form sent twice is one contact", () => {
  it("the same form resent after its answer was lost saves one contact and answers with the first", async () => {
    const { officer, person } = await unitWithOfficer();
    const form = contactForm({ idempotencyKey: randomUUID() });
    const first = await createContact(officer, person.id, form, now);
    const again = await createContact(officer, person.id, form, now);
    expect(first).toMatchObject({ status: "created", personId: person.id });
    expect(again).toEqual(first);
    expect(await contactsOf(person.id)).toBe(1);
    const audit = await ownerDb().auditEvent.count({
      where: { action: "contact.create", actorId: officer.id, outcome: "SUCCESS" },
    });
    expect(audit).toBe(1);
  });

  it("two submits of one form at the same moment save one contact, and both are told the same one", async () => {
    const { officer, person } = await unitWithOfficer();
    const form = contactForm({ idempotencyKey: randomUUID() });
    const answers = await Promise.all([1, 2, 3].map(() => createContact(officer, person.id, form, now)));
    expect(answers.map((a) => a.status)).toEqual(["created", "created", "created"]);
    const ids = new Set(answers.map((a) => (a.status === "created" ? a.contactId : null)));
    expect(ids.size).toBe(1);
    expect(await contactsOf(person.id)).toBe(1);
  });

  it("a resent case update answers as the first did, instead of finding its updates already cleared", async () => {
    const { unit, officer, person } = await unitWithOfficer();
    const report = await makeReport(unit.id, { personId: person.id });
    const due = await makeDueUpdate(
      report.id,
      new Date("2026-07-01T00:00:00Z"),
      new Date("2026-07-08T22:59:59Z"),
    );
    const form = contactForm({
      type: "CASE_UPDATE",
      reportId: report.id,
      updateIds: [due.id],
      idempotencyKey: randomUUID(),
    });
    const first = await createContact(officer, person.id, form, now);
    expect(first).toMatchObject({ status: "created", reportId: report.id, updatesCleared: 1 });
    expect(await createContact(officer, person.id, form, now)).toEqual(first);
    expect(await contactsOf(person.id)).toBe(1);
  });

  it("a new form (a new token) with the same words is a second contact", async () => {
    const { officer, person } = await unitWithOfficer();
    await createContact(officer, person.id, contactForm({ idempotencyKey: randomUUID() }), now);
    await createContact(officer, person.id, contactForm({ idempotencyKey: randomUUID() }), now);
    expect(await contactsOf(person.id)).toBe(2);
  });

  it("another officer's token saves nothing and tells nothing of the first contact", async () => {
    const { unit, officer, person } = await unitWithOfficer();
    const colleague = await signedIn("LIAISON_OFFICER", unit.id);
    const token = randomUUID();
    const first = await createContact(officer, person.id, contactForm({ idempotencyKey: token }), now);
    if (first.status !== "created") throw new Error("not created");
    const theirs = await createContact(
      colleague,
      person.id,
      contactForm({ idempotencyKey: token }),
      now,
    ).catch((error: unknown) => error);
    expect(theirs).toBeInstanceOf(Error);
    expect(JSON.stringify(theirs)).not.toContain(first.contactId);
    expect(await contactsOf(person.id)).toBe(1);
  });

  it("a token that is not a form's token is refused as a field the form does not own", async () => {
    const { officer, person } = await unitWithOfficer();
    const result = await createContact(
      officer,
      person.id,
      contactForm({ idempotencyKey: "not-a-token" }),
      now,
    );
    expect(result).toMatchObject({ status: "invalid", formError: "contacts.errors.unknownField" });
    expect(await contactsOf(person.id)).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { findContactsForPerson } from "@/lib/contacts/queries";
import { findReportsForPerson, getPersonForUser } from "@/lib/people/queries";
import { findDraftsForUser, startDraft } from "@/lib/intake/drafts";
import { makeOrganisation, makePerson, makeReport, signedIn } from "@/tests/support/factories";
import { makeContact } from "@/tests/support/people-factories";

// The lists that grow without bound (a person's contact log and reports, an officer's
// drafts) are read a page at a time: exactly PAGE_SIZE rows, newest first, with the total,
// never another unit's or another officer's rows, and a page past the end is the last page.
const size = env().PAGE_SIZE;
const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);

describe("a person's contact log, a page at a time", () => {
  it("pages newest first with the total, clamps past the end, and audits each look", async () => {
    const unit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const person = await makePerson(unit.id);
    const count = size + 3;
    for (let i = 0; i < count; i++)
      await makeContact(unit.id, person.id, { occurredAt: day(i), notes: `n${i}` });
    // Another person's and another unit's contacts are never counted.
    await makeContact(unit.id, (await makePerson(unit.id)).id);
    const other = await makeOrganisation();
    await makeContact(other.id, (await makePerson(other.id)).id);

    const first = await findContactsForPerson(officer, person.id, 1);
    expect(first).toMatchObject({ page: 1, pageCount: 2, total: count });
    expect(first.rows).toHaveLength(size);
    expect(first.rows[0]?.notes).toBe(`n${count - 1}`);
    const second = await findContactsForPerson(officer, person.id, 2);
    expect(second.rows.map((r) => r.notes)).toEqual(["n2", "n1", "n0"]);
    const past = await findContactsForPerson(officer, person.id, 50);
    expect(past.page).toBe(2);
    expect(past.rows.map((r) => r.notes)).toEqual(["n2", "n1", "n0"]);
    // No row is on two pages, none is missed.
    const ids = new Set([...first.rows, ...second.rows].map((r) => r.id));
    expect(ids.size).toBe(count);
    const audits = await db().auditEvent.count({ where: { action: "contact.list", recordId: person.id } });
    expect(audits).toBe(3);
  });
});

describe("a person's reports, a page at a time", () => {
  it("pages the person's reports in the unit, newest first, and the person view can leave them out", async () => {
    const unit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const person = await makePerson(unit.id);
    const count = size + 1;
    const made = [];
    for (let i = 0; i < count; i++)
      made.push(await makeReport(unit.id, { personId: person.id, reportedAt: day(i) }));
    await makeReport(unit.id);

    const first = await findReportsForPerson(officer, person.id, 1);
    expect(first).toMatchObject({ page: 1, pageCount: 2, total: count });
    expect(first.rows[0]?.id).toBe(made[count - 1]?.id);
    const second = await findReportsForPerson(officer, person.id, 2);
    expect(second.rows.map((r) => r.id)).toEqual([made[0]?.id]);

    const slim = await getPersonForUser(officer, person.id, { withReports: false });
    expect(slim?.reports).toEqual([]);
    expect((await getPersonForUser(officer, person.id))?.reports).toHaveLength(count);

    const other = await makeOrganisation();
    const stranger = await signedIn("LIAISON_OFFICER", other.id);
    expect(await findReportsForPerson(stranger, person.id, 1)).toMatchObject({ rows: [], total: 0 });
    expect(await findReportsForPerson(officer, "not-a-uuid", 1)).toMatchObject({ rows: [], total: 0 });
  });
});

describe("an officer's drafts, a page at a time", () => {
  it("counts every draft (not only the first fifty), pages them, and shows only the officer's own", async () => {
    const unit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const colleague = await signedIn("LIAISON_OFFICER", unit.id);
    const count = Math.max(51, size + 2);
    for (let i = 0; i < count; i++) await startDraft(officer);
    await startDraft(colleague);

    const pageCount = Math.ceil(count / size);
    const first = await findDraftsForUser(officer, 1);
    expect(first).toMatchObject({ page: 1, pageCount, total: count });
    expect(first.rows).toHaveLength(size);
    const last = await findDraftsForUser(officer, pageCount);
    expect(last.rows).toHaveLength(count - (pageCount - 1) * size);
    const seen = new Set<string>();
    for (let p = 1; p <= pageCount; p++)
      for (const d of (await findDraftsForUser(officer, p)).rows) seen.add(d.id);
    expect(seen.size).toBe(count);
    expect((await findDraftsForUser(colleague, 1)).total).toBe(1);
  });
});

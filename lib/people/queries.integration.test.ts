import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { findPeopleByWorkingName, getPersonForUser, SEARCH_LIMIT } from "./queries";
import { makeOrganisation, makePerson, makeReport, signedIn } from "@/tests/support/factories";
import { makeDetailedPerson } from "@/tests/support/people-factories";

describe("viewing a person", () => {
  it("an officer sees a person in their unit with contact safety and reports, newest first", async () => {
    const unit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const person = await makeDetailedPerson(unit.id);
    const older = await makeReport(unit.id, {
      personId: person.id,
      reportedAt: new Date("2026-01-01T00:00:00Z"),
    });
    const newer = await makeReport(unit.id, {
      personId: person.id,
      reportedAt: new Date("2026-02-01T00:00:00Z"),
    });
    await makeReport(unit.id);
    const seen = await getPersonForUser(officer, person.id);
    expect(seen).toMatchObject({
      workingName: "Robin",
      language: "WELSH",
      safeContactMethods: ["TEXT_MESSAGE", "IN_PERSON"],
      doNotContactRules: "No voicemail",
    });
    expect(seen?.reports.map((r) => r.id)).toEqual([newer.id, older.id]);
  });

  it("leaves out the legal name, date of birth, phone and email", async () => {
    const unit = await makeOrganisation();
    const officer = await signedIn("SUPERVISOR", unit.id);
    const person = await makeDetailedPerson(unit.id);
    const seen = await getPersonForUser(officer, person.id);
    expect(seen).not.toBeNull();
    expect(JSON.stringify(seen)).not.toContain("A private legal name");
    expect(JSON.stringify(seen)).not.toContain("07700");
  });

  it("writes a person.view audit event naming the record, never the content", async () => {
    const unit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const person = await makeDetailedPerson(unit.id);
    await getPersonForUser(officer, person.id);
    const audit = await db().auditEvent.findMany({ where: { action: "person.view", recordId: person.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: officer.id, recordType: "person", outcome: "SUCCESS" });
    expect(JSON.stringify(audit)).not.toContain("Robin");
  });

  it("officer cannot see another unit's person, and the attempt is audited as denied", async () => {
    const unit = await makeOrganisation();
    const otherUnit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const theirs = await makePerson(otherUnit.id);
    expect(await getPersonForUser(officer, theirs.id)).toBeNull();
    const audit = await db().auditEvent.findFirst({ where: { action: "person.view", recordId: theirs.id } });
    expect(audit).toMatchObject({ outcome: "DENIED", actorId: officer.id });
  });

  it("partners and administrators see no one, and a malformed id is simply not found", async () => {
    const unit = await makeOrganisation();
    const agency = await makeOrganisation("PARTNER_AGENCY");
    const person = await makePerson(unit.id, "Robin");
    for (const user of [
      await signedIn("PARTNER", agency.id),
      await signedIn("ADMIN", unit.id),
      await signedIn("PARTNER", unit.id),
    ]) {
      expect(await getPersonForUser(user, person.id)).toBeNull();
      expect(await findPeopleByWorkingName(user, "Robin")).toEqual([]);
    }
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    for (const id of ["", "1", "' OR 1=1 --", "x".repeat(5000)])
      expect(await getPersonForUser(officer, id)).toBeNull();
  });
});

describe("finding a person by working name", () => {
  it("matches the start of the name first, then anywhere in it, ignoring case, in the user's unit only", async () => {
    const unit = await makeOrganisation();
    const otherUnit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    await makePerson(unit.id, "Anna");
    await makePerson(unit.id, "Joanna");
    await makePerson(unit.id, "ANNIE");
    await makePerson(unit.id, "Bea");
    await makePerson(otherUnit.id, "Annabel");
    const found = await findPeopleByWorkingName(officer, "  ann ");
    expect(found.map((p) => p.workingName)).toEqual(["ANNIE", "Anna", "Joanna"]);
  });

  it("returns at most twenty", async () => {
    const unit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    for (let i = 0; i < 25; i++) await makePerson(unit.id, `Sam ${String(i).padStart(2, "0")}`);
    expect(await findPeopleByWorkingName(officer, "sam")).toHaveLength(SEARCH_LIMIT);
  });

  it("treats wildcard characters as themselves", async () => {
    const unit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    await makePerson(unit.id, "Kit");
    await makePerson(unit.id, "100% Kat");
    expect((await findPeopleByWorkingName(officer, "%")).map((p) => p.workingName)).toEqual(["100% Kat"]);
    expect(await findPeopleByWorkingName(officer, "_")).toEqual([]);
    await makePerson(unit.id, "Back\\slash");
    expect((await findPeopleByWorkingName(officer, "k\\s")).map((p) => p.workingName)).toEqual([
      "Back\\slash",
    ]);
  });

  it("audits that a search happened, never what was searched for", async () => {
    const unit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    await makePerson(unit.id, "Zelda");
    await findPeopleByWorkingName(officer, "Zel");
    const audit = await db().auditEvent.findMany({ where: { action: "person.search", actorId: officer.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ outcome: "SUCCESS", recordId: null });
    expect(JSON.stringify(audit)).not.toMatch(/zel/i);
  });

  it("an empty or overlong search finds no one without touching the database", async () => {
    const unit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    await makePerson(unit.id, "Zelda");
    expect(await findPeopleByWorkingName(officer, "   ")).toEqual([]);
    expect(await findPeopleByWorkingName(officer, "Z".repeat(101))).toEqual([]);
    // NUL would be refused by PostgreSQL as a server error; a bidirectional override hides text.
    expect(await findPeopleByWorkingName(officer, "Zel\u0000da")).toEqual([]);
    expect(await findPeopleByWorkingName(officer, "Zel\u202Eda")).toEqual([]);
    expect(await db().auditEvent.count({ where: { action: "person.search", actorId: officer.id } })).toBe(0);
  });
});

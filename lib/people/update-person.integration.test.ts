import { ownerDb } from "@/tests/support/owner-db";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { updatePerson } from "./update-person";
import { makeOrganisation, makePerson, signedIn } from "@/tests/support/factories";
import { makeDetailedPerson } from "@/tests/support/people-factories";

const form = (overrides: Record<string, unknown> = {}) => ({
  workingName: "Robin",
  selfDescription: "Works independently",
  ageBand: "",
  workSetting: "ONLINE_INDEPENDENT",
  language: "ENGLISH",
  interpreterNeeds: "",
  accessNeeds: "",
  safeContactMethods: ["EMAIL", "EMAIL", "TEXT_MESSAGE"],
  safeContactTimes: "Evenings",
  doNotContactRules: "Do not call",
  version: "1",
  ...overrides,
});

describe("changing a person's details", () => {
  it("an officer updates contact safety and language; the version moves on and the change is audited", async () => {
    const unit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const person = await makeDetailedPerson(unit.id);
    expect(await updatePerson(officer, person.id, form())).toEqual({
      status: "updated",
      personId: person.id,
      version: 2,
    });
    const saved = await ownerDb().person.findUniqueOrThrow({ where: { id: person.id } });
    expect(saved).toMatchObject({
      language: "ENGLISH",
      safeContactMethods: ["EMAIL", "TEXT_MESSAGE"],
      safeContactTimes: "Evenings",
      doNotContactRules: "Do not call",
      ageBand: null,
      interpreterNeeds: null,
      version: 2,
      // Fields the form does not own are left alone.
      legalName: "A private legal name",
      unitId: unit.id,
    });
    const audit = await db().auditEvent.findMany({ where: { action: "person.update", recordId: person.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ outcome: "SUCCESS", actorId: officer.id });
    expect(JSON.stringify(audit)).not.toContain("Do not call");
  });

  it("a save on top of someone else's newer change is refused, showing what is saved now", async () => {
    const unit = await makeOrganisation();
    const first = await signedIn("LIAISON_OFFICER", unit.id);
    const second = await signedIn("SUPERVISOR", unit.id);
    const person = await makeDetailedPerson(unit.id);
    await updatePerson(first, person.id, form({ doNotContactRules: "No voicemail, ever" }));
    const result = await updatePerson(second, person.id, form({ doNotContactRules: "Text only" }));
    expect(result).toMatchObject({
      status: "conflict",
      values: { doNotContactRules: "Text only", version: "1" },
      current: { doNotContactRules: "No voicemail, ever", version: "2" },
    });
    expect((await ownerDb().person.findUniqueOrThrow({ where: { id: person.id } })).doNotContactRules).toBe(
      "No voicemail, ever",
    );
    // Having seen it, the second officer saves against the current version.
    expect(
      await updatePerson(second, person.id, form({ doNotContactRules: "Text only", version: "2" })),
    ).toMatchObject({
      status: "updated",
      version: 3,
    });
  });

  it("returns every field error and the values as typed, and changes nothing", async () => {
    const unit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const person = await makeDetailedPerson(unit.id);
    const typed = form({
      workingName: "   ",
      selfDescription: "x".repeat(201),
      ageBand: "ANCIENT",
      language: "",
      safeContactMethods: ["PIGEON"],
      doNotContactRules: "bell\u0007",
      version: "one",
    });
    const result = await updatePerson(officer, person.id, typed);
    expect(result).toEqual({
      status: "invalid",
      values: { ...typed, safeContactMethods: "PIGEON" },
      fieldErrors: {
        workingName: "people.errors.workingName",
        selfDescription: "people.errors.tooLong",
        ageBand: "people.errors.choice",
        language: "people.errors.language",
        safeContactMethods: "people.errors.choice",
        doNotContactRules: "people.errors.controlCharacters",
        version: "people.errors.version",
      },
    });
    expect((await ownerDb().person.findUniqueOrThrow({ where: { id: person.id } })).version).toBe(1);
  });

  it("refuses fields the form does not own, such as the unit or the legal name", async () => {
    const unit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const person = await makeDetailedPerson(unit.id);
    const otherUnit = await makeOrganisation();
    for (const extra of [{ unitId: otherUnit.id }, { legalName: "changed" }]) {
      expect(await updatePerson(officer, person.id, form(extra))).toMatchObject({
        status: "invalid",
        formError: "people.errors.unknownField",
      });
    }
    expect(await ownerDb().person.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({
      unitId: unit.id,
      legalName: "A private legal name",
    });
  });

  it("another unit's person is not found; partners and administrators change no one", async () => {
    const unit = await makeOrganisation();
    const otherUnit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const theirs = await makePerson(otherUnit.id, "Theirs");
    expect(await updatePerson(officer, theirs.id, form())).toEqual({ status: "not-found" });
    expect(
      await db().auditEvent.findFirst({ where: { action: "person.update", recordId: theirs.id } }),
    ).toMatchObject({
      outcome: "DENIED",
    });
    const ours = await makePerson(unit.id, "Ours");
    const agency = await makeOrganisation("PARTNER_AGENCY");
    for (const user of [await signedIn("PARTNER", agency.id), await signedIn("ADMIN", unit.id)]) {
      expect(await updatePerson(user, ours.id, form())).toEqual({ status: "not-found" });
    }
    expect((await ownerDb().person.findUniqueOrThrow({ where: { id: ours.id } })).workingName).toBe("Ours");
  });
});

// Subject access export: the person's own data is in it; a suspect's description and
// identifiers, and another person's name, are not. Only a re-authenticated supervisor of
// the person's unit may export, and every attempt is audited without content.
import { ownerDb } from "@/tests/support/owner-db";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { markRecentAuth } from "@/lib/auth/recent-auth";
import { makeCaseEvent, makeContact, makeSuspect, makeVictimUpdate } from "@/tests/support/case-factories";
import { makeOrganisation, makePerson, makeReferral, makeReport, signedIn } from "@/tests/support/factories";
import { subjectAccessExport, SubjectAccessRefused } from "./export";

async function auditsFor(personId: string) {
  return db().auditEvent.findMany({
    where: { recordType: "Person", recordId: personId, action: { startsWith: "subject-access." } },
    orderBy: { at: "asc" },
  });
}

describe("subject access export", () => {
  it("holds the person's own data and none of a suspect's or another person's", async () => {
    const unit = await makeOrganisation();
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    const tag = randomUUID();
    const person = await makePerson(unit.id, `Subject ${tag}`);
    await ownerDb().person.update({
      where: { id: person.id },
      data: { phone: "07700900123", legalName: `Legal ${tag}` },
    });
    const other = await makePerson(unit.id, `Other person ${tag}`);
    const report = await makeReport(unit.id, { personId: person.id, narrative: `My account ${tag}` });
    await makeReport(unit.id, { personId: other.id, narrative: `Other account ${tag}` });
    const suspect = await makeSuspect(report.id, [["PHONE_NUMBER", "07700900999"]]);
    await ownerDb().suspect.update({
      where: { id: suspect.id },
      data: { description: `Suspect looks ${tag}` },
    });
    const event = await makeCaseEvent(report.id, { notes: `Investigation note ${tag}` });
    await makeVictimUpdate(report.id, event.id, new Date("2026-03-10T00:00:00Z"));
    await makeContact(unit.id, person.id, { notes: `Contact note ${tag}` });
    await makeContact(unit.id, other.id, { notes: `Other contact ${tag}` });

    await markRecentAuth(supervisor);
    const result = await subjectAccessExport(supervisor, person.id, "json");
    const text = JSON.stringify(result);
    const parsed = JSON.parse(text) as typeof result;

    expect(parsed.person.workingName).toBe(`Subject ${tag}`);
    expect(parsed.person.legalName).toBe(`Legal ${tag}`);
    expect(parsed.person.phone).toBe("07700900123");
    expect(parsed.reports).toHaveLength(1);
    expect(parsed.reports[0]?.ownAccount).toBe(`My account ${tag}`);
    expect(parsed.reports[0]?.victimsCodeUpdates).toHaveLength(1);
    expect(parsed.reports[0]?.outcomes.map((o) => o.type)).toEqual(["CRIME_RECORDED"]);
    expect(parsed.contacts.map((c) => c.notes)).toEqual([`Contact note ${tag}`]);
    expect(parsed.withheld).toContain("suspects");

    expect(text).not.toContain("Suspect looks");
    expect(text).not.toContain("07700900999");
    expect(text).not.toContain("Investigation note");
    expect(text).not.toContain("Other person");
    expect(text).not.toContain("Other account");
    expect(text).not.toContain("Other contact");

    const audits = await auditsFor(person.id);
    expect(audits.map((a) => [a.action, a.outcome])).toEqual([["subject-access.export.json", "SUCCESS"]]);
    expect(JSON.stringify(audits)).not.toContain(tag);
  });

  it("is refused for an officer, for another unit's supervisor and without recent re-authentication, each audited", async () => {
    const unit = await makeOrganisation();
    const elsewhere = await makeOrganisation();
    const person = await makePerson(unit.id);
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const otherSupervisor = await signedIn("SUPERVISOR", elsewhere.id);
    await markRecentAuth(officer);
    await markRecentAuth(otherSupervisor);

    await expect(subjectAccessExport(officer, person.id, "json")).rejects.toMatchObject({
      reason: "forbidden",
    });
    await expect(subjectAccessExport(otherSupervisor, person.id, "html")).rejects.toBeInstanceOf(
      SubjectAccessRefused,
    );
    await expect(subjectAccessExport(otherSupervisor, person.id, "json")).rejects.toMatchObject({
      reason: "not-found",
    });

    // A supervisor of the unit whose last password check was longer ago than five minutes.
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    const later = new Date(Date.now() + 10 * 60_000);
    await expect(subjectAccessExport(supervisor, person.id, "json", later)).rejects.toMatchObject({
      reason: "reauth",
    });

    const audits = await auditsFor(person.id);
    expect(audits).toHaveLength(4);
    expect(audits.every((a) => a.outcome === "DENIED")).toBe(true);
    expect(audits.map((a) => a.actorId)).toEqual([
      officer.id,
      otherSupervisor.id,
      otherSupervisor.id,
      supervisor.id,
    ]);
  });

  it("includes consents and what each referral shared, read within the supervisor's row scope", async () => {
    const unit = await makeOrganisation();
    const agency = await makeOrganisation("PARTNER_AGENCY", `Agency ${randomUUID()}`);
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    const referral = await makeReferral(unit.id, agency.id);
    await markRecentAuth(supervisor);
    const result = await subjectAccessExport(supervisor, referral.personId, "html");
    expect(result.consents.map((c) => [c.agency, c.scope])).toEqual([[agency.name, "Name and support need"]]);
    expect(result.referrals.map((r) => [r.agency, r.supportNeeded])).toEqual([
      [agency.name, "Housing advice"],
    ]);
  });
});

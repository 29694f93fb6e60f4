import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { findOpenReportsForUnit, getReportForUser } from "./queries";
import { makeOrganisation, makeReport, signedIn } from "@/tests/support/factories";
import { makeCaseEvent, makeContact, makeVictimUpdate } from "@/tests/support/case-factories";
import { ownerDb } from "@/tests/support/owner-db";

describe("reading reports", () => {
  it("an officer sees their own unit's open reports, newest first, and not another unit's", async () => {
    const unit = await makeOrganisation();
    const otherUnit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const older = await makeReport(unit.id, { reportedAt: new Date("2026-01-01T00:00:00Z") });
    const newer = await makeReport(unit.id, { reportedAt: new Date("2026-02-01T00:00:00Z") });
    await makeReport(unit.id, { status: "CLOSED" });
    await makeReport(otherUnit.id);
    const page = await findOpenReportsForUnit(officer, 1);
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => r.id)).toEqual([newer.id, older.id]);
  });

  it("officer cannot see another unit's report, and the attempt is audited as denied", async () => {
    const unit = await makeOrganisation();
    const otherUnit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const theirs = await makeReport(otherUnit.id);
    expect(await getReportForUser(officer, theirs.id)).toBeNull();
    const audit = await db().auditEvent.findFirst({ where: { action: "report.view", recordId: theirs.id } });
    expect(audit).toMatchObject({ actorId: officer.id, outcome: "DENIED", actorRole: "LIAISON_OFFICER" });
  });

  it("viewing a report writes an audit event naming the record, never its content", async () => {
    const unit = await makeOrganisation();
    const officer = await signedIn("SUPERVISOR", unit.id);
    const report = await makeReport(unit.id, { narrative: "a private account of what happened" });
    const seen = await getReportForUser(officer, report.id);
    expect(seen?.narrative).toBe("a private account of what happened");
    const audit = await db().auditEvent.findMany({ where: { action: "report.view", recordId: report.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ outcome: "SUCCESS", recordType: "report", actorRole: "SUPERVISOR" });
    expect(JSON.stringify(audit)).not.toContain("private account");
  });

  it("partners and administrators see no reports at all, even in the unit's organisation", async () => {
    const unit = await makeOrganisation();
    const agency = await makeOrganisation("PARTNER_AGENCY");
    const force = await makeOrganisation("POLICE_FORCE");
    const report = await makeReport(unit.id);
    for (const user of [
      await signedIn("PARTNER", agency.id),
      await signedIn("ADMIN", force.id),
      await signedIn("ADMIN", unit.id),
      await signedIn("PARTNER", unit.id),
    ]) {
      expect(await getReportForUser(user, report.id)).toBeNull();
      expect((await findOpenReportsForUnit(user, 1)).total).toBe(0);
    }
  });

  it("an address that is not a record id is simply not found", async () => {
    const unit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    for (const id of ["", "1", "' OR 1=1 --", "../../etc/passwd", "x".repeat(5000)]) {
      expect(await getReportForUser(officer, id)).toBeNull();
    }
  });

  it("pages through a long list without overlap", async () => {
    const unit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    for (let i = 0; i < 30; i++)
      await makeReport(unit.id, { reportedAt: new Date(Date.UTC(2026, 0, 1 + i)) });
    const first = await findOpenReportsForUnit(officer, 1);
    const second = await findOpenReportsForUnit(officer, 2);
    expect(first.pageCount).toBe(2);
    expect(first.rows).toHaveLength(25);
    expect(second.rows).toHaveLength(5);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(30);
  });

  it("the case record tells the story in order: report, events, contacts and referrals, with the updates owed", async () => {
    const unit = await makeOrganisation();
    const agency = await makeOrganisation("PARTNER_AGENCY");
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const report = await makeReport(unit.id, { reportedAt: new Date("2026-03-01T10:00:00Z") });
    const arrest = await makeCaseEvent(report.id, {
      type: "ARRESTED",
      occurredOn: new Date("2026-03-03T00:00:00Z"),
      recordedById: officer.id,
    });
    await makeVictimUpdate(report.id, arrest.id, new Date("2026-03-10T23:59:59Z"));
    await makeContact(unit.id, report.personId, {
      reportId: report.id,
      occurredAt: new Date("2026-03-04T09:30:00Z"),
      notes: "Told about the arrest",
    });
    await makeContact(unit.id, report.personId, { occurredAt: new Date("2026-03-04T11:00:00Z") });
    const consent = await ownerDb().consent.create({
      data: {
        personId: report.personId,
        agencyId: agency.id,
        scope: "Support need",
        method: "VERBAL",
        givenAt: new Date("2026-03-02T00:00:00Z"),
      },
    });
    await ownerDb().referral.create({
      data: {
        unitId: unit.id,
        agencyId: agency.id,
        personId: report.personId,
        reportId: report.id,
        consentId: consent.id,
        supportNeeded: "Housing",
        createdAt: new Date("2026-03-02T12:00:00Z"),
      },
    });

    const record = await getReportForUser(officer, report.id);
    expect(record?.timeline.map((e) => e.kind)).toEqual(["report", "referral", "event", "contact"]);
    expect(record?.timeline[2]).toMatchObject({ type: "ARRESTED", recordedBy: officer.name });
    expect(record?.timeline[3]).toMatchObject({ type: "CASE_UPDATE", notes: "Told about the arrest" });
    expect(record?.updatesDue).toMatchObject([{ clearedAt: null, caseEvent: { type: "ARRESTED" } }]);
  });
});

import { ownerDb } from "@/tests/support/owner-db";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { crimeRecordingState } from "./rule";
import { findUnrecordedCrimes, getCrimeRecordingForReport } from "./queries";
import { recordCrimeNotRecorded } from "./record-not-recorded";
import { makeOrganisation, makeReport, signedIn } from "@/tests/support/factories";

// Reports are made on 1 March 2026 at 10:00 UTC; 24 hours later is 2 March at 10:00.
const dueBy = new Date("2026-03-02T10:00:00Z");
const justBefore = new Date(dueBy.getTime() - 1);
const later = new Date("2026-03-05T09:00:00Z");
const intelligenceOnly = {
  personWants: "INTELLIGENCE_ONLY",
  crimeRecorded: "NO",
  crimeNotRecordedWhy: "Wants the vehicle shared with outreach, nothing more.",
} as const;

describe("crimes not yet recorded", () => {
  it("lists exactly the reports the rule flags, from the 24th hour, in the unit, open only", async () => {
    const unit = await makeOrganisation();
    const other = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const cases: Partial<Prisma.IncidentReportUncheckedCreateInput>[] = [
      {},
      { incidentTypes: ["OTHER", "ROBBERY"] },
      { incidentTypes: ["OTHER"] },
      { incidentTypes: [] },
      { crimeReference: "GW/2026/1" },
      { crimeRecorded: "YES", crimeReference: "GW/2026/2" },
      intelligenceOnly,
      { ...intelligenceOnly, crimeNotRecordedWhy: null },
      { ...intelligenceOnly, crimeNotRecordedWhy: "" },
      { ...intelligenceOnly, crimeRecorded: null },
      { ...intelligenceOnly, personWants: "FULL_INVESTIGATION" },
      { personWants: "UNDECIDED", crimeRecorded: "NOT_KNOWN" },
      { status: "CLOSED" },
    ];
    const reports = [];
    for (const c of cases) reports.push(await makeReport(unit.id, c));
    await makeReport(other.id);

    const listed = await findUnrecordedCrimes(officer, later);
    const flagged = reports
      .filter((r) => r.status === "OPEN" && crimeRecordingState(r, later).kind === "overdue")
      .map((r) => r.id);
    expect(listed.rows.map((r) => r.reportId).sort()).toEqual([...flagged].sort());
    expect(listed.total).toBe(7);
    expect(listed.rows[0]).toMatchObject({ dueBy });

    expect((await findUnrecordedCrimes(officer, justBefore)).total).toBe(0);
    expect((await findUnrecordedCrimes(officer, dueBy)).total).toBe(7);
  });

  it("the case page says when the crime is overdue, and shows the recorded reason for intelligence only", async () => {
    const unit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const waiting = await makeReport(unit.id);
    expect(await getCrimeRecordingForReport(officer, waiting.id, justBefore)).toEqual({
      state: { kind: "due", dueBy },
      notRecordedWhy: null,
    });
    expect(await getCrimeRecordingForReport(officer, waiting.id, later)).toEqual({
      state: { kind: "overdue", dueBy },
      notRecordedWhy: null,
    });
    const intel = await makeReport(unit.id, intelligenceOnly);
    expect(await getCrimeRecordingForReport(officer, intel.id, later)).toEqual({
      state: { kind: "intelligence-only", reason: intelligenceOnly.crimeNotRecordedWhy },
      notRecordedWhy: intelligenceOnly.crimeNotRecordedWhy,
    });
  });

  it("recording why the crime is not recorded sets 'no' with the reason, audited; with intelligence only it ends the warning", async () => {
    const unit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const report = await makeReport(unit.id, { personWants: "INTELLIGENCE_ONLY" });
    expect((await findUnrecordedCrimes(officer, later)).rows.map((r) => r.reportId)).toEqual([report.id]);

    expect(await recordCrimeNotRecorded(officer, report.id, { crimeNotRecordedWhy: "  " })).toEqual({
      status: "invalid",
      values: { crimeNotRecordedWhy: "  " },
      fieldErrors: { crimeNotRecordedWhy: "caseCrimeRecording.errors.reasonMissing" },
    });
    const reason = "The person wants intelligence only; decided with PS Evans.";
    expect(
      await recordCrimeNotRecorded(officer, report.id, { crimeNotRecordedWhy: `${reason}\r\n` }),
    ).toEqual({
      status: "saved",
    });
    expect(await ownerDb().incidentReport.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({
      crimeRecorded: "NO",
      crimeNotRecordedWhy: reason,
      version: report.version,
    });
    expect((await findUnrecordedCrimes(officer, later)).total).toBe(0);
    const audit = await db().auditEvent.findMany({
      where: { action: "report.crime-not-recorded", recordId: report.id },
    });
    expect(audit).toMatchObject([{ outcome: "SUCCESS", actorId: officer.id }]);
    expect(JSON.stringify(audit)).not.toContain("PS Evans");
  });

  it("a report with a crime reference cannot be marked 'not recorded'", async () => {
    const unit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const report = await makeReport(unit.id, { crimeRecorded: "YES", crimeReference: "GW/2026/9" });
    expect(
      await recordCrimeNotRecorded(officer, report.id, { crimeNotRecordedWhy: "Because" }),
    ).toMatchObject({
      status: "invalid",
      formError: "caseCrimeRecording.errors.alreadyRecorded",
    });
    expect(await ownerDb().incidentReport.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({
      crimeRecorded: "YES",
    });
  });

  it("another unit's officer, partners and administrators get not found and see nothing", async () => {
    const unit = await makeOrganisation();
    const other = await makeOrganisation();
    const agency = await makeOrganisation("PARTNER_AGENCY");
    const report = await makeReport(unit.id);
    const users = [
      await signedIn("LIAISON_OFFICER", other.id),
      await signedIn("PARTNER", agency.id),
      await signedIn("ADMIN", unit.id),
    ];
    for (const user of users) {
      expect(await recordCrimeNotRecorded(user, report.id, { crimeNotRecordedWhy: "x" })).toEqual({
        status: "not-found",
      });
      expect(await getCrimeRecordingForReport(user, report.id, later)).toBeNull();
      expect((await findUnrecordedCrimes(user, later)).rows.map((r) => r.reportId)).not.toContain(report.id);
    }
    expect(await ownerDb().incidentReport.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({
      crimeRecorded: null,
      crimeNotRecordedWhy: null,
    });
  });
});

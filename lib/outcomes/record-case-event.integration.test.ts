import { ownerDb } from "@/tests/support/owner-db";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { recordCaseEvent } from "./record-case-event";
import { makeOrganisation, signedIn } from "@/tests/support/factories";
import {
  makeCaseEvent,
  officerWithReport,
  winterMonday as now,
  eventDate as date,
} from "@/tests/support/case-factories";

describe("recording the outcome trail", () => {
  it("an officer records a crime: the event, the report's crime reference and an audit event are saved together", async () => {
    const { officer, report } = await officerWithReport();
    const result = await recordCaseEvent(
      officer,
      report.id,
      { type: "CRIME_RECORDED", ...date(2), crimeReference: "GW/2026/1234" },
      now,
    );
    expect(result).toMatchObject({ status: "recorded", updateDueBy: null });
    const events = await ownerDb().caseEvent.findMany({ where: { reportId: report.id } });
    expect(events).toMatchObject([
      { type: "CRIME_RECORDED", crimeReference: "GW/2026/1234", recordedById: officer.id },
    ]);
    expect(await ownerDb().incidentReport.findUnique({ where: { id: report.id } })).toMatchObject({
      crimeRecorded: "YES",
      crimeReference: "GW/2026/1234",
    });
    const audit = await db().auditEvent.findMany({
      where: { action: "case-event.record", recordId: report.id },
    });
    expect(audit).toMatchObject([{ outcome: "SUCCESS", actorId: officer.id }]);
    expect(JSON.stringify(audit)).not.toContain("GW/2026/1234");
    expect(await ownerDb().victimUpdate.count({ where: { reportId: report.id } })).toBe(0);
  });

  it("an arrest opens an update due in 5 working days, skipping the weekend", async () => {
    const { officer, report } = await officerWithReport();
    const result = await recordCaseEvent(officer, report.id, { type: "ARRESTED", ...date(6) }, now);
    expect(result?.status).toBe("recorded");
    const updates = await ownerDb().victimUpdate.findMany({ where: { reportId: report.id } });
    expect(updates).toHaveLength(1);
    // Friday 6 March + 5 working days = Friday 13 March, to the end of the London day.
    expect(updates[0]?.dueBy.toISOString()).toBe("2026-03-13T23:59:59.999Z");
    expect(updates[0]?.clearedAt).toBeNull();
  });

  it("a person with enhanced rights is owed the update in 1 working day, across Easter", async () => {
    const { officer, report } = await officerWithReport({ enhancedRights: true });
    // Thursday 2 April 2026: Good Friday and Easter Monday are bank holidays; summer time.
    await recordCaseEvent(
      officer,
      report.id,
      { type: "CHARGED", ...date(2, 4), offence: "Assault by beating" },
      new Date("2026-04-10T09:00:00Z"),
    );
    const update = await ownerDb().victimUpdate.findFirstOrThrow({ where: { reportId: report.id } });
    expect(update.dueBy.toISOString()).toBe("2026-04-07T22:59:59.999Z");
  });

  it("a conviction needs a charge first", async () => {
    const { officer, report } = await officerWithReport();
    const refused = await recordCaseEvent(
      officer,
      report.id,
      { type: "COURT_RESULT", ...date(5), courtResult: "CONVICTED" },
      now,
    );
    expect(refused).toEqual({
      status: "invalid",
      fieldErrors: { courtResult: "caseEvents.errors.courtResultNeedsCharge" },
    });
    await makeCaseEvent(report.id, {
      type: "CHARGED",
      occurredOn: new Date("2026-03-03T00:00:00Z"),
      offence: "Robbery",
    });
    const accepted = await recordCaseEvent(
      officer,
      report.id,
      { type: "COURT_RESULT", ...date(5), courtResult: "CONVICTED" },
      now,
    );
    expect(accepted?.status).toBe("recorded");
  });

  it("a date before the incident is refused unless explained", async () => {
    const { officer, report } = await officerWithReport();
    const early = { type: "ARRESTED", ...date(1, 2) };
    expect(await recordCaseEvent(officer, report.id, early, now)).toEqual({
      status: "invalid",
      fieldErrors: { occurredOn: "caseEvents.errors.beforeIncident" },
    });
    const explained = await recordCaseEvent(
      officer,
      report.id,
      { ...early, dateExplanation: "Arrested on a warrant for an earlier offence" },
      now,
    );
    expect(explained?.status).toBe("recorded");
    expect(await ownerDb().caseEvent.findFirst({ where: { reportId: report.id } })).toMatchObject({
      dateExplanation: "Arrested on a warrant for an earlier offence",
    });
  });

  it("outcome 16 is stored with the person's reasons, and the update it opens", async () => {
    const { officer, report } = await officerWithReport();
    await makeCaseEvent(report.id, { type: "CRIME_RECORDED", crimeReference: "CR/16" });
    await makeCaseEvent(report.id, {
      type: "SUSPECT_IDENTIFIED",
      occurredOn: new Date("2026-03-03T00:00:00Z"),
    });
    const result = await recordCaseEvent(
      officer,
      report.id,
      {
        type: "OUTCOME_RECORDED",
        ...date(9),
        outcome: "OUTCOME_16",
        withdrawalReasons: ["FEAR_OF_BEING_OUTED", "OTHER"],
        otherReason: "Moving to another city",
      },
      now,
    );
    expect(result?.status).toBe("recorded");
    expect(
      await ownerDb().caseEvent.findFirst({ where: { reportId: report.id, type: "OUTCOME_RECORDED" } }),
    ).toMatchObject({
      outcome: "OUTCOME_16",
      withdrawalReasons: ["FEAR_OF_BEING_OUTED", "OTHER"],
      notes: "Moving to another city",
    });
    expect(await ownerDb().victimUpdate.count({ where: { reportId: report.id } })).toBe(1);
  });

  it("invalid answers store nothing and write no success", async () => {
    const { officer, report } = await officerWithReport();
    const result = await recordCaseEvent(
      officer,
      report.id,
      { type: "OUTCOME_RECORDED", ...date(9), outcome: "OUTCOME_21" },
      now,
    );
    expect(result).toEqual({
      status: "invalid",
      fieldErrors: { rationale: "caseEvents.errors.rationale" },
    });
    expect(await ownerDb().caseEvent.count({ where: { reportId: report.id } })).toBe(0);
    expect(
      await db().auditEvent.count({
        where: { action: "case-event.record", recordId: report.id, outcome: "SUCCESS" },
      }),
    ).toBe(0);
  });

  it("officer cannot record on another unit's report: it is not found, and the attempt is audited", async () => {
    const { report } = await officerWithReport();
    const otherUnit = await makeOrganisation();
    const outsider = await signedIn("LIAISON_OFFICER", otherUnit.id);
    expect(await recordCaseEvent(outsider, report.id, { type: "ARRESTED", ...date(6) }, now)).toBeNull();
    expect(await ownerDb().caseEvent.count({ where: { reportId: report.id } })).toBe(0);
    expect(
      await db().auditEvent.findFirst({ where: { action: "case-event.record", recordId: report.id } }),
    ).toMatchObject({
      outcome: "DENIED",
      actorId: outsider.id,
    });
  });

  it("partners and administrators cannot record events, even in the unit's organisation", async () => {
    const { unit, report } = await officerWithReport();
    const agency = await makeOrganisation("PARTNER_AGENCY");
    for (const user of [
      await signedIn("PARTNER", agency.id),
      await signedIn("PARTNER", unit.id),
      await signedIn("ADMIN", unit.id),
    ]) {
      expect(await recordCaseEvent(user, report.id, { type: "ARRESTED", ...date(6) }, now)).toBeNull();
    }
    expect(await ownerDb().caseEvent.count({ where: { reportId: report.id } })).toBe(0);
  });

  it("a supervisor may record events in their unit", async () => {
    const { unit, report } = await officerWithReport();
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    expect(
      (await recordCaseEvent(supervisor, report.id, { type: "SUSPECT_IDENTIFIED", ...date(4) }, now))?.status,
    ).toBe("recorded");
  });

  it("an address that is not a record id is simply not found", async () => {
    const { officer } = await officerWithReport();
    expect(await recordCaseEvent(officer, "not-an-id", { type: "ARRESTED", ...date(6) }, now)).toBeNull();
  });
});

import { ownerDb } from "@/tests/support/owner-db";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { findOpenReportsForUnit } from "@/lib/reports/queries";
import { makeOrganisation, makeReport, signedIn } from "@/tests/support/factories";
import {
  makeCaseEvent,
  winterMonday as now,
  eventDate as date,
  onMarch as on,
} from "@/tests/support/case-factories";
import { recordCaseEvent } from "./record-case-event";
import { closeReport, reopenReport } from "./close-report";

async function unitWithReport() {
  const unit = await makeOrganisation();
  const officer = await signedIn("LIAISON_OFFICER", unit.id);
  const supervisor = await signedIn("SUPERVISOR", unit.id);
  const report = await makeReport(unit.id, { incidentFrom: new Date("2026-02-20T22:00:00Z") });
  return { unit, officer, supervisor, report };
}

const eventsOf = (reportId: string) =>
  ownerDb().caseEvent.findMany({
    where: { reportId },
    orderBy: [{ occurredOn: "asc" }, { createdAt: "asc" }],
  });
const auditsOf = (recordId: string, action: string) =>
  db().auditEvent.findMany({ where: { recordId, action }, orderBy: { at: "asc" } });
const statusOf = (id: string) =>
  ownerDb().incidentReport.findUniqueOrThrow({ where: { id }, select: { status: true, closedAt: true } });

describe("the trail refuses what cannot happen, and writes nothing", () => {
  it("outcome 18 (no suspect) after an arrest gives a field error and stores nothing", async () => {
    const { officer, report } = await unitWithReport();
    await makeCaseEvent(report.id, { type: "CRIME_RECORDED", occurredOn: on(2) });
    await makeCaseEvent(report.id, { type: "ARRESTED", occurredOn: on(3) });
    const result = await recordCaseEvent(
      officer,
      report.id,
      { type: "OUTCOME_RECORDED", ...date(5), outcome: "OUTCOME_18" },
      now,
    );
    expect(result).toEqual({
      status: "invalid",
      fieldErrors: { outcome: "lifecycle.errors.noSuspectAfterSuspect" },
    });
    expect(await ownerDb().caseEvent.count({ where: { reportId: report.id } })).toBe(2);
    expect(await ownerDb().victimUpdate.count({ where: { reportId: report.id } })).toBe(0);
    expect(await auditsOf(report.id, "case-event.record")).toEqual([]);
    expect(await statusOf(report.id)).toMatchObject({ status: "OPEN" });
  });

  it("an outcome with no recorded crime asks for the crime reference", async () => {
    const { officer, report } = await unitWithReport();
    const result = await recordCaseEvent(
      officer,
      report.id,
      { type: "OUTCOME_RECORDED", ...date(5), outcome: "OUTCOME_18" },
      now,
    );
    expect(result).toEqual({
      status: "invalid",
      fieldErrors: { crimeReference: "lifecycle.errors.outcomeNeedsCrime" },
    });
    expect(await ownerDb().caseEvent.count({ where: { reportId: report.id } })).toBe(0);
  });
});

describe("a final outcome closes the report", () => {
  it("outcome 16 writes the outcome, the closing and their audit events, and the report leaves the open list and the dashboard's open count", async () => {
    const { officer, report } = await unitWithReport();
    await makeCaseEvent(report.id, { type: "CRIME_RECORDED", occurredOn: on(2) });
    await makeCaseEvent(report.id, { type: "SUSPECT_IDENTIFIED", occurredOn: on(3) });
    const result = await recordCaseEvent(
      officer,
      report.id,
      {
        type: "OUTCOME_RECORDED",
        ...date(6),
        outcome: "OUTCOME_16",
        withdrawalReasons: ["FEAR_OF_REPERCUSSIONS"],
      },
      now,
    );
    expect(result).toMatchObject({ status: "recorded", closed: true });
    expect(await statusOf(report.id)).toEqual({ status: "CLOSED", closedAt: now });
    expect((await eventsOf(report.id)).slice(2)).toMatchObject([
      { type: "OUTCOME_RECORDED", outcome: "OUTCOME_16" },
      { type: "REPORT_CLOSED", closeReason: "FINAL_OUTCOME", occurredOn: on(6), recordedById: officer.id },
    ]);
    expect(await auditsOf(report.id, "report.close")).toMatchObject([
      { outcome: "SUCCESS", actorId: officer.id },
    ]);
    const open = await findOpenReportsForUnit(officer, 1);
    expect(open.rows.map((r) => r.id)).not.toContain(report.id);
    expect(await db().dashboardReportFact.findUnique({ where: { reportId: report.id } })).toMatchObject({
      isOpen: false,
    });

    // Nothing more can be recorded until a supervisor reopens it.
    expect(await recordCaseEvent(officer, report.id, { type: "ARRESTED", ...date(7) }, now)).toEqual({
      status: "invalid",
      fieldErrors: { type: "lifecycle.errors.reportClosed" },
    });
    expect(await ownerDb().caseEvent.count({ where: { reportId: report.id } })).toBe(4);
  });

  it("an outcome records the crime in the same step, with its reference and date", async () => {
    const { officer, report } = await unitWithReport();
    const result = await recordCaseEvent(
      officer,
      report.id,
      {
        type: "OUTCOME_RECORDED",
        ...date(6),
        outcome: "OUTCOME_18",
        crimeReference: "GW/18/1",
        crimeRecordedOnDay: "4",
        crimeRecordedOnMonth: "3",
        crimeRecordedOnYear: "2026",
      },
      now,
    );
    expect(result).toMatchObject({ status: "recorded", closed: true });
    expect(await eventsOf(report.id)).toMatchObject([
      { type: "CRIME_RECORDED", crimeReference: "GW/18/1", occurredOn: on(4) },
      { type: "OUTCOME_RECORDED", outcome: "OUTCOME_18", crimeReference: null },
      { type: "REPORT_CLOSED", closeReason: "FINAL_OUTCOME" },
    ]);
    expect(await ownerDb().incidentReport.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({
      crimeRecorded: "YES",
      crimeReference: "GW/18/1",
      status: "CLOSED",
    });
  });

  it("charged: a charge and its outcome 1 open one update, and the court result (an acquittal) closes the case", async () => {
    const { officer, report } = await unitWithReport();
    const record = (raw: Record<string, unknown>) => recordCaseEvent(officer, report.id, raw, now);
    await record({ type: "CRIME_RECORDED", ...date(2), crimeReference: "GW/1" });
    expect(await record({ type: "CHARGED", ...date(3), offence: "Assault" })).toMatchObject({
      updateDueBy: expect.any(Date),
    });
    expect(await record({ type: "OUTCOME_RECORDED", ...date(3), outcome: "OUTCOME_1" })).toMatchObject({
      status: "recorded",
      updateDueBy: null,
      closed: false,
    });
    expect(await ownerDb().victimUpdate.count({ where: { reportId: report.id } })).toBe(1);
    expect(await record({ type: "OUTCOME_RECORDED", ...date(4), outcome: "OUTCOME_1A" })).toMatchObject({
      fieldErrors: { outcome: "lifecycle.errors.outcomeAlreadyRecorded" },
    });
    expect(await record({ type: "COURT_RESULT", ...date(6), courtResult: "ACQUITTED" })).toMatchObject({
      closed: true,
    });
    expect(await statusOf(report.id)).toMatchObject({ status: "CLOSED" });
    expect(await ownerDb().victimUpdate.count({ where: { reportId: report.id } })).toBe(1);
  });

  it("outcome 20, recorded once the person was made aware, opens no update", async () => {
    const { officer, report } = await unitWithReport();
    await makeCaseEvent(report.id, { type: "CRIME_RECORDED", occurredOn: on(2) });
    const result = await recordCaseEvent(
      officer,
      report.id,
      { type: "OUTCOME_RECORDED", ...date(5), outcome: "OUTCOME_20", personInformed: "yes" },
      now,
    );
    expect(result).toMatchObject({ status: "recorded", updateDueBy: null, closed: true });
    expect(await ownerDb().victimUpdate.count({ where: { reportId: report.id } })).toBe(0);
  });
});

describe("a supervisor closes and reopens a report with reasons", () => {
  it("closing and reopening are events on the trail, audited, and move the report off and back on the open list", async () => {
    const { officer, supervisor, report } = await unitWithReport();
    const closed = await closeReport(
      supervisor,
      report.id,
      { closeReason: "INTELLIGENCE_ONLY", notes: "Wants the information used to warn others, nothing more." },
      now,
    );
    expect(closed).toEqual({ status: "done" });
    expect(await statusOf(report.id)).toEqual({ status: "CLOSED", closedAt: now });
    expect((await findOpenReportsForUnit(officer, 1)).rows.map((r) => r.id)).not.toContain(report.id);
    expect(await closeReport(supervisor, report.id, { closeReason: "OTHER", notes: "Again" }, now)).toEqual({
      status: "invalid",
      fieldErrors: {},
      formError: "lifecycle.errors.alreadyClosed",
    });

    const later = new Date("2026-03-12T10:00:00Z");
    expect(
      await reopenReport(supervisor, report.id, { notes: "New information from the person." }, later),
    ).toEqual({
      status: "done",
    });
    expect(await statusOf(report.id)).toEqual({ status: "OPEN", closedAt: null });
    expect((await findOpenReportsForUnit(officer, 1)).rows.map((r) => r.id)).toContain(report.id);
    expect(await eventsOf(report.id)).toMatchObject([
      {
        type: "REPORT_CLOSED",
        closeReason: "INTELLIGENCE_ONLY",
        occurredOn: on(9),
        recordedById: supervisor.id,
      },
      { type: "REPORT_REOPENED", notes: "New information from the person.", occurredOn: on(12) },
    ]);
    expect(await auditsOf(report.id, "report.close")).toMatchObject([
      { outcome: "SUCCESS", actorId: supervisor.id },
    ]);
    expect(await auditsOf(report.id, "report.reopen")).toMatchObject([
      { outcome: "SUCCESS", actorId: supervisor.id },
    ]);
    expect(JSON.stringify(await db().auditEvent.findMany({ where: { recordId: report.id } }))).not.toContain(
      "New information",
    );
    expect(await reopenReport(supervisor, report.id, { notes: "Again" }, later)).toMatchObject({
      formError: "lifecycle.errors.notClosed",
    });
  });

  it("a reason from the list and words are both needed; the system's own reason cannot be chosen", async () => {
    const { supervisor, report } = await unitWithReport();
    expect(await closeReport(supervisor, report.id, { closeReason: "", notes: " " }, now)).toEqual({
      status: "invalid",
      fieldErrors: { closeReason: "lifecycle.errors.closeReason", notes: "lifecycle.errors.notes" },
    });
    expect(
      await closeReport(supervisor, report.id, { closeReason: "FINAL_OUTCOME", notes: "x" }, now),
    ).toMatchObject({
      fieldErrors: { closeReason: "lifecycle.errors.closeReason" },
    });
    expect(
      await closeReport(supervisor, report.id, { closeReason: "OTHER", notes: "x", status: "CLOSED" }, now),
    ).toMatchObject({
      fieldErrors: { closeReason: "lifecycle.errors.unknownField" },
    });
    expect(await statusOf(report.id)).toMatchObject({ status: "OPEN" });
  });

  it("an officer, a partner, an administrator and another unit's supervisor cannot close or reopen: not found, and audited", async () => {
    const { unit, officer, report } = await unitWithReport();
    const otherUnit = await makeOrganisation();
    const refused = [
      officer,
      await signedIn("PARTNER", unit.id),
      await signedIn("ADMIN", unit.id),
      await signedIn("SUPERVISOR", otherUnit.id),
    ];
    for (const user of refused) {
      expect(await closeReport(user, report.id, { closeReason: "OTHER", notes: "x" }, now)).toBeNull();
      expect(await reopenReport(user, report.id, { notes: "x" }, now)).toBeNull();
    }
    expect(await statusOf(report.id)).toMatchObject({ status: "OPEN" });
    expect(await ownerDb().caseEvent.count({ where: { reportId: report.id } })).toBe(0);
    const denied = await db().auditEvent.findMany({ where: { recordId: report.id, outcome: "DENIED" } });
    expect(denied.filter((a) => a.action === "report.close").map((a) => a.actorId)).toEqual(
      refused.map((u) => u.id),
    );
    expect(denied.filter((a) => a.action === "report.reopen")).toHaveLength(refused.length);
  });
});

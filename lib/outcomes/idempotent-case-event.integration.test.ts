import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ownerDb } from "@/tests/support/owner-db";
import { recordCaseEvent } from "./record-case-event";
import { makeReport } from "@/tests/support/factories";
import {
  makeCaseEvent,
  officerWithReport,
  winterMonday as now,
  eventDate as date,
  onMarch as on,
} from "@/tests/support/case-factories";

const eventsOf = (reportId: string) => ownerDb().caseEvent.findMany({ where: { reportId } });

describe("a case event form sent twice is one event", () => {
  it("the same arrest resent after its answer was lost is recorded once, with one update owed, and answers as the first", async () => {
    const { officer, report } = await officerWithReport();
    const form = { type: "ARRESTED", ...date(6), idempotencyKey: randomUUID() };
    const first = await recordCaseEvent(officer, report.id, form, now);
    const again = await recordCaseEvent(officer, report.id, form, now);
    expect(first).toMatchObject({ status: "recorded", closed: false });
    expect(first?.status === "recorded" && first.updateDueBy).toBeInstanceOf(Date);
    expect(again).toEqual(first);
    expect(await eventsOf(report.id)).toHaveLength(1);
    expect(await ownerDb().victimUpdate.count({ where: { reportId: report.id } })).toBe(1);
    const audit = await ownerDb().auditEvent.count({
      where: { action: "case-event.record", recordId: report.id, outcome: "SUCCESS" },
    });
    expect(audit).toBe(1);
  });

  it("two submits of one crime form at the same moment record one crime, and both are told the same event", async () => {
    const { officer, report } = await officerWithReport();
    const form = {
      type: "CRIME_RECORDED",
      ...date(2),
      crimeReference: "GW/2026/77",
      idempotencyKey: randomUUID(),
    };
    const answers = await Promise.all([1, 2, 3].map(() => recordCaseEvent(officer, report.id, form, now)));
    expect(answers.map((a) => a?.status)).toEqual(["recorded", "recorded", "recorded"]);
    expect(new Set(answers.map((a) => (a?.status === "recorded" ? a.eventId : null))).size).toBe(1);
    expect(await eventsOf(report.id)).toMatchObject([
      { type: "CRIME_RECORDED", crimeReference: "GW/2026/77" },
    ]);
  });

  it("a resent final outcome answers that it closed the case, and the case is closed once", async () => {
    const { officer, report } = await officerWithReport();
    await makeCaseEvent(report.id, { type: "CRIME_RECORDED", occurredOn: on(2) });
    await makeCaseEvent(report.id, { type: "SUSPECT_IDENTIFIED", occurredOn: on(3) });
    const form = {
      type: "OUTCOME_RECORDED",
      ...date(6),
      outcome: "OUTCOME_16",
      withdrawalReasons: ["FEAR_OF_REPERCUSSIONS"],
      idempotencyKey: randomUUID(),
    };
    const first = await recordCaseEvent(officer, report.id, form, now);
    expect(first).toMatchObject({ status: "recorded", closed: true });
    expect(await recordCaseEvent(officer, report.id, form, now)).toEqual(first);
    const events = await eventsOf(report.id);
    expect(events.filter((e) => e.type === "OUTCOME_RECORDED")).toHaveLength(1);
    expect(events.filter((e) => e.type === "REPORT_CLOSED")).toHaveLength(1);
  });

  it("the token of an event on one report records nothing on another and tells nothing of the first", async () => {
    const { unit, officer, report } = await officerWithReport();
    const other = await makeReport(unit.id, { incidentFrom: new Date("2026-02-20T22:00:00Z") });
    const token = randomUUID();
    const first = await recordCaseEvent(
      officer,
      report.id,
      { type: "ARRESTED", ...date(6), idempotencyKey: token },
      now,
    );
    if (first?.status !== "recorded") throw new Error("not recorded");
    const onOther = await recordCaseEvent(
      officer,
      other.id,
      { type: "ARRESTED", ...date(6), idempotencyKey: token },
      now,
    ).catch((error: unknown) => error);
    expect(onOther).toBeInstanceOf(Error);
    expect(JSON.stringify(onOther)).not.toContain(first.eventId);
    expect(await eventsOf(other.id)).toHaveLength(0);
  });

  it("a token that is not a form's token is refused, and nothing is recorded", async () => {
    const { officer, report } = await officerWithReport();
    const result = await recordCaseEvent(
      officer,
      report.id,
      { type: "ARRESTED", ...date(6), idempotencyKey: "x" },
      now,
    );
    expect(result).toMatchObject({ status: "invalid" });
    expect(await eventsOf(report.id)).toHaveLength(0);
  });
});

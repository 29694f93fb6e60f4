import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { seedDemo } from "@/prisma/seed/demo";
import { ownerDb } from "@/tests/support/owner-db";
import { makeOrganisation, makeReport } from "@/tests/support/factories";
import { makeCaseEvent } from "@/tests/support/case-factories";
import { alignReportStatuses } from "./align-status";
import { statusOfTrail } from "./trail-rules";
import { TRAIL_SELECT } from "./record-case-event";

const on = (d: number) => new Date(Date.UTC(2026, 2, d));

async function everyReport() {
  return ownerDb().incidentReport.findMany({
    select: { id: true, status: true, closedAt: true, caseEvents: { select: TRAIL_SELECT } },
  });
}

// Expectations come from the rules module, not fixed numbers: the demo's trails change.
async function expectStatusesFollowTrails() {
  const reports = await everyReport();
  const wrong = reports.filter((r) => {
    const expected = statusOfTrail(r.caseEvents);
    return expected.status !== r.status || expected.unclosedFinalEvent !== null;
  });
  expect(wrong.map((r) => r.id)).toEqual([]);
  for (const r of reports) expect(r.closedAt === null).toBe(r.status === "OPEN");
  return reports;
}

describe("bringing existing reports in line with their trails", () => {
  it("on the demo data, every report's status ends up as its trail says, and a second run changes nothing", async () => {
    const seeded = await seedDemo(ownerDb(), { now: new Date("2026-11-20T12:00:00Z") });
    expect(seeded.created).toBe(true);
    // A few hand-made states the demo may not hold, in another unit.
    const unit = await makeOrganisation();
    const unclosed = await makeReport(unit.id);
    await makeCaseEvent(unclosed.id, { type: "CRIME_RECORDED", occurredOn: on(2) });
    await makeCaseEvent(unclosed.id, { type: "OUTCOME_RECORDED", occurredOn: on(5), outcome: "OUTCOME_18" });
    const closedWithoutReason = await makeReport(unit.id, { status: "CLOSED", closedAt: on(6) });
    const supervisorClosed = await makeReport(unit.id, { status: "OPEN" });
    await makeCaseEvent(supervisorClosed.id, {
      type: "REPORT_CLOSED",
      occurredOn: on(4),
      closeReason: "PERSON_WANTS_NOTHING_FURTHER",
    });
    const total = await ownerDb().incidentReport.count();

    const first = await alignReportStatuses(ownerDb());
    expect(first.checked).toBe(total);
    expect(first.closingsWritten).toBeGreaterThanOrEqual(1);
    expect(first.reopened).toBeGreaterThanOrEqual(1);
    await expectStatusesFollowTrails();

    expect(
      await ownerDb().caseEvent.findMany({ where: { reportId: unclosed.id, type: "REPORT_CLOSED" } }),
    ).toMatchObject([{ closeReason: "FINAL_OUTCOME", occurredOn: on(5), recordedById: null }]);
    expect(await ownerDb().incidentReport.findUniqueOrThrow({ where: { id: unclosed.id } })).toMatchObject({
      status: "CLOSED",
      closedAt: on(5),
    });
    expect(
      await ownerDb().incidentReport.findUniqueOrThrow({ where: { id: closedWithoutReason.id } }),
    ).toMatchObject({
      status: "OPEN",
      closedAt: null,
    });
    expect(
      await ownerDb().incidentReport.findUniqueOrThrow({ where: { id: supervisorClosed.id } }),
    ).toMatchObject({
      status: "CLOSED",
    });
    expect(
      await db().auditEvent.count({
        where: { recordId: closedWithoutReason.id, action: "report.align-status" },
      }),
    ).toBe(1);

    // The dashboard's facts follow the statuses at once.
    const facts = await db().dashboardReportFact.findMany({ select: { reportId: true, isOpen: true } });
    const open = new Set((await everyReport()).filter((r) => r.status === "OPEN").map((r) => r.id));
    expect(facts.filter((f) => f.isOpen !== open.has(f.reportId))).toEqual([]);

    const events = await ownerDb().caseEvent.count();
    const audits = await db().auditEvent.count();
    expect(await alignReportStatuses(ownerDb())).toEqual({
      checked: total,
      closingsWritten: 0,
      closed: 0,
      reopened: 0,
    });
    expect(await ownerDb().caseEvent.count()).toBe(events);
    expect(await db().auditEvent.count()).toBe(audits);
  }, 120_000);
});

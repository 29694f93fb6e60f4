import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import messages from "@/messages/en";
import { getDashboard, type Dashboard } from "./queries";
import { countCohort } from "./definitions";
import { findDrillDownReports } from "./drill-down";
import { cellDrillHref } from "./drill-links";
import { parseFilters } from "./filters";
import { parseDrill } from "./drill-down";
import { dashboardRelations, protectView, publishedCounts } from "./relations";
import { dashboardTables, type DashboardTable, type Translate } from "./tables";
import { makeOrganisation, makeUser, signedIn } from "@/tests/support/factories";
import { cohortOf, handReport, STUDY_MIX } from "@/tests/support/dashboard-cohorts";
import { writeCohort } from "@/tests/support/dashboard-factories";
import { recoveredByAttack } from "@/tests/support/suppression-attack";

const NOW = new Date("2026-05-14T10:00:00Z");
const ALL = { period: "all" } as const;
const t = createTranslator({ locale: "en-GB", messages }) as unknown as Translate;

// Follows a dashboard link the way the page does: parse its query, list its reports.
async function follow(user: Awaited<ReturnType<typeof signedIn>>, href: string) {
  const query = Object.fromEntries(new URL(href, "http://x").searchParams);
  const { filters } = parseFilters(query);
  const selection = parseDrill(query);
  if (!selection) throw new Error(`not a drill-down link: ${href}`);
  const first = await findDrillDownReports(user, filters, selection, 1, { now: NOW });
  if (!first) return null;
  const ids = [...first.rows.map((r) => r.id)];
  for (let page = 2; page <= first.pageCount; page++)
    ids.push(
      ...((await findDrillDownReports(user, filters, selection, page, { now: NOW }))?.rows ?? []).map(
        (r) => r.id,
      ),
    );
  return { total: first.total, ids };
}

describe("stages that stay honest", () => {
  it("counts every suspect-implying outcome as 'identified', and support only from what the person said", async () => {
    const unit = await makeOrganisation();
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    const cautioned = handReport("recorded", "2025-04-01", {
      status: "CLOSED",
      events: [
        { type: "CRIME_RECORDED", on: "2025-04-01" },
        { type: "OUTCOME_RECORDED", on: "2025-05-01", outcome: "OUTCOME_3" },
      ],
    });
    const evidenceLed = handReport("awaitingTrial", "2025-04-01", { personWants: "ANONYMOUS_CONTACT" });
    const cohort = [
      cautioned,
      evidenceLed,
      handReport("awaitingTrial", "2025-04-01"),
      handReport("noSuspect"),
    ];
    await writeCohort(unit.id, cohort);
    const d = (await getDashboard(supervisor, ALL, { now: NOW })) as Dashboard;
    const expected = countCohort(cohort);
    expect(d.totals).toMatchObject(expected.counts);
    expect(d.totals).toMatchObject({ identified: 3, charged: 2, supported: 3 });
    expect(d.funnel.find((r) => r.stage === "charged")?.supported).toBe(1);
    // The same from the records, by hand.
    const [direct] = await db().$queryRaw<{ identified: number; supported: number }[]>(Prisma.sql`
      SELECT
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "CaseEvent" e WHERE e."reportId" = r.id AND (
          e.type IN ('SUSPECT_IDENTIFIED', 'ARRESTED', 'INTERVIEWED_UNDER_CAUTION', 'RELEASED', 'CHARGED')
          OR e.outcome NOT IN ('OUTCOME_14', 'OUTCOME_18', 'OUTCOME_19', 'OUTCOME_20', 'OUTCOME_21'))))::int AS identified,
        count(*) FILTER (WHERE r."personWants" = 'FULL_INVESTIGATION' AND NOT EXISTS (
          SELECT 1 FROM "CaseEvent" e WHERE e."reportId" = r.id AND e.outcome IN ('OUTCOME_14', 'OUTCOME_16')))::int AS supported
      FROM "IncidentReport" r WHERE r."unitId" = ${unit.id}::uuid`);
    expect(direct).toEqual({ identified: d.totals.identified, supported: d.totals.supported });
  });

  it("closing a report moves it from 'stopped here, open' to 'stopped here, closed' at once", async () => {
    const unit = await makeOrganisation();
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    const [report] = await writeCohort(unit.id, [handReport("recorded", "2025-06-01")]);
    if (!report) throw new Error("cohort not written");
    const row = async () =>
      ((await getDashboard(supervisor, ALL, { now: NOW })) as Dashboard).funnel.find(
        (r) => r.stage === "recorded",
      );
    expect(await row()).toMatchObject({ stoppedOpen: 1, stoppedClosed: 0 });
    await db().incidentReport.update({ where: { id: report.id }, data: { status: "CLOSED" } });
    expect(await row()).toMatchObject({ stoppedOpen: 0, stoppedClosed: 1 });
    const d = (await getDashboard(supervisor, ALL, { now: NOW })) as Dashboard;
    expect(d.totals.open).toBe(0);
    await db().incidentReport.update({ where: { id: report.id }, data: { status: "OPEN" } });
    expect(await row()).toMatchObject({ stoppedOpen: 1, stoppedClosed: 0 });
  });

  it("a route not recorded shows as 'not recorded', by breakdown and by filter, and risk levels break down", async () => {
    const unit = await makeOrganisation();
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    await writeCohort(unit.id, cohortOf({ recorded: 2 }, "2025-06-01"), {
      reportingRoute: null,
      riskLevel: "HIGH",
    });
    await writeCohort(unit.id, cohortOf({ noSuspect: 3 }, "2025-06-01"));
    const d = (await getDashboard(supervisor, ALL, { now: NOW })) as Dashboard;
    const route = d.breakdowns.find((b) => b.dimension === "route")?.rows;
    expect(route?.find((r) => r.key === "")?.counts.reports).toBe(2);
    const risk = d.breakdowns.find((b) => b.dimension === "risk")?.rows;
    expect(risk?.map((r) => [r.key, r.counts.reports])).toEqual([
      ["", 3],
      ["HIGH", 2],
    ]);
    const notRecorded = await getDashboard(
      supervisor,
      { period: "all", route: "NOT_RECORDED" },
      { now: NOW },
    );
    expect(notRecorded?.totals.reports).toBe(2);
    const high = await getDashboard(supervisor, { period: "all", risk: "HIGH" }, { now: NOW });
    expect(high?.totals).toEqual(risk?.find((r) => r.key === "HIGH")?.counts);
    const unassessed = await getDashboard(supervisor, { period: "all", risk: "NOT_ASSESSED" }, { now: NOW });
    expect(unassessed?.totals.reports).toBe(3);
    // A risk level set later moves the report at once.
    await db().incidentReport.updateMany({
      where: { unitId: unit.id, riskLevel: null },
      data: { riskLevel: "MEDIUM" },
    });
    const after = (await getDashboard(supervisor, ALL, { now: NOW })) as Dashboard;
    expect(after.breakdowns.find((b) => b.dimension === "risk")?.rows.map((r) => r.key)).toEqual([
      "MEDIUM",
      "HIGH",
    ]);
  });

  it("'violence and threats only' keeps the reports the study would have counted", async () => {
    const unit = await makeOrganisation();
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    await writeCohort(unit.id, cohortOf({ convicted: 1, noSuspect: 2 }, "2025-06-01"), {
      incidentTypes: ["PHYSICAL_ASSAULT", "THEFT"],
    });
    await writeCohort(unit.id, cohortOf({ noSuspect: 1 }, "2025-06-01"), {
      incidentTypes: ["CONDOM_REMOVAL"],
    });
    await writeCohort(unit.id, cohortOf({ noSuspect: 4 }, "2025-06-01"), {
      incidentTypes: ["ONLINE_ABUSE_DOXXING"],
    });
    const d = await getDashboard(supervisor, { period: "all", violence: true }, { now: NOW });
    expect(d?.headline).toMatchObject({ received: 4, charged: 1, convicted: 1 });
  });
});

describe("from a figure to its reports", () => {
  it("'N stopped at crime recorded, closed' leads to exactly those N reports, and every count to its own", async () => {
    const unit = await makeOrganisation();
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    await writeCohort(unit.id, cohortOf(STUDY_MIX, "2025-03-10"), { riskLevel: "STANDARD" });
    const d = (await getDashboard(supervisor, ALL, { now: NOW })) as Dashboard;
    const recorded = d.funnel.find((r) => r.stage === "recorded");
    expect(recorded?.stoppedClosed).toBe(27);
    const href = cellDrillHref(d, "funnel", "recorded", 5);
    expect(href).toBe("/dashboard/reports?stopped=recorded&state=closed");
    const list = await follow(supervisor, href as string);
    expect(list?.total).toBe(27);
    expect(new Set(list?.ids).size).toBe(27);
    // Every linked count of every table leads to as many reports as it says.
    const tables = dashboardTables(d, { t, month: (m) => m });
    for (const table of Object.values(tables) as DashboardTable[])
      for (const row of table.rows)
        for (const [i, cell] of row.cells.entries()) {
          if (cell.kind !== "count") continue;
          const link = cellDrillHref(d, table.key, row.key, i);
          if (!link) continue;
          expect((await follow(supervisor, link))?.total, `${table.key} ${row.key} ${i}`).toBe(cell.value);
        }
  });

  it("an officer's links list their own reports only; partners get nothing; the list is audited", async () => {
    const unit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const colleague = await makeUser("LIAISON_OFFICER", unit.id);
    await writeCohort(unit.id, cohortOf({ recorded: 2 }), { assignedOfficerId: officer.id });
    await writeCohort(unit.id, cohortOf({ recorded: 5 }), { assignedOfficerId: colleague.id });
    const list = await follow(officer, `/dashboard/reports?officer=${colleague.id}&reached=recorded`);
    expect(list?.total).toBe(2);
    const agency = await makeOrganisation("PARTNER_AGENCY");
    const partner = await signedIn("PARTNER", agency.id);
    expect(await findDrillDownReports(partner, ALL, {}, 1)).toBeNull();
    const audit = await db().auditEvent.findMany({
      where: { actorId: officer.id, action: "dashboard.drilldown" },
    });
    expect(audit).toEqual([expect.objectContaining({ recordType: "caseload", recordId: officer.id })]);
  });
});

describe("published figures", () => {
  it("no hidden count of the study's view can be recovered from every table together", async () => {
    const unit = await makeOrganisation();
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    const officer = await makeUser("LIAISON_OFFICER", unit.id);
    await writeCohort(unit.id, cohortOf(STUDY_MIX, "2025-03-10"), { assignedOfficerId: officer.id });
    await writeCohort(unit.id, cohortOf({ convicted: 1, recorded: 3, noSuspect: 2 }, "2025-08-10"), {
      reportingRoute: "PARTNER_AGENCY",
      riskLevel: "HIGH",
    });
    const d = (await getDashboard(supervisor, ALL, { now: NOW })) as Dashboard;
    const tables = dashboardTables(d, { t, month: (m) => m });

    const hidden = protectView(d, tables, 5);
    const counts = publishedCounts(Object.values(tables) as DashboardTable[]);
    for (const [id, v] of counts) if (v > 0 && v < 5) expect(hidden.has(id), id).toBe(true);
    // The cohort's totals stay shown where other counts can protect the small ones.
    expect(hidden.has("all:reports")).toBe(false);
    expect(hidden.has("all:charged")).toBe(false);
    expect(recoveredByAttack(counts, dashboardRelations(d), hidden)).toEqual([]);
    // And some secondary suppression was needed: the attack finds something without it.
    const primaryOnly = new Set([...counts].filter(([, v]) => v > 0 && v < 5).map(([id]) => id));
    expect(recoveredByAttack(counts, dashboardRelations(d), primaryOnly).length).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import messages from "@/messages/en";
import { getDashboard, type Dashboard } from "./queries";
import { countCohort, factsOf } from "./definitions";
import { findDrillDownReports } from "./drill-down";
import { cellDrillHref } from "./drill-links";
import { parseFilters, publishedYear, type DashboardFilters } from "./filters";
import { parseDrill } from "./drill-down";
import { dashboardRelations, protectView, publishedCounts } from "./relations";
import { dashboardTables, type DashboardTable, type Translate } from "./tables";
import { makeOrganisation, makePerson, makeReferral, makeUser, signedIn } from "@/tests/support/factories";
import { countReferrals } from "@/lib/referrals/counts";
import { cohortOf, handReport, STUDY_MIX } from "@/tests/support/dashboard-cohorts";
import { writeCohort } from "@/tests/support/dashboard-factories";
import {
  attackAcrossPeriods,
  recoveredByAttack,
  type PublishedView,
} from "@/tests/support/suppression-attack";
import { ownerDb } from "@/tests/support/owner-db";

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

// Follows the link of every count of every table, checks that its list holds exactly that
// many reports, and says how many non-zero counts of each table were links.
async function followEveryLink(user: Awaited<ReturnType<typeof signedIn>>, d: Dashboard) {
  const linked = new Map<string, number>();
  const tables = dashboardTables(d, { t, month: (m) => m });
  for (const table of Object.values(tables) as DashboardTable[])
    for (const row of table.rows)
      for (const [i, cell] of row.cells.entries()) {
        if (cell.kind !== "count") continue;
        const link = cellDrillHref(d, table.key, row.key, i);
        if (!link) continue;
        const list = await follow(user, link);
        expect(list?.total, `${table.key} ${row.key} ${i}`).toBe(cell.value);
        expect(new Set(list?.ids).size, `${table.key} ${row.key} ${i}`).toBe(cell.value);
        if (cell.value > 0) linked.set(table.key, (linked.get(table.key) ?? 0) + 1);
      }
  return linked;
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
    const [direct] = await ownerDb().$queryRaw<{ identified: number; supported: number }[]>(Prisma.sql`
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
    await ownerDb().incidentReport.update({ where: { id: report.id }, data: { status: "CLOSED" } });
    expect(await row()).toMatchObject({ stoppedOpen: 0, stoppedClosed: 1 });
    const d = (await getDashboard(supervisor, ALL, { now: NOW })) as Dashboard;
    expect(d.totals.open).toBe(0);
    await ownerDb().incidentReport.update({ where: { id: report.id }, data: { status: "OPEN" } });
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
    await ownerDb().incidentReport.updateMany({
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
    await followEveryLink(supervisor, d);
  });

  it("the quarters, open reports by age and the trust counts lead to exactly their reports; updates do not", async () => {
    const unit = await makeOrganisation();
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    // Open reports of every age band (today is May 2026), closed ones in other quarters.
    for (const day of ["2026-04-10", "2025-12-10", "2025-07-10", "2024-09-10", "2023-06-10"])
      await writeCohort(unit.id, cohortOf({ recorded: 1, noSuspect: 1 }, day));
    await writeCohort(unit.id, cohortOf({ intelligenceOnly: 2, recorded: 1 }, "2025-05-20"));
    // Began quiet and became full investigations: one first wanting intelligence only, one
    // through a partner agency.
    await writeCohort(unit.id, [
      handReport("suspectKnown", "2025-06-02", { initialPersonWants: "INTELLIGENCE_ONLY" }),
      handReport("suspectKnown", "2025-09-02", { reportingRoute: "PARTNER_AGENCY" }),
    ]);
    // One person reporting three times: two repeat reports.
    const person = await makePerson(unit.id);
    await writeCohort(unit.id, cohortOf({ recorded: 2, noSuspect: 1 }, "2025-10-15"), {
      personId: person.id,
    });

    const views: DashboardFilters[] = [
      ALL,
      { period: "last-12-months" }, // cuts 2025-Q2 down to June
      { period: "custom", from: "2025-05", to: "2025-11", route: "DIRECT_TO_LIAISON_OFFICER" },
    ];
    for (const filters of views) {
      const d = (await getDashboard(supervisor, filters, { now: NOW })) as Dashboard;
      const linked = await followEveryLink(supervisor, d);
      const label = JSON.stringify(filters);
      // The new tables' non-zero counts are links (so this test follows them).
      for (const table of ["trend-quarter", "open-age", "trust"])
        expect(linked.get(table), `${label} ${table}`).toBeGreaterThan(0);
      expect(linked.get("victim-updates"), label).toBeUndefined();
    }
    const all = (await getDashboard(supervisor, ALL, { now: NOW })) as Dashboard;
    expect(all.totals).toMatchObject({ startedQuiet: 4, converted: 2, repeat: 2 });
    expect(all.openByAge.map((b) => b.reports)).toEqual([1, 1, 5, 2, 1]);
    expect(cellDrillHref(all, "open-age", "over2Years", 0)).toBe(
      "/dashboard/reports?open=yes&age=over2Years",
    );
    expect(cellDrillHref(all, "trust", "referralsMade", 0)).toBeNull();
    const year = (await getDashboard(supervisor, { period: "last-12-months" }, { now: NOW })) as Dashboard;
    expect(cellDrillHref(year, "trend-quarter", "2025-Q2", 0)).toBe(
      "/dashboard/reports?period=custom&from=2025-06&to=2025-06",
    );
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

describe("published figures across periods", () => {
  // Everything a reader downloads for one period: every table, as published.
  async function download(user: Awaited<ReturnType<typeof signedIn>>, filters: DashboardFilters) {
    const d = (await getDashboard(user, filters, { now: NOW })) as Dashboard;
    const tables = dashboardTables(d, { t, month: (m) => m });
    return {
      months: d.months.map((m) => m.month),
      values: publishedCounts(Object.values(tables) as DashboardTable[]),
      relations: dashboardRelations(d),
      hidden: protectView(d, tables, 5),
    } satisfies PublishedView;
  }
  // What the reader learns that they should not: a hidden count, or a small count over a
  // piece of a period that no table published.
  function disclosed(views: PublishedView[], pairs = true) {
    const { exposed, derived } = attackAcrossPeriods(views, { pairs });
    return [...exposed, ...[...derived].filter(([, v]) => v > 0 && v < 5).map(([key]) => key)];
  }
  const year = (from: number): DashboardFilters => ({
    period: "custom",
    from: `${from}-04`,
    to: `${from + 1}-03`,
  });

  // Three financial years of reports, each with small counts to hide.
  async function threeYears() {
    const unit = await makeOrganisation();
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    await writeCohort(unit.id, cohortOf(STUDY_MIX, "2025-06-10"), { riskLevel: "STANDARD" });
    await writeCohort(unit.id, cohortOf({ convicted: 1, recorded: 3, noSuspect: 2 }, "2026-02-10"), {
      reportingRoute: "PARTNER_AGENCY",
      riskLevel: "HIGH",
    });
    await writeCohort(unit.id, cohortOf({ recorded: 6, noSuspect: 9, awaitingTrial: 2 }, "2024-05-10"));
    await writeCohort(unit.id, cohortOf({ noSuspect: 3, convicted: 1 }, "2024-11-10"), {
      reportingRoute: "EMERGENCY_OR_101",
    });
    await writeCohort(unit.id, cohortOf({ noSuspect: 11, recorded: 2 }, "2023-09-10"));
    await writeCohort(unit.id, cohortOf({ intelligenceOnly: 2 }, "2024-01-10"), {
      reportingRoute: "ANONYMOUS_INTELLIGENCE",
    });
    return supervisor;
  }

  it("no two published years, nor all of them together, give back a hidden count", async () => {
    const supervisor = await threeYears();
    const years: DashboardFilters[] = [year(2023), year(2024), { period: "last-financial-year" }];
    for (const filters of years) expect(publishedYear(filters, NOW), JSON.stringify(filters)).not.toBeNull();
    const views = await Promise.all(years.map((f) => download(supervisor, f)));
    for (const view of views) expect(view.hidden.size).toBeGreaterThan(0);
    for (let i = 0; i < views.length; i++)
      for (let j = i + 1; j < views.length; j++)
        expect(disclosed([views[i], views[j]] as PublishedView[]), `${i} and ${j}`).toEqual([]);
    // Summed, the three years are a total that nothing published can be subtracted from.
    expect(disclosed(views)).toEqual([]);
  });

  it("the periods that are not published would give counts away (the attack can fail)", async () => {
    const supervisor = await threeYears();
    // All time and the last 12 months: the months before, by subtraction.
    const overlapping = await Promise.all(
      [{ period: "all" }, { period: "last-12-months" }].map((f) =>
        download(supervisor, f as DashboardFilters),
      ),
    );
    expect(disclosed(overlapping, false).length).toBeGreaterThan(0);
    // A year and three of its quarters: the fourth, by subtraction.
    const nested = await Promise.all(
      [
        year(2025),
        { period: "custom", from: "2025-04", to: "2025-06" },
        { period: "custom", from: "2025-07", to: "2025-09" },
        { period: "custom", from: "2025-10", to: "2025-12" },
      ].map((f) => download(supervisor, f as DashboardFilters)),
    );
    expect(disclosed(nested, false).length).toBeGreaterThan(0);
  });
});

describe("trust and engagement", () => {
  it("third-party reports that became full investigations count as conversions, in SQL as by hand", async () => {
    const unit = await makeOrganisation();
    const agency = await makeOrganisation("PARTNER_AGENCY");
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    const cohort = [
      handReport("suspectKnown", "2025-06-01", { reportingRoute: "PARTNER_AGENCY" }),
      handReport("intelligenceOnly", "2025-06-01", { reportingRoute: "PARTNER_AGENCY" }),
      handReport("suspectKnown", "2025-06-01"),
    ];
    await writeCohort(unit.id, cohort);
    const submitted = handReport("suspectKnown", "2025-06-01", {
      reportingRoute: "DIRECT_TO_LIAISON_OFFICER",
      submittedByAgency: true,
    });
    await writeCohort(unit.id, [submitted], { submittedByAgencyId: agency.id });
    const d = (await getDashboard(supervisor, ALL, { now: NOW })) as Dashboard;
    expect(d.totals).toMatchObject({ startedQuiet: 3, converted: 2 });
    const byHand = [...cohort, submitted].map(factsOf);
    expect(byHand.filter((f) => f.startedQuiet)).toHaveLength(3);
    expect(byHand.filter((f) => f.converted)).toHaveLength(2);
  });

  it("counts referrals made, accepted and taken up as lib/referrals/counts.ts does, in the dashboard's period and scope", async () => {
    const unit = await makeOrganisation();
    const agency = await makeOrganisation("PARTNER_AGENCY");
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const made: { id: string }[] = [];
    for (let i = 0; i < 6; i++) made.push(await makeReferral(unit.id, agency.id));
    const ids = (from: number, to: number) => ({ id: { in: made.slice(from, to).map((r) => r.id) } });
    // Two by the officer in May 2026; four by others, one in March 2026 (outside the period).
    await ownerDb().referral.updateMany({
      where: ids(0, 6),
      data: { createdAt: new Date("2026-05-02T10:00:00Z") },
    });
    await ownerDb().referral.updateMany({ where: ids(0, 2), data: { createdById: officer.id } });
    await ownerDb().referral.updateMany({
      where: ids(5, 6),
      data: { createdAt: new Date("2026-03-20T10:00:00Z") },
    });
    await ownerDb().referral.updateMany({
      where: ids(0, 4),
      data: { status: "ACCEPTED", respondedAt: new Date("2026-05-03T10:00:00Z") },
    });
    await ownerDb().referral.updateMany({
      where: ids(3, 4),
      data: { status: "DECLINED", declineReason: "Full" },
    });
    await ownerDb().referral.updateMany({
      where: ids(0, 1),
      data: { status: "CLOSED", closeReason: "SUPPORT_TAKEN_UP" },
    });
    const period = { period: "custom", from: "2026-04", to: "2026-05" } as const;
    const unitView = (await getDashboard(supervisor, period, { now: NOW })) as Dashboard;
    expect(unitView.referrals).toEqual({ made: 5, accepted: 3, takenUp: 1 });
    const span = { from: new Date("2026-03-31T23:00:00Z"), to: new Date("2026-05-31T23:00:00Z") };
    expect(await countReferrals(supervisor, span)).toEqual(unitView.referrals);
    const own = (await getDashboard(officer, period, { now: NOW })) as Dashboard;
    expect(own.referrals).toEqual({ made: 2, accepted: 2, takenUp: 1 });
    expect(await countReferrals(officer, span)).toEqual(own.referrals);
    // A supervisor choosing the officer sees the officer's referrals.
    const chosen = (await getDashboard(
      supervisor,
      { ...period, officer: officer.id },
      { now: NOW },
    )) as Dashboard;
    expect(chosen.referrals).toEqual(own.referrals);

    // The figures come from monthly summaries kept by triggers: a rebuild from the referrals
    // themselves changes nothing, and a referral removed (erasure) is taken away.
    await ownerDb().$executeRaw`SELECT dashboard_rebuild(${unit.id}::uuid)`;
    expect(((await getDashboard(supervisor, period, { now: NOW })) as Dashboard).referrals).toEqual(
      unitView.referrals,
    );
    await ownerDb().referral.delete({ where: { id: made[0]!.id } });
    const after = (await getDashboard(supervisor, period, { now: NOW })) as Dashboard;
    expect(after.referrals).toEqual({ made: 4, accepted: 2, takenUp: 0 });
    expect(await countReferrals(supervisor, span)).toEqual(after.referrals);
  });
});

import { withRowScope } from "@/lib/db/scope";
import { ownerDb } from "@/tests/support/owner-db";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { getDashboard, type Dashboard } from "./queries";
import { countCohort } from "./definitions";
import { withFilter, type DashboardFilters } from "./filters";
import { areaKey } from "./area-key";
import { makeOrganisation, makeReport, makeUser, signedIn } from "@/tests/support/factories";
import {
  cohortOf,
  handReport,
  STUDY_MIX,
  STUDY_OPEN_AT_STAGE,
  STUDY_REACHED,
  STUDY_SUPPORTED_AT_STAGE,
} from "@/tests/support/dashboard-cohorts";
import { writeCohort, writeReport, type Placement } from "@/tests/support/dashboard-factories";

const NOW = new Date("2026-05-14T10:00:00Z");
const ALL: DashboardFilters = { period: "all" };

const reached = (d: Dashboard) => d.funnel.map((r) => r.count);

// The same cohort counted by hand in SQL, straight from the records.
async function directCounts(unitId: string, where: Prisma.Sql = Prisma.empty) {
  // As the owner: the records themselves are under row security (docs/decisions/016).
  const [row] = await ownerDb().$queryRaw<
    { received: number; recorded: number; charged: number; convicted: number; open: number }[]
  >(
    Prisma.sql`
      SELECT count(*)::int AS received,
        count(*) FILTER (WHERE r."crimeRecorded" = 'YES' OR EXISTS (
          SELECT 1 FROM "CaseEvent" e WHERE e."reportId" = r.id AND e.type IN ('CRIME_RECORDED', 'OUTCOME_RECORDED')))::int AS recorded,
        count(*) FILTER (WHERE EXISTS (
          SELECT 1 FROM "CaseEvent" e WHERE e."reportId" = r.id
            AND (e.type = 'CHARGED' OR e.outcome IN ('OUTCOME_1', 'OUTCOME_1A'))))::int AS charged,
        count(*) FILTER (WHERE EXISTS (
          SELECT 1 FROM "CaseEvent" e WHERE e."reportId" = r.id AND e.type = 'COURT_RESULT'
            AND e."courtResult" IN ('CONVICTED', 'CONVICTED_ALTERNATIVE')))::int AS convicted,
        count(*) FILTER (WHERE r.status = 'OPEN')::int AS open
      FROM "IncidentReport" r WHERE r."unitId" = ${unitId}::uuid ${where}`,
  );
  return row;
}

// The monthly summaries as they stand, without cells that have come back to nothing.
async function summaryRows(unitId: string) {
  return db().$queryRaw<unknown[]>(Prisma.sql`
    SELECT * FROM "DashboardMonthlyCount" WHERE "unitId" = ${unitId}::uuid AND reports <> 0
    ORDER BY "officerKey", "month", dimension, value`);
}

describe("the supervisor's dashboard", () => {
  it("shows the study's cohort as 86 reports, 7.0% charged, 3.5% convicted, matching a direct SQL count", async () => {
    const unit = await makeOrganisation();
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    await writeCohort(unit.id, cohortOf(STUDY_MIX, "2025-03-10"));

    const dashboard = await getDashboard(supervisor, ALL, { now: NOW });
    expect(dashboard?.headline).toMatchObject({ received: 86, charged: 6, convicted: 3 });
    expect(dashboard?.headline.chargeRate?.toFixed(3)).toBe("0.070");
    expect(dashboard?.headline.convictionRate?.toFixed(3)).toBe("0.035");
    expect(reached(dashboard as Dashboard)).toEqual([...STUDY_REACHED]);
    expect(dashboard?.funnel.map((r) => r.stoppedOpen)).toEqual([...STUDY_OPEN_AT_STAGE]);
    expect(dashboard?.funnel.map((r) => r.supported)).toEqual([...STUDY_SUPPORTED_AT_STAGE]);

    const direct = await directCounts(unit.id);
    expect(direct).toEqual({
      received: dashboard?.totals.reports,
      recorded: dashboard?.totals.recorded,
      charged: dashboard?.totals.charged,
      convicted: dashboard?.totals.convicted,
      open: dashboard?.totals.open,
    });
  });

  it("counts the same with a filter as the definitions and SQL do for that part of the cohort", async () => {
    const unit = await makeOrganisation();
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    const viaPartner = cohortOf(
      { convicted: 1, discontinued: 1, stepsBackIdentified: 3, recorded: 2 },
      "2025-02-01",
    );
    await writeCohort(unit.id, viaPartner, { reportingRoute: "PARTNER_AGENCY", incidentTypes: ["ROBBERY"] });
    await writeCohort(unit.id, cohortOf({ convicted: 2, noSuspect: 5 }, "2025-02-01"));

    const filtered = await getDashboard(supervisor, { period: "all", route: "PARTNER_AGENCY" }, { now: NOW });
    const expected = countCohort(viaPartner).counts;
    expect(filtered?.totals).toMatchObject(expected);
    expect(await directCounts(unit.id, Prisma.sql`AND r."reportingRoute" = 'PARTNER_AGENCY'`)).toMatchObject({
      received: 7,
      charged: 2,
      convicted: 1,
    });
    const byType = await getDashboard(supervisor, { period: "all", type: "ROBBERY" }, { now: NOW });
    expect(byType?.totals).toEqual(filtered?.totals);
    // Unfiltered, from the monthly summaries; the route breakdown agrees with the filter.
    const all = await getDashboard(supervisor, ALL, { now: NOW });
    const route = all?.breakdowns
      .find((b) => b.dimension === "route")
      ?.rows.find((r) => r.key === "PARTNER_AGENCY");
    expect(route?.counts).toEqual(filtered?.totals);
  });

  it("counts only the reports received in the period, and an empty period has no rates", async () => {
    const unit = await makeOrganisation();
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    await writeCohort(unit.id, cohortOf({ convicted: 1, noSuspect: 1 }, "2025-06-15"));
    await writeCohort(unit.id, cohortOf({ noSuspect: 3 }, "2026-04-02"));

    const fy = await getDashboard(supervisor, { period: "last-financial-year" }, { now: NOW });
    expect(fy?.headline).toMatchObject({ received: 2, charged: 1, convicted: 1, chargeRate: 0.5 });
    expect(fy?.months.map((m) => m.month)).toHaveLength(12);

    const empty = await getDashboard(
      supervisor,
      { period: "custom", from: "2024-01", to: "2024-03" },
      { now: NOW },
    );
    expect(empty?.headline).toEqual({
      received: 0,
      charged: 0,
      convicted: 0,
      chargeRate: null,
      convictionRate: null,
    });
    expect(empty?.timeliness.toCharge).toEqual({ reports: 0, median: null, p90: null });
  });

  it("shows why cases end, the reasons people step back, timeliness and open reports by age", async () => {
    const unit = await makeOrganisation();
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    await writeCohort(
      unit.id,
      cohortOf({ stepsBackIdentified: 2, stepsBackUnidentified: 1, convicted: 1 }, "2025-05-01"),
    );
    await writeCohort(unit.id, cohortOf({ recorded: 3 }, "2026-04-20"));

    const d = (await getDashboard(supervisor, ALL, { now: NOW })) as Dashboard;
    expect(d.outcomes).toEqual([
      { key: "PENDING", reports: 3 },
      { key: "OUTCOME_16", reports: 2 },
      { key: "OUTCOME_1", reports: 1 },
      { key: "OUTCOME_14", reports: 1 },
    ]);
    expect(d.reasons).toEqual([
      { key: "FEAR_OF_BEING_OUTED", reports: 2 },
      { key: "PRESSURE_FROM_SUSPECT", reports: 2 },
      { key: "FEAR_OF_REPERCUSSIONS", reports: 1 },
    ]);
    expect(d.timeliness.toCharge).toEqual({ reports: 1, median: 60, p90: 60 });
    expect(d.timeliness.toOutcome).toEqual({ reports: 4, median: 15, p90: 60 });
    expect(d.openByAge.find((b) => b.band === "under3Months")?.reports).toBe(3);
  });
});

describe("who sees what", () => {
  it("an officer sees their own caseload only, whatever officer the URL names", async () => {
    const unit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const colleague = await makeUser("LIAISON_OFFICER", unit.id);
    await writeCohort(unit.id, cohortOf({ convicted: 1, noSuspect: 2 }), { assignedOfficerId: officer.id });
    await writeCohort(unit.id, cohortOf({ convicted: 3, noSuspect: 10 }), {
      assignedOfficerId: colleague.id,
    });

    const own = await getDashboard(officer, { period: "all", officer: colleague.id }, { now: NOW });
    expect(own?.scope).toBe("own");
    expect(own?.headline).toMatchObject({ received: 3, convicted: 1 });
    expect(own?.breakdowns.map((b) => b.dimension)).not.toContain("officer");
    const filtered = await getDashboard(
      officer,
      { period: "all", route: "DIRECT_TO_LIAISON_OFFICER" },
      { now: NOW },
    );
    expect(filtered?.headline.received).toBe(3);
  });

  it("a supervisor can look at one officer's caseload", async () => {
    const unit = await makeOrganisation();
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    const officer = await makeUser("LIAISON_OFFICER", unit.id);
    await writeCohort(unit.id, cohortOf({ convicted: 1, noSuspect: 1 }), { assignedOfficerId: officer.id });
    await writeCohort(unit.id, cohortOf({ noSuspect: 4 }));
    const d = await getDashboard(supervisor, { period: "all", officer: officer.id }, { now: NOW });
    expect(d?.headline).toMatchObject({ received: 2, convicted: 1 });
    const all = await getDashboard(supervisor, ALL, { now: NOW });
    expect(all?.breakdowns.find((b) => b.dimension === "officer")?.rows).toContainEqual(
      expect.objectContaining({ key: officer.id }),
    );
  });

  it("is refused to partners and administrators, and shows nothing of another unit", async () => {
    const unit = await makeOrganisation();
    const other = await makeOrganisation();
    const agency = await makeOrganisation("PARTNER_AGENCY");
    await writeCohort(unit.id, cohortOf({ convicted: 2 }));
    expect(await getDashboard(await signedIn("PARTNER", agency.id), ALL)).toBeNull();
    expect(await getDashboard(await signedIn("ADMIN", unit.id), ALL)).toBeNull();
    const elsewhere = await signedIn("SUPERVISOR", other.id);
    expect((await getDashboard(elsewhere, ALL))?.headline.received).toBe(0);
  });

  it("ignores an officer or area that is not the unit's, and says so", async () => {
    const unit = await makeOrganisation();
    const other = await makeOrganisation();
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    const stranger = await makeUser("LIAISON_OFFICER", other.id);
    await writeCohort(unit.id, cohortOf({ noSuspect: 2 }), { area: "Old Market" });
    await writeCohort(other.id, cohortOf({ noSuspect: 1 }), { area: "Elsewhere" });
    const d = await getDashboard(
      supervisor,
      { period: "all", officer: stranger.id, area: areaKey("Elsewhere") },
      { now: NOW },
    );
    expect(d?.problems.sort()).toEqual(["area", "officer"]);
    expect(d?.filters).toEqual({ period: "all" });
    expect(d?.headline.received).toBe(2);
    expect(d?.areas).toEqual([{ key: areaKey("Old Market"), name: "Old Market" }]);
  });

  it("filters by an area's key, and names the area on the page but not in the address", async () => {
    const unit = await makeOrganisation();
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    await writeCohort(unit.id, cohortOf({ noSuspect: 2 }), { area: "Old Market" });
    await writeCohort(unit.id, cohortOf({ noSuspect: 3 }), { area: "Canal Basin" });
    const key = areaKey("Canal Basin");
    const d = await getDashboard(supervisor, { period: "all", area: key }, { now: NOW });
    expect(d?.problems).toEqual([]);
    expect(d?.headline.received).toBe(3);
    expect(d?.areaName).toBe("Canal Basin");
    expect(withFilter(d!.filters, {})).toBe(`?area=${key}`);
    expect(withFilter(d!.filters, {})).not.toMatch(/Canal/);
  });

  it("records each view in the audit log, without the figures", async () => {
    const unit = await makeOrganisation();
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    await getDashboard(supervisor, ALL);
    const events = await db().auditEvent.findMany({
      where: { actorId: supervisor.id, action: "dashboard.view" },
    });
    expect(events).toEqual([
      expect.objectContaining({ recordType: "unit", recordId: unit.id, outcome: "SUCCESS" }),
    ]);
  });
});

describe("the summaries follow every change", () => {
  it("through events added, changed and removed, reports edited and deleted, and people updated", async () => {
    const unit = await makeOrganisation();
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    const officer = await makeUser("LIAISON_OFFICER", unit.id);
    const [charged, recorded, steppedBack] = await writeCohort(unit.id, [
      handReport("awaitingTrial", "2025-09-01"),
      handReport("recorded", "2025-10-01"),
      handReport("stepsBackIdentified", "2025-11-01"),
    ]);
    if (!charged || !recorded || !steppedBack) throw new Error("cohort not written");
    const before = (await getDashboard(supervisor, ALL, { now: NOW })) as Dashboard;
    expect(reached(before)).toEqual([3, 3, 2, 1, 1, 0]);

    const verdict = await ownerDb().caseEvent.create({
      data: {
        reportId: charged.id,
        type: "COURT_RESULT",
        courtResult: "CONVICTED",
        occurredOn: new Date("2026-02-01"),
      },
    });
    await ownerDb().incidentReport.update({ where: { id: charged.id }, data: { status: "CLOSED" } });
    await ownerDb().incidentReport.update({
      where: { id: recorded.id },
      data: {
        assignedOfficerId: officer.id,
        reportingRoute: "PARTNER_AGENCY",
        reportedAt: new Date("2025-12-03T12:00:00Z"),
      },
    });
    await ownerDb().person.update({ where: { id: steppedBack.personId }, data: { workSetting: "STREET" } });
    await ownerDb().caseEvent.update({
      where: { id: verdict.id },
      data: { courtResult: "CONVICTED_ALTERNATIVE" },
    });
    await ownerDb().caseEvent.deleteMany({ where: { reportId: steppedBack.id, type: "OUTCOME_RECORDED" } });
    const extra = await makeReport(unit.id, { reportedAt: new Date("2025-08-01T12:00:00Z") });
    await ownerDb().incidentReport.delete({ where: { id: extra.id } });

    const after = (await getDashboard(supervisor, ALL, { now: NOW })) as Dashboard;
    expect(reached(after)).toEqual([3, 3, 2, 1, 1, 1]);
    expect(after.totals.open).toBe(1);
    expect(after.breakdowns.find((b) => b.dimension === "setting")?.rows).toContainEqual(
      expect.objectContaining({ key: "STREET" }),
    );
    expect(after.months.find((m) => m.month === "2025-12")?.counts.reports).toBe(1);
    expect(after.months.find((m) => m.month === "2025-10")?.counts.reports).toBe(0);
    // The same figures from the per-report facts, and from a rebuild of the summaries.
    const viaFacts = await getDashboard(
      supervisor,
      { period: "all", officer: officer.id, route: "PARTNER_AGENCY" },
      { now: NOW },
    );
    const viaSummary = await getDashboard(supervisor, { period: "all", officer: officer.id }, { now: NOW });
    expect(viaFacts?.totals).toEqual(viaSummary?.totals);
    const incremental = await summaryRows(unit.id);
    await db().$queryRaw`SELECT dashboard_rebuild(${unit.id}::uuid)`;
    expect(await summaryRows(unit.id)).toEqual(incremental);
  });

  it("the per-report facts and the monthly summaries give the same figures, for the unit and an officer", async () => {
    const unit = await makeOrganisation();
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const reports = await writeCohort(unit.id, cohortOf(STUDY_MIX, "2025-06-20"), {
      incidentTypes: ["ROBBERY", "THEFT"],
    });
    await writeCohort(
      unit.id,
      cohortOf({ convicted: 2, stepsBackIdentified: 3, suspectKnown: 2 }, "2026-01-07"),
      {
        assignedOfficerId: officer.id,
        area: "Canal Basin",
        incidentTypes: [],
      },
    );
    const arrests = await ownerDb().caseEvent.findMany({
      where: { type: "ARRESTED", reportId: { in: reports.map((r) => r.id) } },
    });
    await ownerDb().victimUpdate.createMany({
      data: arrests.map((e, i) => ({
        reportId: e.reportId,
        caseEventId: e.id,
        dueBy: new Date(i % 2 ? "2026-05-20T22:59:00Z" : "2025-08-01T22:59:00Z"),
        clearedAt: i % 3 === 0 ? new Date("2025-07-30T10:00:00Z") : null,
      })),
    });
    for (const [user, filters] of [
      [supervisor, { period: "all" }],
      [supervisor, { period: "last-12-months" }],
      [officer, { period: "all" }],
    ] as const) {
      const summary = await getDashboard(user, filters, { now: NOW, source: "summary" });
      const facts = await getDashboard(user, filters, { now: NOW, source: "facts" });
      expect(facts).toEqual(summary);
      expect(summary?.totals.reports).toBeGreaterThan(0);
    }
    const d = (await getDashboard(supervisor, ALL, { now: NOW })) as Dashboard;
    expect(d.victimUpdates.overdue + d.victimUpdates.notYetDue).toBeGreaterThan(0);
  });

  it("every single filter reads the per-filter summaries, which agree with the facts as reports change", async () => {
    const unit = await makeOrganisation();
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const placements: Placement[] = [
      {
        reportingRoute: "PARTNER_AGENCY",
        incidentTypes: ["ROBBERY", "THEFT"],
        area: "Canal Basin",
        riskLevel: "HIGH",
      },
      { reportingRoute: null, incidentTypes: ["THEFT"], area: "Old Market", assignedOfficerId: officer.id },
      { incidentTypes: [], riskLevel: "STANDARD", assignedOfficerId: officer.id, area: "Canal Basin" },
      {
        reportingRoute: "ONLINE_POLICE_REPORT",
        incidentTypes: ["RAPE", "PHYSICAL_ASSAULT"],
        riskLevel: "MEDIUM",
      },
    ];
    const written = [];
    for (const [i, placement] of placements.entries())
      written.push(
        ...(await writeCohort(
          unit.id,
          cohortOf(
            { convicted: 1, stepsBackIdentified: 2, recorded: 1, noSuspect: i + 1 },
            `2025-0${i + 3}-15`,
          ),
          placement,
        )),
      );
    const views: DashboardFilters[] = [
      { period: "all", route: "PARTNER_AGENCY" },
      { period: "all", route: "NOT_RECORDED" },
      { period: "all", route: "DIRECT_TO_LIAISON_OFFICER" },
      { period: "last-12-months", type: "THEFT" },
      { period: "all", type: "PHYSICAL_ASSAULT" },
      { period: "all", area: areaKey("Canal Basin") },
      { period: "custom", from: "2025-04", to: "2025-06", area: areaKey("Old Market") },
      { period: "all", risk: "HIGH" },
      { period: "all", risk: "NOT_ASSESSED" },
      { period: "all", violence: true },
    ];
    const agree = async () => {
      for (const filters of views)
        for (const [user, scoped] of [
          [supervisor, filters],
          [supervisor, { ...filters, officer: officer.id }],
          [officer, filters],
        ] as const) {
          const summary = await getDashboard(user, scoped, { now: NOW, source: "summary" });
          const facts = await getDashboard(user, scoped, { now: NOW, source: "facts" });
          // The summaries break one officer's caseload down by officer no further.
          const byOfficerToo = (d: Dashboard | null) =>
            scoped.officer ? { ...d, breakdowns: d?.breakdowns.filter((b) => b.dimension !== "officer") } : d;
          expect(byOfficerToo(summary), JSON.stringify(scoped)).toEqual(byOfficerToo(facts));
        }
    };
    await agree();
    const theft = await getDashboard(supervisor, { period: "all", type: "THEFT" }, { now: NOW });
    expect(theft?.totals.reports).toBe(5 + 6);

    // Changes move counts between filters: route, risk, types, area and officer.
    const [first, second] = written;
    if (!first || !second) throw new Error("cohort not written");
    await ownerDb().incidentReport.update({
      where: { id: first.id },
      data: { reportingRoute: null, riskLevel: null, incidentTypes: ["CONDOM_REMOVAL"], area: "Old Market" },
    });
    await ownerDb().incidentReport.update({
      where: { id: second.id },
      data: { assignedOfficerId: officer.id, riskLevel: "HIGH" },
    });
    await ownerDb().caseEvent.deleteMany({ where: { reportId: second.id, type: "OUTCOME_RECORDED" } });
    await agree();
    const incremental = await db().$queryRaw<unknown[]>`
      SELECT * FROM "DashboardFilterCount" WHERE "unitId" = ${unit.id}::uuid AND reports <> 0
      ORDER BY "officerKey", filter, "filterValue", "month", dimension, value`;
    expect(incremental.length).toBeGreaterThan(100);
    await db().$queryRaw`SELECT dashboard_rebuild(${unit.id}::uuid)`;
    expect(
      await db().$queryRaw<unknown[]>`
        SELECT * FROM "DashboardFilterCount" WHERE "unitId" = ${unit.id}::uuid AND reports <> 0
        ORDER BY "officerKey", filter, "filterValue", "month", dimension, value`,
    ).toEqual(incremental);
  });

  it("two or more report filters count the facts, as SQL over the records does", async () => {
    const unit = await makeOrganisation();
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    await writeCohort(unit.id, cohortOf({ convicted: 2, recorded: 3 }, "2025-05-01"), {
      reportingRoute: "PARTNER_AGENCY",
      incidentTypes: ["ROBBERY"],
      riskLevel: "HIGH",
    });
    await writeCohort(unit.id, cohortOf({ convicted: 1, noSuspect: 4 }, "2025-05-01"), {
      reportingRoute: "PARTNER_AGENCY",
      incidentTypes: ["THEFT"],
      riskLevel: "HIGH",
    });
    await writeCohort(unit.id, cohortOf({ awaitingTrial: 1, recorded: 2 }, "2025-05-01"), {
      incidentTypes: ["ROBBERY"],
      riskLevel: "HIGH",
    });
    const both = await getDashboard(
      supervisor,
      { period: "all", route: "PARTNER_AGENCY", type: "ROBBERY" },
      { now: NOW },
    );
    expect(
      await directCounts(
        unit.id,
        Prisma.sql`AND r."reportingRoute" = 'PARTNER_AGENCY'
      AND 'ROBBERY' = ANY(r."incidentTypes")`,
      ),
    ).toEqual({
      received: both?.totals.reports,
      recorded: both?.totals.recorded,
      charged: both?.totals.charged,
      convicted: both?.totals.convicted,
      open: both?.totals.open,
    });
    expect(both?.totals.reports).toBe(5);
    const three = await getDashboard(
      supervisor,
      { period: "all", route: "PARTNER_AGENCY", type: "ROBBERY", risk: "HIGH" },
      { now: NOW },
    );
    expect(three?.totals).toEqual(both?.totals);
    const none = await getDashboard(
      supervisor,
      { period: "all", type: "THEFT", violence: true },
      { now: NOW },
    );
    expect(none?.totals.reports).toBe(0);
  });

  it("a person's second report counts as a repeat, and contacts and overdue updates are counted", async () => {
    const unit = await makeOrganisation();
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    const [first] = await writeCohort(unit.id, [handReport("suspectKnown", "2025-09-01")]);
    if (!first) throw new Error("cohort not written");
    await writeReport(unit.id, handReport("recorded", "2025-12-01"), { personId: first.personId });
    const arrest = await ownerDb().caseEvent.findFirstOrThrow({
      where: { reportId: first.id, type: "ARRESTED" },
    });
    await ownerDb().victimUpdate.createMany({
      data: [
        {
          reportId: first.id,
          caseEventId: arrest.id,
          dueBy: new Date("2025-09-20"),
          clearedAt: new Date("2025-09-18"),
        },
        {
          reportId: first.id,
          caseEventId: arrest.id,
          dueBy: new Date("2025-09-20"),
          clearedAt: new Date("2025-09-25"),
        },
        { reportId: first.id, caseEventId: arrest.id, dueBy: new Date("2026-05-01") },
        { reportId: first.id, caseEventId: arrest.id, dueBy: new Date("2026-06-01") },
      ],
    });
    await ownerDb().liaisonContact.createMany({
      data: [
        {
          unitId: unit.id,
          personId: first.personId,
          type: "OUTREACH",
          method: "IN_PERSON",
          occurredAt: new Date("2026-01-05T20:00:00Z"),
        },
        {
          unitId: unit.id,
          personId: first.personId,
          type: "SAFETY_ADVICE",
          method: "PHONE_CALL",
          occurredAt: new Date("2026-01-09T10:00:00Z"),
        },
      ],
    });
    const d = (await getDashboard(supervisor, ALL, { now: NOW })) as Dashboard;
    expect(d.totals.repeat).toBe(1);
    expect(d.victimUpdates).toEqual({ onTime: 1, late: 1, overdue: 1, notYetDue: 1 });
    expect(d.contacts).toEqual([{ month: "2026-01", contacts: 2 }]);
  });

  it("two people recording events on one report at once are both counted", async () => {
    // The second waits for the first to commit, then counts the first one's conviction too;
    // without that, its own view (no conviction) would overwrite the facts.
    const unit = await makeOrganisation();
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    const [report] = await writeCohort(unit.id, [handReport("withCps", "2025-09-01")]);
    if (!report) throw new Error("cohort not written");
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inserted: () => void = () => undefined;
    const firstInserted = new Promise<void>((resolve) => (inserted = resolve));
    const scope = { unitId: unit.id, agencyId: null };
    const first = withRowScope(scope, async (tx) => {
      await tx.caseEvent.create({
        data: {
          reportId: report.id,
          type: "COURT_RESULT",
          courtResult: "CONVICTED",
          occurredOn: new Date("2026-04-10"),
        },
      });
      inserted();
      await held;
    });
    await firstInserted;
    // Prisma queries run when awaited: `then` starts this one now, while the first is held.
    const second = withRowScope(scope, (tx) =>
      tx.caseEvent.create({
        data: {
          reportId: report.id,
          type: "SENTENCE",
          sentence: "Community order",
          occurredOn: new Date("2026-05-01"),
        },
      }),
    ).then(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    await Promise.all([first, second]);
    const d = (await getDashboard(supervisor, ALL, { now: NOW })) as Dashboard;
    expect(d.headline).toMatchObject({ received: 1, charged: 1, convicted: 1 });
  });
});

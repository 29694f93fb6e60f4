import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { db } from "@/lib/db/client";
import messages from "@/messages/en";
import { exportDashboardTable } from "./export";
import type { TableText, Translate } from "./tables";
import { makeOrganisation, makeReferral, signedIn } from "@/tests/support/factories";
import { cohortOf } from "@/tests/support/dashboard-cohorts";
import { writeCohort } from "@/tests/support/dashboard-factories";
import { ownerDb } from "@/tests/support/owner-db";

// The catalogue's own words, as the route handler passes them.
const translate = createTranslator({ locale: "en-GB", messages }) as unknown as Translate;
const text: TableText = { t: translate, month: (m) => m };
const NOW = new Date("2026-05-14T10:00:00Z");
// The one kind of period that is published: a complete financial year (April to March).
const YEAR = { period: "last-financial-year" } as const;

function lines(csv: string): string[] {
  return csv
    .replace(/^\ufeff/, "")
    .trimEnd()
    .split("\r\n");
}

describe("downloading a dashboard table", () => {
  it("gives the supervisor the table as CSV with small numbers suppressed, and audits it", async () => {
    const unit = await makeOrganisation();
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    await writeCohort(
      unit.id,
      cohortOf({ convicted: 3, discontinued: 3, noSuspect: 40, intelligenceOnly: 6 }, "2025-05-05"),
    );

    const result = await exportDashboardTable(supervisor, "headline", YEAR, text, { now: NOW });
    expect(result?.filename).toBe("liaison-headline-2026-05-14.csv");
    expect(lines(result?.csv ?? "")).toEqual([
      "Measure,Count,Share of reports received",
      "Reports received,52,",
      "Charged or summonsed,6,11.5%",
      "Convicted,suppressed,withheld",
      "Person supports action,46,88.5%",
      "Suspects with a charge,6,",
    ]);
    const audit = await db().auditEvent.findMany({
      where: { actorId: supervisor.id, action: "dashboard.export" },
    });
    expect(audit).toEqual([
      expect.objectContaining({
        recordType: "dashboard-table",
        recordId: "headline",
        outcome: "SUCCESS",
        actorRole: "SUPERVISOR",
      }),
    ]);
  });

  it("suppresses small counts in every row of a breakdown, and the row that would give them back", async () => {
    const unit = await makeOrganisation();
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    await writeCohort(unit.id, cohortOf({ noSuspect: 7 }, "2025-06-10"), {
      reportingRoute: "EMERGENCY_OR_101",
    });
    await writeCohort(unit.id, cohortOf({ noSuspect: 2 }, "2025-06-10"), {
      reportingRoute: "PARTNER_AGENCY",
    });
    const result = await exportDashboardTable(supervisor, "breakdown-route", YEAR, text, { now: NOW });
    const rows = lines(result?.csv ?? "");
    // 9 reports in all are published (the headline): 9 − 7 would give the partner row's 2
    // back, so the 7 is hidden too. Zeros stay shown.
    expect(rows[1]).toBe("999 or 101,suppressed,suppressed,0,0,0,0,suppressed,withheld,withheld,0");
    expect(rows[2]).toBe(
      "Through a partner agency,suppressed,suppressed,0,0,0,0,suppressed,withheld,withheld,0",
    );
    const headline = await exportDashboardTable(supervisor, "headline", YEAR, text, { now: NOW });
    expect(lines(headline?.csv ?? "")[1]).toBe("Reports received,9,");
  });

  it("is refused, and the refusal audited, for partners and administrators", async () => {
    const unit = await makeOrganisation();
    const agency = await makeOrganisation("PARTNER_AGENCY");
    for (const user of [await signedIn("PARTNER", agency.id), await signedIn("ADMIN", unit.id)]) {
      expect(await exportDashboardTable(user, "funnel", YEAR, text, { now: NOW })).toBeNull();
      const audit = await db().auditEvent.findMany({
        where: { actorId: user.id, action: "dashboard.export" },
      });
      expect(audit).toEqual([expect.objectContaining({ outcome: "DENIED" })]);
    }
  });

  it("answers 'not found' for a table that does not exist, and publishes only the unit's whole view", async () => {
    const unit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    expect(await exportDashboardTable(supervisor, "people", YEAR, text, { now: NOW })).toBeNull();
    // A part of the unit published apart could be subtracted from the whole.
    expect(await exportDashboardTable(officer, "funnel", YEAR, text, { now: NOW })).toBeNull();
    for (const filters of [
      { ...YEAR, route: "PARTNER_AGENCY" },
      { ...YEAR, officer: officer.id },
      { ...YEAR, violence: true },
      { ...YEAR, risk: "HIGH" },
    ] as const)
      expect(
        await exportDashboardTable(supervisor, "funnel", filters, text, { now: NOW }),
        JSON.stringify(filters),
      ).toBeNull();
    expect(await exportDashboardTable(supervisor, "funnel", YEAR, text, { now: NOW })).not.toBeNull();
  });

  it("publishes complete financial years only, never periods that overlap or nest", async () => {
    const unit = await makeOrganisation();
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    await writeCohort(unit.id, cohortOf({ noSuspect: 12 }, "2025-06-10"));
    const refused = [
      { period: "all" },
      { period: "last-12-months" },
      { period: "last-quarter" },
      { period: "this-financial-year" },
      // A quarter, a calendar year, two financial years together.
      { period: "custom", from: "2025-04", to: "2025-06" },
      { period: "custom", from: "2025-01", to: "2025-12" },
      { period: "custom", from: "2024-04", to: "2026-03" },
    ] as const;
    for (const filters of refused)
      expect(
        await exportDashboardTable(supervisor, "headline", filters, text, { now: NOW }),
        JSON.stringify(filters),
      ).toBeNull();
    // The last year, and an earlier one chosen by its months.
    for (const filters of [YEAR, { period: "custom", from: "2024-04", to: "2025-03" }] as const)
      expect(
        await exportDashboardTable(supervisor, "headline", filters, text, { now: NOW }),
        JSON.stringify(filters),
      ).not.toBeNull();
    // Only the successful downloads are recorded as exports.
    expect(
      await db().auditEvent.count({ where: { actorId: supervisor.id, action: "dashboard.export" } }),
    ).toBe(2);
  });

  it("the trust table counts referrals made, accepted and taken up in the year, with small numbers suppressed", async () => {
    const unit = await makeOrganisation();
    const agency = await makeOrganisation("PARTNER_AGENCY");
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    await writeCohort(unit.id, cohortOf({ noSuspect: 20 }, "2025-06-10"));
    const sent = new Date("2025-07-01T10:00:00Z");
    const referrals = [];
    for (let i = 0; i < 9; i++) referrals.push(await makeReferral(unit.id, agency.id));
    await ownerDb().referral.updateMany({
      where: { id: { in: referrals.map((r) => r.id) } },
      data: { createdAt: sent },
    });
    // Six accepted, of which two taken up so far (a small number: suppressed).
    await ownerDb().referral.updateMany({
      where: { id: { in: referrals.slice(0, 6).map((r) => r.id) } },
      data: { status: "ACCEPTED", respondedAt: sent },
    });
    await ownerDb().referral.updateMany({
      where: { id: { in: referrals.slice(0, 2).map((r) => r.id) } },
      data: { status: "CLOSED", closeReason: "SUPPORT_TAKEN_UP" },
    });
    const result = await exportDashboardTable(supervisor, "trust", YEAR, text, { now: NOW });
    const rows = lines(result?.csv ?? "");
    expect(rows).toContain("Referrals made to partner agencies (by the month they were sent),9,,");
    expect(rows).toContain('"Of those, accepted by the agency",6,9,66.7%');
    expect(rows).toContain('"Of those, support taken up",suppressed,9,withheld');
    expect(rows).toContain(
      '"Began as intelligence-only, anonymous or third-party; now a full investigation",0,0,withheld',
    );
  });
});

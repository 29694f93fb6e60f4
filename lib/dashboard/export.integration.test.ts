import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { db } from "@/lib/db/client";
import messages from "@/messages/en";
import { exportDashboardTable } from "./export";
import type { TableText, Translate } from "./tables";
import { makeOrganisation, signedIn } from "@/tests/support/factories";
import { cohortOf } from "@/tests/support/dashboard-cohorts";
import { writeCohort } from "@/tests/support/dashboard-factories";

// The catalogue's own words, as the route handler passes them.
const translate = createTranslator({ locale: "en-GB", messages }) as unknown as Translate;
const text: TableText = { t: translate, month: (m) => m };

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

    const result = await exportDashboardTable(supervisor, "headline", { period: "all" }, text, {
      now: new Date("2026-05-14T10:00:00Z"),
    });
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
    await writeCohort(unit.id, cohortOf({ noSuspect: 7 }), { reportingRoute: "EMERGENCY_OR_101" });
    await writeCohort(unit.id, cohortOf({ noSuspect: 2 }), { reportingRoute: "PARTNER_AGENCY" });
    const result = await exportDashboardTable(supervisor, "breakdown-route", { period: "all" }, text);
    const rows = lines(result?.csv ?? "");
    // 9 reports in all are published (the headline): 9 − 7 would give the partner row's 2
    // back, so the 7 is hidden too. Zeros stay shown.
    expect(rows[1]).toBe("999 or 101,suppressed,suppressed,0,0,0,0,suppressed,withheld,withheld,0");
    expect(rows[2]).toBe(
      "Through a partner agency,suppressed,suppressed,0,0,0,0,suppressed,withheld,withheld,0",
    );
    const headline = await exportDashboardTable(supervisor, "headline", { period: "all" }, text);
    expect(lines(headline?.csv ?? "")[1]).toBe("Reports received,9,");
  });

  it("is refused, and the refusal audited, for partners and administrators", async () => {
    const unit = await makeOrganisation();
    const agency = await makeOrganisation("PARTNER_AGENCY");
    for (const user of [await signedIn("PARTNER", agency.id), await signedIn("ADMIN", unit.id)]) {
      expect(await exportDashboardTable(user, "funnel", { period: "all" }, text)).toBeNull();
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
    expect(await exportDashboardTable(supervisor, "people", { period: "all" }, text)).toBeNull();
    // A part of the unit published apart could be subtracted from the whole.
    expect(await exportDashboardTable(officer, "funnel", { period: "all" }, text)).toBeNull();
    for (const filters of [
      { period: "all", route: "PARTNER_AGENCY" },
      { period: "all", officer: officer.id },
      { period: "all", violence: true },
      { period: "all", risk: "HIGH" },
    ] as const)
      expect(
        await exportDashboardTable(supervisor, "funnel", filters, text),
        JSON.stringify(filters),
      ).toBeNull();
    expect(
      await exportDashboardTable(supervisor, "funnel", { period: "last-12-months" }, text),
    ).not.toBeNull();
  });
});

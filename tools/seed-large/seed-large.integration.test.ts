import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ownerUrl } from "@/tests/support/owner-sql";
import { getDashboard } from "@/lib/dashboard/queries";
import { resolveSession, createSession } from "@/lib/auth/sessions";
import { makeOrganisation } from "@/tests/support/factories";
import { seedLarge, SYNTHETIC_SUPERVISOR, SYNTHETIC_UNIT_NAME } from "./seed-large";
import { ownerDb } from "@/tests/support/owner-db";

const quiet = { bar: () => ({ update: () => undefined, finish: () => undefined }) };

describe("the large synthetic seed", () => {
  it("refuses a database holding real data unless forced, then fills it, marked as demo data", async () => {
    await makeOrganisation("PARTNER_AGENCY", "A real agency");
    const refused = await seedLarge(ownerUrl(), { reports: 2000, ...quiet });
    expect(refused).toMatchObject({
      created: false,
      reason: expect.stringContaining("real (non-demo) organisations"),
    });
    expect(await ownerDb().incidentReport.count()).toBe(0);

    const seeded = await seedLarge(ownerUrl(), { reports: 2000, force: true, ...quiet });
    expect(seeded).toMatchObject({ created: true, reports: 2000 });
    const unit = await db().organisation.findUniqueOrThrow({ where: { name: SYNTHETIC_UNIT_NAME } });
    expect(await ownerDb().incidentReport.count({ where: { unitId: unit.id, isDemo: true } })).toBe(2000);
    expect(await ownerDb().incidentReport.count({ where: { isDemo: false } })).toBe(0);
    expect(await ownerDb().person.count({ where: { isDemo: false } })).toBe(0);
    expect(await ownerDb().caseEvent.count()).toBeGreaterThan(4000);
    expect(await ownerDb().liaisonContact.count()).toBeGreaterThan(2000);
    expect(await ownerDb().referral.count()).toBeGreaterThan(0);
  });

  it("says so, and adds nothing, when the data set is already there", async () => {
    const again = await seedLarge(ownerUrl(), { reports: 5, force: true, ...quiet });
    expect(again).toEqual({
      created: false,
      reason: "already holds a synthetic data set",
      existingReports: 2000,
    });
  });

  it("leaves summaries that agree with the records, charging and convicting at about the study's rates", async () => {
    const supervisor = await db().user.findUniqueOrThrow({ where: { email: SYNTHETIC_SUPERVISOR } });
    const user = await resolveSession(await createSession(supervisor.id));
    if (!user) throw new Error("session did not resolve");
    const d = await getDashboard(user, { period: "all" });
    const [direct] = await ownerDb().$queryRaw<{ charged: number; open: number }[]>`
      SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "CaseEvent" e WHERE e."reportId" = r.id
               AND (e.type = 'CHARGED' OR e.outcome IN ('OUTCOME_1', 'OUTCOME_1A'))))::int AS charged,
             count(*) FILTER (WHERE r.status = 'OPEN')::int AS open
      FROM "IncidentReport" r WHERE r."unitId" = ${user.unitId}::uuid`;
    expect(d?.totals).toMatchObject({ reports: 2000, charged: direct?.charged, open: direct?.open });
    expect(d?.headline.chargeRate).toBeGreaterThan(0.04);
    expect(d?.headline.chargeRate).toBeLessThan(0.1);
    expect(d?.months.length).toBeGreaterThanOrEqual(59);
  });
});

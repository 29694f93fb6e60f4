import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { getHeadlineForUnit } from "./headline";
import { makeOrganisation, makeReport, signedIn } from "@/tests/support/factories";

async function addEvent(reportId: string, data: Omit<Prisma.CaseEventUncheckedCreateInput, "reportId" | "occurredOn">) {
  await db().caseEvent.create({ data: { reportId, occurredOn: new Date("2026-04-01"), ...data } });
}

describe("the headline figures", () => {
  it("count charges and convictions once per report, in the supervisor's unit only", async () => {
    const unit = await makeOrganisation();
    const other = await makeOrganisation();
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    const reports = await Promise.all(Array.from({ length: 10 }, () => makeReport(unit.id)));
    const [a, b, c] = reports as [(typeof reports)[0], (typeof reports)[0], (typeof reports)[0]];
    // a: charged twice (two suspects) and convicted; b: charged then discontinued;
    // c: outcome 1 recorded without a separate charge event.
    await addEvent(a.id, { type: "CHARGED", offence: "Assault" });
    await addEvent(a.id, { type: "CHARGED", offence: "Robbery" });
    await addEvent(a.id, { type: "COURT_RESULT", courtResult: "CONVICTED" });
    await addEvent(b.id, { type: "CHARGED" });
    await addEvent(b.id, { type: "COURT_RESULT", courtResult: "DISCONTINUED" });
    await addEvent(c.id, { type: "OUTCOME_RECORDED", outcome: "OUTCOME_1" });
    const elsewhere = await makeReport(other.id);
    await addEvent(elsewhere.id, { type: "CHARGED" });

    const headline = await getHeadlineForUnit(supervisor);
    expect(headline).toMatchObject({ received: 10, charged: 3, convicted: 1, chargeRate: 0.3, convictionRate: 0.1 });

    // The same cohort counted by hand in SQL.
    const [direct] = await db().$queryRaw<{ charged: bigint }[]>(Prisma.sql`
      SELECT count(DISTINCT r.id) AS charged FROM "IncidentReport" r JOIN "CaseEvent" e ON e."reportId" = r.id
      WHERE r."unitId" = ${unit.id}::uuid AND (e.type = 'CHARGED' OR e.outcome = 'OUTCOME_1')`);
    expect(Number(direct?.charged)).toBe(headline?.charged);
  });

  it("is refused to officers, partners and administrators", async () => {
    const unit = await makeOrganisation();
    await makeReport(unit.id);
    for (const role of ["LIAISON_OFFICER", "PARTNER", "ADMIN"] as const) {
      expect(await getHeadlineForUnit(await signedIn(role, unit.id))).toBeNull();
    }
  });

  it("an empty unit shows no reports rather than failing", async () => {
    const unit = await makeOrganisation();
    const headline = await getHeadlineForUnit(await signedIn("SUPERVISOR", unit.id));
    expect(headline).toMatchObject({ received: 0, chargeRate: null, convictionRate: null });
  });
});

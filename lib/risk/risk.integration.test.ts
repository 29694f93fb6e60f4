import { ownerDb } from "@/tests/support/owner-db";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { assessRisk } from "./assess-risk";
import { findOverdueRiskReviews, getRiskForReport } from "./queries";
import { makeOrganisation, makeReport, makeUser, signedIn } from "@/tests/support/factories";

// A Monday in winter: London's today is 9 March 2026.
const now = new Date("2026-03-09T10:00:00Z");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const high = {
  factors: ["CURRENT_THREAT", "PERPETRATOR_KNOWN_WITH_ACCESS"],
  level: "HIGH",
  rationale: "The suspect knows where she works and has sent threats since the report.",
  safetyPlan: "Outreach team to check in daily; panic alarm fitted.",
};

describe("risk assessment", () => {
  it("an officer's assessment sets the report's current level and review in the same transaction, audited", async () => {
    const unit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const report = await makeReport(unit.id);
    const result = await assessRisk(officer, report.id, high, now);
    expect(result).toMatchObject({ status: "assessed", reviewOn: day("2026-03-16") });
    const saved = await ownerDb().riskAssessment.findMany({ where: { reportId: report.id } });
    expect(saved).toMatchObject([
      { unitId: unit.id, level: "HIGH", assessedById: officer.id, reviewOn: day("2026-03-16") },
    ]);
    expect(saved[0]?.factors.sort()).toEqual(["CURRENT_THREAT", "PERPETRATOR_KNOWN_WITH_ACCESS"]);
    const after = await ownerDb().incidentReport.findUniqueOrThrow({ where: { id: report.id } });
    expect(after).toMatchObject({
      riskLevel: "HIGH",
      riskReviewOn: day("2026-03-16"),
      version: report.version,
    });
    const audit = await db().auditEvent.findMany({ where: { action: "risk.assess", recordId: report.id } });
    expect(audit).toMatchObject([{ outcome: "SUCCESS", actorId: officer.id }]);
    expect(JSON.stringify(audit)).not.toContain("threats");
  });

  it("a reassessment becomes current, the earlier one is kept as history, and the officer's own date is used", async () => {
    const unit = await makeOrganisation();
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    const report = await makeReport(unit.id);
    await assessRisk(supervisor, report.id, high, now);
    const later = new Date("2026-03-12T10:00:00Z");
    const second = await assessRisk(
      supervisor,
      report.id,
      {
        level: "STANDARD",
        rationale: "Suspect arrested and remanded.",
        reviewOnDay: "1",
        reviewOnMonth: "4",
        reviewOnYear: "2026",
      },
      later,
    );
    expect(second).toMatchObject({ status: "assessed", reviewOn: day("2026-04-01") });
    expect(await ownerDb().incidentReport.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({
      riskLevel: "STANDARD",
      riskReviewOn: day("2026-04-01"),
    });
    const risk = await getRiskForReport(supervisor, report.id, later);
    expect(risk?.current).toMatchObject({ level: "STANDARD", factors: [], safetyPlan: null, overdue: false });
    expect(risk?.earlier).toMatchObject([{ level: "HIGH" }]);
  });

  it("refuses a missing rationale and level and a past review date, all at once, keeping what was typed", async () => {
    const unit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const report = await makeReport(unit.id);
    const result = await assessRisk(
      officer,
      report.id,
      { factors: ["HOUSING"], rationale: " ", reviewOnDay: "8", reviewOnMonth: "3", reviewOnYear: "2026" },
      now,
    );
    expect(result).toEqual({
      status: "invalid",
      values: {
        factors: "HOUSING",
        rationale: " ",
        reviewOnDay: "8",
        reviewOnMonth: "3",
        reviewOnYear: "2026",
      },
      fieldErrors: {
        level: "caseRisk.errors.level",
        rationale: "caseRisk.errors.rationaleMissing",
        reviewOnDay: "caseRisk.errors.reviewInPast",
      },
      formError: undefined,
    });
    expect(await ownerDb().riskAssessment.count({ where: { reportId: report.id } })).toBe(0);
  });

  it("refuses fields the form does not own, such as a unit or an assessor", async () => {
    const unit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const report = await makeReport(unit.id);
    const result = await assessRisk(officer, report.id, { ...high, unitId: unit.id }, now);
    expect(result).toMatchObject({ status: "invalid", formError: "caseRisk.errors.unknownField" });
    expect(await ownerDb().riskAssessment.count({ where: { reportId: report.id } })).toBe(0);
  });

  it("another unit's officer gets not found, and the refusal is audited", async () => {
    const unit = await makeOrganisation();
    const other = await makeOrganisation();
    const stranger = await signedIn("LIAISON_OFFICER", other.id);
    const report = await makeReport(unit.id);
    expect(await assessRisk(stranger, report.id, high, now)).toEqual({ status: "not-found" });
    expect(await getRiskForReport(stranger, report.id, now)).toEqual({ current: null, earlier: [] });
    expect(await ownerDb().riskAssessment.count({ where: { reportId: report.id } })).toBe(0);
    expect(await ownerDb().incidentReport.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({
      riskLevel: null,
    });
    expect(
      await db().auditEvent.findMany({ where: { action: "risk.assess", recordId: report.id } }),
    ).toMatchObject([{ outcome: "DENIED", actorId: stranger.id }]);
  });

  it("partners and administrators are refused", async () => {
    const unit = await makeOrganisation();
    const agency = await makeOrganisation("PARTNER_AGENCY");
    const report = await makeReport(unit.id);
    for (const user of [await signedIn("PARTNER", agency.id), await signedIn("ADMIN", unit.id)]) {
      expect(await assessRisk(user, report.id, high, now)).toEqual({ status: "not-found" });
      expect(await getRiskForReport(user, report.id, now)).toBeNull();
      expect(await findOverdueRiskReviews(user, now)).toEqual({ total: 0, rows: [] });
    }
    expect(await ownerDb().riskAssessment.count({ where: { reportId: report.id } })).toBe(0);
  });
});

describe("overdue risk reviews", () => {
  it("lists the unit's open reports whose review day has passed in London, the officer's own first", async () => {
    const unit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const colleague = await makeUser("LIAISON_OFFICER", unit.id);
    const other = await makeOrganisation();
    const base = { riskLevel: "HIGH" as const };
    const colleaguesHigh = await makeReport(unit.id, {
      ...base,
      riskReviewOn: day("2026-03-01"),
      assignedOfficerId: colleague.id,
    });
    const mineMedium = await makeReport(unit.id, {
      riskLevel: "MEDIUM",
      riskReviewOn: day("2026-03-05"),
      assignedOfficerId: officer.id,
    });
    const unassignedStandard = await makeReport(unit.id, {
      riskLevel: "STANDARD",
      riskReviewOn: day("2026-02-01"),
    });
    // Not overdue: due today, in the future, closed, or another unit's.
    await makeReport(unit.id, { ...base, riskReviewOn: day("2026-07-01"), assignedOfficerId: officer.id });
    await makeReport(unit.id, { ...base, riskReviewOn: day("2026-07-02") });
    await makeReport(unit.id, { ...base, riskReviewOn: day("2026-01-01"), status: "CLOSED" });
    await makeReport(other.id, { ...base, riskReviewOn: day("2026-01-01") });

    // 23:30 UTC on 30 June is 1 July in London: a review due on 30 June is now overdue.
    const midnightInSummer = new Date("2026-06-30T23:30:00Z");
    const dueYesterday = await makeReport(unit.id, {
      ...base,
      riskReviewOn: day("2026-06-30"),
      assignedOfficerId: officer.id,
    });
    const { total, rows } = await findOverdueRiskReviews(officer, midnightInSummer);
    expect(total).toBe(4);
    expect(rows.map((r) => r.reportId)).toEqual([
      dueYesterday.id,
      mineMedium.id,
      colleaguesHigh.id,
      unassignedStandard.id,
    ]);
    expect(rows.map((r) => r.mine)).toEqual([true, true, false, false]);

    // An hour earlier it is still 30 June in London, and that review is due today.
    const before = await findOverdueRiskReviews(officer, new Date("2026-06-30T22:30:00Z"));
    expect(before.rows.map((r) => r.reportId)).not.toContain(dueYesterday.id);
    expect(before.total).toBe(3);
  });
});

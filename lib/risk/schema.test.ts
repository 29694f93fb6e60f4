import { describe, expect, it } from "vitest";
import { parseRiskAssessment } from "./schema";

const today = new Date("2026-03-09T00:00:00Z");
const base = { level: "MEDIUM", rationale: "Known client has returned." };

describe("the risk assessment form", () => {
  it("a blank review date takes the usual one for the level", () => {
    const parsed = parseRiskAssessment(base, today);
    expect(parsed).toMatchObject({ ok: true, input: { reviewOn: new Date("2026-04-06T00:00:00Z") } });
  });

  it("keeps each factor once, and line breaks as typed", () => {
    const parsed = parseRiskAssessment(
      { ...base, factors: ["HOUSING", "HOUSING", "ISOLATION"], safetyPlan: "One\r\nTwo" },
      today,
    );
    expect(parsed).toMatchObject({
      ok: true,
      input: { factors: ["HOUSING", "ISOLATION"], safetyPlan: "One\nTwo" },
    });
  });

  it("refuses an unknown factor or level, and an impossible date", () => {
    const parsed = parseRiskAssessment(
      {
        factors: ["LUCK"],
        level: "SEVERE",
        rationale: "x",
        reviewOnDay: "31",
        reviewOnMonth: "4",
        reviewOnYear: "2026",
      },
      today,
    );
    expect(parsed).toEqual({
      ok: false,
      fieldErrors: {
        factors: "caseRisk.errors.factors",
        level: "caseRisk.errors.level",
        reviewOnDay: "caseRisk.errors.reviewOnInvalid",
      },
    });
  });

  it("refuses control characters and over-long text", () => {
    const parsed = parseRiskAssessment(
      { ...base, rationale: "a\u0000b", safetyPlan: "x".repeat(4001) },
      today,
    );
    expect(parsed).toEqual({
      ok: false,
      fieldErrors: { rationale: "caseRisk.errors.controlCharacters", safetyPlan: "caseRisk.errors.tooLong" },
    });
  });
});

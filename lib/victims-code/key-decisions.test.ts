import { describe, expect, it } from "vitest";
import { CaseEventType } from "@/lib/generated/prisma/enums";
import { KEY_DECISIONS, opensVictimUpdate } from "./key-decisions";

describe("right 6 is owed once per report and per decision", () => {
  it("each key decision opens one update, and nothing else does (lifecycle events included)", () => {
    for (const type of Object.values(CaseEventType))
      expect(
        opensVictimUpdate([], { type, outcome: type === "OUTCOME_RECORDED" ? "OUTCOME_16" : null }),
      ).toBe(KEY_DECISIONS.includes(type));
    expect(opensVictimUpdate([], { type: "REPORT_CLOSED" })).toBe(false);
  });

  it("a charge and its outcome 1 or 1A are one decision", () => {
    const charged = [{ type: "CHARGED" as const }];
    expect(opensVictimUpdate(charged, { type: "OUTCOME_RECORDED", outcome: "OUTCOME_1" })).toBe(false);
    expect(opensVictimUpdate(charged, { type: "OUTCOME_RECORDED", outcome: "OUTCOME_1A" })).toBe(false);
    expect(opensVictimUpdate([], { type: "OUTCOME_RECORDED", outcome: "OUTCOME_1" })).toBe(true);
  });

  it("outcome 20, recorded only once the person was made aware, opens none", () => {
    expect(
      opensVictimUpdate([], { type: "OUTCOME_RECORDED", outcome: "OUTCOME_20", personInformed: true }),
    ).toBe(false);
    expect(opensVictimUpdate([], { type: "OUTCOME_RECORDED", outcome: "OUTCOME_21" })).toBe(true);
  });
});

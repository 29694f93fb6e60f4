import { describe, expect, it } from "vitest";
import { CaseEventType } from "@/lib/generated/prisma/enums";
import { KEY_DECISIONS } from "./key-decisions";
import { decisionNotice } from "./decision-notice";

describe("the key-decision notice on the case event page", () => {
  it("says nothing for events that are not key decisions, lifecycle events included", () => {
    for (const type of Object.values(CaseEventType).filter((t) => !KEY_DECISIONS.includes(t)))
      expect(decisionNotice(type, [], false), type).toBeNull();
    expect(decisionNotice("REPORT_CLOSED", [{ type: "CHARGED" }], true)).toBeNull();
  });

  it("gives the time allowed for a key decision: 5 working days, or 1 with enhanced rights", () => {
    expect(decisionNotice("ARRESTED", [], false)).toEqual({ kind: "opens", days: 5 });
    expect(decisionNotice("CHARGED", [], true)).toEqual({ kind: "opens", days: 1 });
  });

  it("before a charge, an outcome opens an update unless it is outcome 20 (the person was told)", () => {
    expect(decisionNotice("OUTCOME_RECORDED", [{ type: "CRIME_RECORDED" }], false)).toEqual({
      kind: "outcomeOpens",
      days: 5,
      exceptInformed: ["OUTCOME_20"],
    });
  });

  it("after a charge, the outcome (1 or 1A) is the charge's decision and opens no new update", () => {
    const trail = [{ type: "CRIME_RECORDED" as const }, { type: "CHARGED" as const }];
    expect(decisionNotice("OUTCOME_RECORDED", trail, true)).toEqual({ kind: "outcomeAfterCharge" });
  });
});

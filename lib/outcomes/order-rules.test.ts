import { describe, expect, it } from "vitest";
import { checkEventOrder, type TrailEvent } from "./order-rules";
import type { CaseEventInput } from "./schema";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

function event(overrides: Partial<CaseEventInput>): CaseEventInput {
  return {
    type: "ARRESTED",
    occurredOn: day("2026-05-01"),
    dateExplanation: null,
    crimeReference: null,
    releaseType: null,
    offence: null,
    outcome: null,
    withdrawalReasons: [],
    courtResult: null,
    sentence: null,
    notes: null,
    personInformed: null,
    ...overrides,
  };
}

const charged: TrailEvent = { type: "CHARGED", occurredOn: day("2026-04-01"), courtResult: null };
const convicted: TrailEvent = {
  type: "COURT_RESULT",
  occurredOn: day("2026-04-20"),
  courtResult: "CONVICTED",
};
const acquitted: TrailEvent = {
  type: "COURT_RESULT",
  occurredOn: day("2026-04-20"),
  courtResult: "ACQUITTED",
};
const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

describe("the outcome trail stays in a possible order", () => {
  it("no court result without a charge", () => {
    const result = event({ type: "COURT_RESULT", courtResult: "CONVICTED" });
    expect(fields(checkEventOrder(result, { incidentOn: null, events: [] }))).toEqual(["courtResult"]);
    expect(checkEventOrder(result, { incidentOn: null, events: [charged] })).toEqual([]);
  });

  it("a charge dated after the court result does not count", () => {
    const result = event({ type: "COURT_RESULT", courtResult: "CONVICTED", occurredOn: day("2026-03-01") });
    expect(fields(checkEventOrder(result, { incidentOn: null, events: [charged] }))).toEqual(["courtResult"]);
  });

  it("a charge and its court result may share a day", () => {
    const result = event({ type: "COURT_RESULT", courtResult: "CONVICTED", occurredOn: day("2026-04-01") });
    expect(checkEventOrder(result, { incidentOn: null, events: [charged] })).toEqual([]);
  });

  it("outcome 1 (charged) needs the charge on the trail", () => {
    const outcome = event({ type: "OUTCOME_RECORDED", outcome: "OUTCOME_1" });
    expect(fields(checkEventOrder(outcome, { incidentOn: null, events: [] }))).toEqual(["outcome"]);
    expect(checkEventOrder(outcome, { incidentOn: null, events: [charged] })).toEqual([]);
    expect(
      checkEventOrder(event({ type: "OUTCOME_RECORDED", outcome: "OUTCOME_16" }), {
        incidentOn: null,
        events: [],
      }),
    ).toEqual([]);
  });

  it("a sentence only follows a conviction", () => {
    const sentence = event({ type: "SENTENCE", sentence: "Community order" });
    expect(fields(checkEventOrder(sentence, { incidentOn: null, events: [charged, acquitted] }))).toEqual([
      "sentence",
    ]);
    expect(checkEventOrder(sentence, { incidentOn: null, events: [charged, convicted] })).toEqual([]);
  });

  it("no date before the incident, unless explained", () => {
    const early = event({ occurredOn: day("2026-02-01") });
    const context = { incidentOn: day("2026-03-01"), events: [] };
    expect(fields(checkEventOrder(early, context))).toEqual(["occurredOn"]);
    expect(
      checkEventOrder(
        { ...early, dateExplanation: "Arrested for an earlier offence against the same person" },
        context,
      ),
    ).toEqual([]);
    expect(checkEventOrder(event({ occurredOn: day("2026-03-01") }), context)).toEqual([]);
  });

  it("with no incident date known, any past date is possible", () => {
    expect(
      checkEventOrder(event({ occurredOn: day("2001-01-01") }), { incidentOn: null, events: [] }),
    ).toEqual([]);
  });
});

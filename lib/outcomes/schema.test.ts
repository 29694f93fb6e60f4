import { describe, expect, it } from "vitest";
import { parseCaseEvent, parseDayMonthYear } from "./schema";

const today = new Date("2026-06-15T00:00:00Z");
const on = { occurredOnDay: "10", occurredOnMonth: "6", occurredOnYear: "2026" };

function errorsOf(raw: unknown) {
  const result = parseCaseEvent(raw, today);
  return result.ok ? {} : result.fieldErrors;
}

describe("dates typed as day, month and year", () => {
  it("accepts a real date and refuses impossible ones", () => {
    expect(parseDayMonthYear("29", "2", "2028")).toEqual(new Date("2028-02-29T00:00:00Z"));
    expect(parseDayMonthYear("29", "2", "2027")).toBe("invalid");
    expect(parseDayMonthYear("31", "4", "2026")).toBe("invalid");
    expect(parseDayMonthYear("1", "13", "2026")).toBe("invalid");
    expect(parseDayMonthYear("a", "1", "2026")).toBe("invalid");
    expect(parseDayMonthYear("", " ", "")).toBe("missing");
  });
});

describe("recording a case event", () => {
  it("a crime recorded needs its crime reference", () => {
    expect(errorsOf({ type: "CRIME_RECORDED", ...on })).toEqual({
      crimeReference: "caseEvents.errors.crimeReference",
    });
    const result = parseCaseEvent({ type: "CRIME_RECORDED", ...on, crimeReference: " CR/123/26 " }, today);
    expect(result).toMatchObject({
      ok: true,
      input: { crimeReference: "CR/123/26", occurredOn: new Date("2026-06-10T00:00:00Z") },
    });
  });

  it("reports every missing answer at once, with the date", () => {
    expect(errorsOf({ type: "RELEASED" })).toEqual({
      occurredOn: "caseEvents.errors.dateMissing",
      releaseType: "caseEvents.errors.releaseType",
    });
  });

  it("refuses a date in the future", () => {
    expect(
      errorsOf({ type: "ARRESTED", occurredOnDay: "16", occurredOnMonth: "6", occurredOnYear: "2026" }),
    ).toEqual({
      occurredOn: "caseEvents.errors.dateInFuture",
    });
  });

  it("a charge names the offence; a release says which kind", () => {
    expect(errorsOf({ type: "CHARGED", ...on, offence: "  " })).toEqual({
      offence: "caseEvents.errors.offence",
    });
    expect(errorsOf({ type: "RELEASED", ...on, releaseType: "PAROLE" })).toEqual({
      releaseType: "caseEvents.errors.releaseType",
    });
  });

  it("outcome 16 needs the reasons the person did not support action, and words for 'other'", () => {
    const outcome16 = { type: "OUTCOME_RECORDED", ...on, outcome: "OUTCOME_16" };
    expect(errorsOf(outcome16)).toEqual({ withdrawalReasons: "caseEvents.errors.withdrawalReasons" });
    expect(errorsOf({ ...outcome16, withdrawalReasons: ["FEAR_OF_REPERCUSSIONS", "OTHER"] })).toEqual({
      otherReason: "caseEvents.errors.otherReason",
    });
    const result = parseCaseEvent(
      { ...outcome16, withdrawalReasons: ["OTHER", "OTHER"], otherReason: "Moving away" },
      today,
    );
    expect(result).toMatchObject({ ok: true, input: { withdrawalReasons: ["OTHER"], notes: "Moving away" } });
  });

  it("outcome 14 needs reasons too, but other outcomes keep none", () => {
    expect(errorsOf({ type: "OUTCOME_RECORDED", ...on, outcome: "OUTCOME_14" })).toHaveProperty(
      "withdrawalReasons",
    );
    const result = parseCaseEvent(
      {
        type: "OUTCOME_RECORDED",
        ...on,
        outcome: "OUTCOME_18",
        withdrawalReasons: ["DISTRUST_OF_POLICE"],
        rationale: "x",
      },
      today,
    );
    expect(result).toMatchObject({
      ok: true,
      input: { withdrawalReasons: [], notes: null, personInformed: null },
    });
  });

  it("outcome 20 needs a record that the person was made aware of the other body's action", () => {
    const outcome20 = { type: "OUTCOME_RECORDED", ...on, outcome: "OUTCOME_20" };
    expect(errorsOf(outcome20)).toEqual({ personInformed: "caseEvents.errors.personInformed" });
    expect(parseCaseEvent({ ...outcome20, personInformed: "yes" }, today)).toMatchObject({
      ok: true,
      input: { personInformed: true, notes: null },
    });
  });

  it("outcome 21 needs a rationale, and no longer asks whether the person was told", () => {
    const outcome21 = { type: "OUTCOME_RECORDED", ...on, outcome: "OUTCOME_21" };
    expect(errorsOf(outcome21)).toEqual({ rationale: "caseEvents.errors.rationale" });
    const result = parseCaseEvent(
      { ...outcome21, rationale: "Not proportionate", personInformed: "yes" },
      today,
    );
    expect(result).toMatchObject({ ok: true, input: { notes: "Not proportionate", personInformed: null } });
  });

  it("outcome 22 records the diversionary activity completed", () => {
    const outcome22 = { type: "OUTCOME_RECORDED", ...on, outcome: "OUTCOME_22" };
    expect(errorsOf(outcome22)).toEqual({ diversionaryActivity: "lifecycle.errors.diversionaryActivity" });
    expect(parseCaseEvent({ ...outcome22, diversionaryActivity: "Awareness course" }, today)).toMatchObject({
      ok: true,
      input: { diversionaryActivity: "Awareness course" },
    });
  });

  it("an outcome may record the crime in the same step, with its reference and date", () => {
    const outcome18 = { type: "OUTCOME_RECORDED", ...on, outcome: "OUTCOME_18" };
    expect(parseCaseEvent(outcome18, today)).toMatchObject({
      ok: true,
      input: { crimeReference: null, crimeRecordedOn: null },
    });
    expect(errorsOf({ ...outcome18, crimeReference: "CR/1/26" })).toEqual({
      crimeRecordedOn: "caseEvents.errors.dateMissing",
    });
    expect(
      errorsOf({
        ...outcome18,
        crimeRecordedOnDay: "1",
        crimeRecordedOnMonth: "6",
        crimeRecordedOnYear: "2026",
      }),
    ).toEqual({ crimeReference: "caseEvents.errors.crimeReference" });
    expect(
      parseCaseEvent(
        {
          ...outcome18,
          crimeReference: "CR/1/26",
          crimeRecordedOnDay: "1",
          crimeRecordedOnMonth: "6",
          crimeRecordedOnYear: "2026",
        },
        today,
      ),
    ).toMatchObject({
      ok: true,
      input: { crimeReference: "CR/1/26", crimeRecordedOn: new Date("2026-06-01T00:00:00Z") },
    });
  });

  it("the lifecycle events are not offered by the event form", () => {
    for (const type of ["REPORT_CLOSED", "REPORT_REOPENED", "ENHANCED_RIGHTS_CHANGED"])
      expect(errorsOf({ type, ...on })).toHaveProperty("type", "caseEvents.errors.type");
  });

  it("keeps only the fields the event type owns", () => {
    const result = parseCaseEvent(
      {
        type: "ARRESTED",
        ...on,
        offence: "Robbery",
        crimeReference: "X",
        courtResult: "CONVICTED",
        sentence: "s",
      },
      today,
    );
    expect(result).toMatchObject({
      ok: true,
      input: { offence: null, crimeReference: null, courtResult: null, sentence: null },
    });
  });

  it("refuses fields the form does not have, and a change of wishes", () => {
    expect(errorsOf({ type: "ARRESTED", ...on, reportId: "x" })).toHaveProperty(
      "type",
      "caseEvents.errors.unknownField",
    );
    expect(errorsOf({ type: "PERSON_WANTS_CHANGED", ...on })).toHaveProperty(
      "type",
      "caseEvents.errors.type",
    );
  });

  it("refuses text that is too long and values of the wrong type", () => {
    expect(errorsOf({ type: "CHARGED", ...on, offence: "x".repeat(201) })).toEqual({
      offence: "caseEvents.errors.tooLong",
    });
    expect(errorsOf({ type: "CHARGED", ...on, offence: 42 })).toHaveProperty("offence");
    expect(errorsOf(null)).toHaveProperty("type");
  });
});

import { describe, expect, it } from "vitest";
import { CaseEventType, HomeOfficeOutcome } from "@/lib/generated/prisma/enums";
import {
  checkTrailEvent,
  finishesTrail,
  statusOfTrail,
  type ProposedEvent,
  type TrailContext,
  type TrailEvent,
} from "./trail-rules";

const day = (d: number) => new Date(Date.UTC(2026, 3, d));
const ev = (type: CaseEventType, d: number, extra: Partial<TrailEvent> = {}): TrailEvent => ({
  type,
  occurredOn: day(d),
  ...extra,
});
const crime = ev("CRIME_RECORDED", 2);
const suspect = ev("SUSPECT_IDENTIFIED", 3);
const charged = ev("CHARGED", 4);
const outcome = (o: HomeOfficeOutcome, d = 5) => ev("OUTCOME_RECORDED", d, { outcome: o });
const court = (r: "CONVICTED" | "ACQUITTED" | "DISCONTINUED", d = 6) =>
  ev("COURT_RESULT", d, { courtResult: r });
const closedBySupervisor = ev("REPORT_CLOSED", 3, { closeReason: "INTELLIGENCE_ONLY" });
const reopened = ev("REPORT_REOPENED", 8);

// What each outcome needs besides the trail, so the trail rows test the trail alone.
const content = { personInformed: true, notes: "Rationale", diversionaryActivity: "Course completed" };
const ctx = (...events: TrailEvent[]): TrailContext => ({ incidentOn: day(1), events });
const reasons = (context: TrailContext, event: ProposedEvent) =>
  checkTrailEvent(context, event).map((p) => `${p.field}: ${p.reason.split(".").at(-1)}`);

const ok: string[] = [];
const short = (s: string) => [s];

// Every event type, dated after everything else, on four trails: nothing but a recorded crime;
// after a charge; on a report a supervisor closed; on a report closed by outcome 1 and a
// conviction. A type added to the enum fails to compile here until its row is written.
const TYPE_TABLE: Record<CaseEventType, [string[], string[], string[], string[]]> = {
  CRIME_RECORDED: [ok, ok, short("type: reportClosed"), short("type: reportClosed")],
  SUSPECT_IDENTIFIED: [
    ok,
    short("type: afterCharge"),
    short("type: reportClosed"),
    short("type: reportClosed"),
  ],
  ARRESTED: [ok, short("type: afterCharge"), short("type: reportClosed"), short("type: reportClosed")],
  INTERVIEWED_UNDER_CAUTION: [
    ok,
    short("type: afterCharge"),
    short("type: reportClosed"),
    short("type: reportClosed"),
  ],
  RELEASED: [ok, ok, short("type: reportClosed"), short("type: reportClosed")],
  DECISION_NOT_TO_INVESTIGATE: [
    ok,
    short("type: afterCharge"),
    short("type: reportClosed"),
    short("type: reportClosed"),
  ],
  PERSON_WANTS_CHANGED: [ok, ok, ok, ok],
  FILE_TO_CPS: [ok, ok, short("type: reportClosed"), short("type: reportClosed")],
  CHARGED: [ok, ok, short("type: reportClosed"), short("type: reportClosed")],
  // Outcome 16 (needs a suspect; refused after a charge, which keeps outcome 1).
  OUTCOME_RECORDED: [
    short("outcome: outcomeNeedsSuspect"),
    short("outcome: chargedKeepsOutcome1"),
    short("type: reportClosed"),
    short("type: reportClosed"),
  ],
  COURT_RESULT: [
    short("courtResult: courtResultNeedsCharge"),
    ok,
    short("type: reportClosed"),
    short("type: reportClosed"),
  ],
  // A sentence after a conviction may follow even once the conviction has closed the case.
  SENTENCE: [
    short("sentence: sentenceNeedsConviction"),
    short("sentence: sentenceNeedsConviction"),
    short("type: reportClosed"),
    ok,
  ],
  REPORT_CLOSED: [ok, ok, short("type: alreadyClosed"), short("type: alreadyClosed")],
  REPORT_REOPENED: [short("type: notClosed"), short("type: notClosed"), ok, ok],
  ENHANCED_RIGHTS_CHANGED: [ok, ok, ok, ok],
};

describe("every event type on every kind of trail", () => {
  it("the table lists every event type", () => {
    expect(Object.keys(TYPE_TABLE).sort()).toEqual(Object.values(CaseEventType).sort());
  });
  const trails: [string, TrailContext][] = [
    ["a recorded crime", ctx(crime)],
    ["a charge", ctx(crime, charged)],
    ["a supervisor's closing", ctx(crime, closedBySupervisor)],
    [
      "outcome 1 and a conviction",
      ctx(
        crime,
        charged,
        outcome("OUTCOME_1"),
        court("CONVICTED"),
        ev("REPORT_CLOSED", 6, { closeReason: "FINAL_OUTCOME" }),
      ),
    ],
  ];
  for (const type of Object.values(CaseEventType)) {
    trails.forEach(([name, context], i) => {
      it(`${type} after ${name}`, () => {
        const event: ProposedEvent = {
          ...ev(type, 9),
          outcome: type === "OUTCOME_RECORDED" ? "OUTCOME_16" : null,
          courtResult: type === "COURT_RESULT" ? "CONVICTED" : null,
        };
        expect(reasons(context, event)).toEqual(TYPE_TABLE[type][i]);
      });
    });
  }
});

// Every outcome on five trails: no crime recorded (nor recorded in the same step); a crime
// only; a crime and an identified suspect; a crime and an arrest; a crime and a charge.
const NEEDS_CRIME = "crimeReference: outcomeNeedsCrime";
const NEEDS_SUSPECT = "outcome: outcomeNeedsSuspect";
const NO_SUSPECT = "outcome: noSuspectAfterSuspect";
const NEEDS_CHARGE = "outcome: outcomeNeedsCharge";
const KEEPS_1 = "outcome: chargedKeepsOutcome1";
type Row = [string[], string[], string[], string[], string[]];
const suspectRow: Row = [[NEEDS_CRIME, NEEDS_SUSPECT], [NEEDS_SUSPECT], [], [], [KEEPS_1]];
const noSuspectRow: Row = [[NEEDS_CRIME], [], [NO_SUSPECT], [NO_SUSPECT], [KEEPS_1]];
const anyRow: Row = [[NEEDS_CRIME], [], [], [], [KEEPS_1]];
const chargeRow: Row = [[NEEDS_CRIME, NEEDS_CHARGE], [NEEDS_CHARGE], [NEEDS_CHARGE], [NEEDS_CHARGE], []];
const OUTCOME_TABLE: Record<HomeOfficeOutcome, Row> = {
  OUTCOME_1: chargeRow,
  OUTCOME_1A: chargeRow,
  OUTCOME_2: suspectRow,
  OUTCOME_3: suspectRow,
  OUTCOME_4: suspectRow,
  OUTCOME_5: suspectRow,
  OUTCOME_6: suspectRow,
  OUTCOME_7: suspectRow,
  OUTCOME_8: suspectRow,
  OUTCOME_9: suspectRow,
  OUTCOME_10: suspectRow,
  OUTCOME_11: suspectRow,
  OUTCOME_12: suspectRow,
  OUTCOME_13: suspectRow,
  OUTCOME_14: noSuspectRow,
  OUTCOME_15: suspectRow,
  OUTCOME_16: suspectRow,
  OUTCOME_17: suspectRow,
  OUTCOME_18: noSuspectRow,
  OUTCOME_19: anyRow,
  OUTCOME_20: anyRow,
  OUTCOME_21: anyRow,
  OUTCOME_22: suspectRow,
};

describe("every outcome against what the trail holds", () => {
  const trails: [string, TrailEvent[]][] = [
    ["no recorded crime", []],
    ["a recorded crime", [crime]],
    ["an identified suspect", [crime, suspect]],
    ["an arrest", [crime, ev("ARRESTED", 3)]],
    ["a charge", [crime, charged]],
  ];
  for (const o of Object.values(HomeOfficeOutcome)) {
    trails.forEach(([name, events], i) => {
      it(`${o} after ${name}`, () => {
        const got = reasons(ctx(...events), { ...outcome(o, 9), ...content });
        expect(got).toEqual(OUTCOME_TABLE[o][i]);
      });
    });
  }

  it("an outcome may record the crime in the same step, dated on or before the outcome", () => {
    expect(reasons(ctx(), { ...outcome("OUTCOME_18", 9), recordsCrimeOn: day(9) })).toEqual([]);
    expect(reasons(ctx(), { ...outcome("OUTCOME_18", 9), recordsCrimeOn: day(10) })).toEqual([
      "crimeRecordedOn: crimeAfterOutcome",
    ]);
  });

  it("an outcome dated before the crime was recorded is refused", () => {
    expect(
      reasons(ctx(ev("CRIME_RECORDED", 9)), { ...outcome("OUTCOME_18", 9), dateExplanation: "x" }),
    ).toEqual([]);
    expect(
      reasons(ctx(ev("CRIME_RECORDED", 9)), { ...outcome("OUTCOME_18", 8), dateExplanation: "x" }),
    ).toEqual(["occurredOn: outcomeBeforeCrime"]);
  });

  it("an outcome that implies a suspect counts as identifying one", () => {
    // Outcome 16 recorded, the report reopened: a 'no suspect' outcome cannot follow.
    const trail = ctx(
      crime,
      suspect,
      outcome("OUTCOME_16"),
      ev("REPORT_CLOSED", 5, { closeReason: "FINAL_OUTCOME" }),
      reopened,
    );
    expect(reasons(trail, { ...outcome("OUTCOME_18", 9) })).toEqual([NO_SUSPECT]);
  });
});

describe("what outcomes 20, 21 and 22 must carry", () => {
  const trail = ctx(crime, suspect);
  it("20 needs the record that the person was made aware", () => {
    expect(reasons(trail, outcome("OUTCOME_20", 9))).toEqual(["personInformed: personInformed"]);
    expect(reasons(trail, { ...outcome("OUTCOME_20", 9), personInformed: true })).toEqual([]);
  });
  it("21 needs the rationale, and no longer the person informed", () => {
    expect(reasons(trail, { ...outcome("OUTCOME_21", 9), notes: "  " })).toEqual(["rationale: rationale"]);
    expect(reasons(trail, { ...outcome("OUTCOME_21", 9), notes: "Not proportionate" })).toEqual([]);
  });
  it("22 needs the diversionary activity completed", () => {
    expect(reasons(trail, outcome("OUTCOME_22", 9))).toEqual(["diversionaryActivity: diversionaryActivity"]);
  });
});

describe("the outcome is final", () => {
  it("a second outcome is refused while the first stands, and a court result does not change it", () => {
    const trail = ctx(crime, charged, outcome("OUTCOME_1"));
    expect(reasons(trail, outcome("OUTCOME_1A", 9))).toEqual(["outcome: outcomeAlreadyRecorded"]);
    expect(reasons(trail, { ...ev("COURT_RESULT", 9), courtResult: "DISCONTINUED" })).toEqual([]);
  });
  it("a reopened report may take a new outcome, but a charged crime keeps outcome 1", () => {
    const finished = [
      crime,
      outcome("OUTCOME_18", 3),
      ev("REPORT_CLOSED", 3, { closeReason: "FINAL_OUTCOME" }),
    ];
    expect(reasons(ctx(...finished, reopened, ev("CHARGED", 8)), outcome("OUTCOME_1", 9))).toEqual([]);
    const charged1 = [crime, charged, outcome("OUTCOME_1"), court("ACQUITTED")];
    const closed = ev("REPORT_CLOSED", 6, { closeReason: "FINAL_OUTCOME" });
    expect(reasons(ctx(...charged1, closed, reopened), outcome("OUTCOME_1A", 9))).toEqual([
      "outcome: outcomeAlreadyRecorded",
    ]);
  });
});

describe("dates", () => {
  it("an event before the incident or before the trail's latest event needs an explanation", () => {
    expect(reasons(ctx(), ev("ARRESTED", 0))).toEqual(["occurredOn: beforeIncident"]);
    expect(reasons(ctx(crime, ev("ARRESTED", 5)), ev("SUSPECT_IDENTIFIED", 4))).toEqual([
      "occurredOn: outOfOrder",
    ]);
    expect(
      reasons(ctx(crime, ev("ARRESTED", 5)), {
        ...ev("SUSPECT_IDENTIFIED", 4),
        dateExplanation: "Late entry",
      }),
    ).toEqual([]);
    expect(reasons(ctx(crime, ev("ARRESTED", 5)), ev("INTERVIEWED_UNDER_CAUTION", 5))).toEqual([]);
  });
  it("a step dated before the charge is not 'after a charge' (a late entry, explained)", () => {
    expect(reasons(ctx(crime, charged), { ...ev("ARRESTED", 3), dateExplanation: "Entered late" })).toEqual(
      [],
    );
  });
  it("a charge and its court result may share a day; a charge dated after it does not count", () => {
    expect(reasons(ctx(crime, charged), { ...ev("COURT_RESULT", 4), courtResult: "CONVICTED" })).toEqual([]);
    expect(
      reasons(ctx(crime, ev("CHARGED", 9)), {
        ...ev("COURT_RESULT", 8),
        courtResult: "CONVICTED",
        dateExplanation: "x",
      }),
    ).toEqual(["courtResult: courtResultNeedsCharge"]);
  });
  it("with no incident date known, any past date is possible", () => {
    expect(checkTrailEvent({ incidentOn: null, events: [] }, ev("ARRESTED", -300))).toEqual([]);
  });
});

describe("what the trail says of the report's status", () => {
  const closes = (trail: TrailEvent[], event: TrailEvent) => finishesTrail(trail, event);
  it("a final outcome closes; outcome 1 waits for the court result, whatever it is", () => {
    expect(closes([crime, suspect], outcome("OUTCOME_16"))).toBe(true);
    expect(closes([crime, charged], outcome("OUTCOME_1"))).toBe(false);
    for (const r of ["CONVICTED", "ACQUITTED", "DISCONTINUED"] as const)
      expect(closes([crime, charged, outcome("OUTCOME_1")], court(r))).toBe(true);
    // A court result recorded first closes when outcome 1 follows.
    expect(closes([crime, charged, court("CONVICTED")], outcome("OUTCOME_1", 7))).toBe(true);
    expect(closes([crime, charged], court("CONVICTED"))).toBe(false);
  });
  it("the latest closing or reopening decides, and a final outcome needs a closing written", () => {
    expect(statusOfTrail([crime, suspect])).toEqual({
      status: "OPEN",
      closeReason: null,
      unclosedFinalEvent: null,
    });
    const final = outcome("OUTCOME_16");
    expect(statusOfTrail([crime, suspect, final])).toEqual({
      status: "CLOSED",
      closeReason: "FINAL_OUTCOME",
      unclosedFinalEvent: final,
    });
    const closed = ev("REPORT_CLOSED", 5, { closeReason: "FINAL_OUTCOME" });
    expect(statusOfTrail([crime, suspect, final, closed]).unclosedFinalEvent).toBeNull();
    expect(statusOfTrail([crime, suspect, final, closed, reopened]).status).toBe("OPEN");
    expect(statusOfTrail([crime, closedBySupervisor])).toMatchObject({
      status: "CLOSED",
      closeReason: "INTELLIGENCE_ONLY",
    });
  });
  it("an outcome and the closing it causes, written together on one day, sort in that order", () => {
    const at = new Date("2026-04-05T10:00:00Z");
    const closed = ev("REPORT_CLOSED", 5, { closeReason: "FINAL_OUTCOME", createdAt: at });
    expect(statusOfTrail([closed, { ...outcome("OUTCOME_16"), createdAt: at }, crime, suspect]).status).toBe(
      "CLOSED",
    );
    expect(
      statusOfTrail([closed, { ...outcome("OUTCOME_16"), createdAt: at }, crime, suspect]).unclosedFinalEvent,
    ).toBeNull();
  });
});

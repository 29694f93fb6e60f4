// How an outcome trail may run, as the Home Office Counting Rules (HOCR) count it: given the
// trail so far and a proposed event, whether the event may follow, or which field is wrong
// and why (a message key). Also what a trail says of the report's status: a final outcome
// closes it, a supervisor's decision closes it, a reopening opens it again.
// Pure logic, so the rules are tested as a table without a database.
//
// Decisions the counting rules leave to us (see docs/decisions/007-outcome-trail-rules.md):
// - Re-outcoming: once reopened, a report may take a new outcome (HOCR lets a finalised
//   crime be re-investigated and re-outcomed when new information arrives), except that a
//   charged crime keeps outcome 1/1A for good.
// - A sentence may still be recorded on a report closed by its conviction: sentencing is
//   often at a later hearing, and it changes neither the outcome nor the status.
import type {
  CaseEventType,
  CloseReason,
  CourtResult,
  HomeOfficeOutcome,
  ReportStatus,
} from "@/lib/generated/prisma/enums";
import { CaseEventType as EventTypes } from "@/lib/generated/prisma/enums";

export type TrailEvent = {
  type: CaseEventType;
  occurredOn: Date;
  outcome?: HomeOfficeOutcome | null;
  courtResult?: CourtResult | null;
  closeReason?: CloseReason | null;
  // When it was written: orders events dated the same day.
  createdAt?: Date;
};

export type ProposedEvent = TrailEvent & {
  dateExplanation?: string | null;
  // Outcome 20: the person was made aware of the other body's action.
  personInformed?: boolean | null;
  // Outcome 21's rationale is kept in the notes.
  notes?: string | null;
  diversionaryActivity?: string | null;
  // An outcome that records the crime in the same step: the date it was recorded.
  recordsCrimeOn?: Date | null;
};

export type TrailContext = {
  // The date the incident happened (the start of the period when approximate), if known.
  incidentOn: Date | null;
  events: readonly TrailEvent[];
};

// The fields a rule can point at: the case event form's fields, plus the form as a whole.
export type TrailField =
  | "type"
  | "occurredOn"
  | "outcome"
  | "crimeReference"
  | "crimeRecordedOn"
  | "courtResult"
  | "sentence"
  | "personInformed"
  | "rationale"
  | "diversionaryActivity";

export type TrailProblem = { field: TrailField; reason: string };

const E = "caseEvents.errors";
const L = "lifecycle.errors";

export const LIFECYCLE_EVENTS: readonly CaseEventType[] = [
  "REPORT_CLOSED",
  "REPORT_REOPENED",
  "ENHANCED_RIGHTS_CHANGED",
];
// Records about the person rather than the investigation: they may be written at any time.
const ALWAYS_ALLOWED: readonly CaseEventType[] = ["ENHANCED_RIGHTS_CHANGED", "PERSON_WANTS_CHANGED"];
// Each of these means a suspect has been identified.
export const SUSPECT_EVENTS: readonly CaseEventType[] = [
  "SUSPECT_IDENTIFIED",
  "ARRESTED",
  "INTERVIEWED_UNDER_CAUTION",
  "RELEASED",
  "CHARGED",
];
// Investigation steps that cannot come after a charge (a later-dated late entry can).
const BEFORE_CHARGE_ONLY: readonly CaseEventType[] = [
  "SUSPECT_IDENTIFIED",
  "ARRESTED",
  "INTERVIEWED_UNDER_CAUTION",
  "DECISION_NOT_TO_INVESTIGATE",
];
export const CHARGE_OUTCOMES: readonly HomeOfficeOutcome[] = ["OUTCOME_1", "OUTCOME_1A"];
export const NO_SUSPECT_OUTCOMES: readonly HomeOfficeOutcome[] = ["OUTCOME_14", "OUTCOME_18"];
// Cautions, penalties, prosecution prevented or not in the public interest, evidential
// difficulties with a named suspect, time limits, diversion: each implies a suspect.
export const SUSPECT_OUTCOMES: readonly HomeOfficeOutcome[] = [
  "OUTCOME_2",
  "OUTCOME_3",
  "OUTCOME_4",
  "OUTCOME_5",
  "OUTCOME_6",
  "OUTCOME_7",
  "OUTCOME_8",
  "OUTCOME_9",
  "OUTCOME_10",
  "OUTCOME_11",
  "OUTCOME_12",
  "OUTCOME_13",
  "OUTCOME_15",
  "OUTCOME_16",
  "OUTCOME_17",
  "OUTCOME_22",
];
const CONVICTIONS: readonly CourtResult[] = ["CONVICTED", "CONVICTED_ALTERNATIVE"];

const TYPE_ORDER = Object.values(EventTypes);

// Trail order: by date, then by when written, then (for rows written together, such as an
// outcome and the closing it causes) in the order the enum lists the steps.
export function inTrailOrder<T extends TrailEvent>(events: readonly T[]): T[] {
  return [...events].sort(
    (a, b) =>
      a.occurredOn.getTime() - b.occurredOn.getTime() ||
      (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0) ||
      TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type),
  );
}

const isOutcome = (e: TrailEvent, outcomes: readonly HomeOfficeOutcome[]) =>
  e.type === "OUTCOME_RECORDED" && !!e.outcome && outcomes.includes(e.outcome);
const isCharge = (e: TrailEvent) => e.type === "CHARGED" || isOutcome(e, CHARGE_OUTCOMES);
const isSuspect = (e: TrailEvent) =>
  SUSPECT_EVENTS.includes(e.type) || isOutcome(e, SUSPECT_OUTCOMES) || isOutcome(e, CHARGE_OUTCOMES);
const isConviction = (e: TrailEvent) =>
  e.type === "COURT_RESULT" && !!e.courtResult && CONVICTIONS.includes(e.courtResult);

// Whether adding `event` to `before` finishes the case: a final outcome (anything but 1/1A),
// or, where charged, outcome 1/1A together with a court result, whichever comes second.
export function finishesTrail(before: readonly TrailEvent[], event: TrailEvent): boolean {
  if (event.type === "OUTCOME_RECORDED" && event.outcome) {
    return !CHARGE_OUTCOMES.includes(event.outcome) || before.some((e) => e.type === "COURT_RESULT");
  }
  return event.type === "COURT_RESULT" && before.some((e) => isOutcome(e, CHARGE_OUTCOMES));
}

export type TrailStatus = {
  status: ReportStatus;
  closeReason: CloseReason | null;
  // A trail finished by its final outcome with no closing written for it yet: the event the
  // closing should be dated by.
  unclosedFinalEvent: TrailEvent | null;
};

// What the trail says the report's status is. The latest closing or reopening decides, and a
// final outcome recorded after the latest reopening (or with none) closes the report.
export function statusOfTrail(events: readonly TrailEvent[]): TrailStatus {
  let closed = false;
  let closeReason: CloseReason | null = null;
  let pending: TrailEvent | null = null;
  const seen: TrailEvent[] = [];
  for (const e of inTrailOrder(events)) {
    if (e.type === "REPORT_CLOSED") {
      closed = true;
      closeReason = e.closeReason ?? null;
      pending = null;
    } else if (e.type === "REPORT_REOPENED") {
      closed = false;
      closeReason = null;
      pending = null;
    } else if (!closed && !pending && finishesTrail(seen, e)) {
      pending = e;
    }
    seen.push(e);
  }
  if (pending) return { status: "CLOSED", closeReason: "FINAL_OUTCOME", unclosedFinalEvent: pending };
  return { status: closed ? "CLOSED" : "OPEN", closeReason, unclosedFinalEvent: null };
}

// What an outcome must carry whatever the trail: 20 the record that the person was told, 21
// its rationale, 22 the diversionary activity completed.
export function outcomeContentProblems(event: ProposedEvent): TrailProblem[] {
  if (event.type !== "OUTCOME_RECORDED") return [];
  const problems: TrailProblem[] = [];
  if (event.outcome === "OUTCOME_20" && event.personInformed !== true)
    problems.push({ field: "personInformed", reason: `${E}.personInformed` });
  if (event.outcome === "OUTCOME_21" && !event.notes?.trim())
    problems.push({ field: "rationale", reason: `${E}.rationale` });
  if (event.outcome === "OUTCOME_22" && !event.diversionaryActivity?.trim())
    problems.push({ field: "diversionaryActivity", reason: `${L}.diversionaryActivity` });
  return problems;
}

// Every reason the proposed event cannot follow the trail; none means it may.
export function checkTrailEvent(context: TrailContext, event: ProposedEvent): TrailProblem[] {
  if (ALWAYS_ALLOWED.includes(event.type)) return [];
  const trail = inTrailOrder(context.events);
  const state = statusOfTrail(trail);
  if (event.type === "REPORT_CLOSED")
    return state.status === "CLOSED" ? [{ field: "type", reason: `${L}.alreadyClosed` }] : [];
  if (event.type === "REPORT_REOPENED")
    return state.status === "OPEN" ? [{ field: "type", reason: `${L}.notClosed` }] : [];

  const d = event.occurredOn.getTime();
  const byThen = trail.filter((e) => e.occurredOn.getTime() <= d);
  const convictedByThen = byThen.some(isConviction);
  if (state.status === "CLOSED") {
    const sentenceAfterConviction =
      event.type === "SENTENCE" && state.closeReason === "FINAL_OUTCOME" && convictedByThen;
    if (!sentenceAfterConviction) return [{ field: "type", reason: `${L}.reportClosed` }];
  }

  const problems: TrailProblem[] = [];
  const add = (field: TrailField, reason: string) => problems.push({ field, reason });
  if (!event.dateExplanation?.trim()) {
    const latest = trail.filter((e) => !ALWAYS_ALLOWED.includes(e.type)).at(-1);
    if (context.incidentOn && d < context.incidentOn.getTime()) add("occurredOn", `${E}.beforeIncident`);
    else if (latest && d < latest.occurredOn.getTime()) add("occurredOn", `${L}.outOfOrder`);
  }

  const chargedByThen = byThen.some(isCharge);
  switch (event.type) {
    case "COURT_RESULT":
      if (!chargedByThen) add("courtResult", `${E}.courtResultNeedsCharge`);
      break;
    case "SENTENCE":
      if (!convictedByThen) add("sentence", `${E}.sentenceNeedsConviction`);
      break;
    case "OUTCOME_RECORDED":
      problems.push(...outcomeTrailProblems(trail, byThen, event));
      problems.push(...outcomeContentProblems(event));
      break;
    default:
      if (chargedByThen && BEFORE_CHARGE_ONLY.includes(event.type)) add("type", `${L}.afterCharge`);
  }
  return problems;
}

function outcomeTrailProblems(
  trail: readonly TrailEvent[],
  byThen: readonly TrailEvent[],
  event: ProposedEvent,
): TrailProblem[] {
  const outcome = event.outcome;
  if (!outcome) return [];
  const problems: TrailProblem[] = [];
  const add = (field: TrailField, reason: string) => problems.push({ field, reason });

  // An outcome is given only to a recorded crime, or one recorded in the same step.
  if (!byThen.some((e) => e.type === "CRIME_RECORDED")) {
    if (trail.some((e) => e.type === "CRIME_RECORDED")) add("occurredOn", `${L}.outcomeBeforeCrime`);
    else if (!event.recordsCrimeOn) add("crimeReference", `${L}.outcomeNeedsCrime`);
    else if (event.recordsCrimeOn.getTime() > event.occurredOn.getTime())
      add("crimeRecordedOn", `${L}.crimeAfterOutcome`);
  }

  // The outcome is final: one per episode (since the latest reopening), and a charged crime
  // keeps outcome 1/1A whatever happens later.
  const lastReopen = trail.findLastIndex((e) => e.type === "REPORT_REOPENED");
  const episode = trail.slice(lastReopen + 1);
  if (
    trail.some((e) => isOutcome(e, CHARGE_OUTCOMES)) ||
    episode.some((e) => e.type === "OUTCOME_RECORDED")
  ) {
    add("outcome", `${L}.outcomeAlreadyRecorded`);
    return problems;
  }

  const charged = byThen.some((e) => e.type === "CHARGED");
  const isChargeOutcome = CHARGE_OUTCOMES.includes(outcome);
  if (isChargeOutcome && !charged) add("outcome", `${E}.outcomeNeedsCharge`);
  else if (!isChargeOutcome && charged) add("outcome", `${L}.chargedKeepsOutcome1`);
  else if (NO_SUSPECT_OUTCOMES.includes(outcome) && trail.some(isSuspect))
    add("outcome", `${L}.noSuspectAfterSuspect`);
  else if (SUSPECT_OUTCOMES.includes(outcome) && !byThen.some(isSuspect))
    add("outcome", `${L}.outcomeNeedsSuspect`);
  return problems;
}

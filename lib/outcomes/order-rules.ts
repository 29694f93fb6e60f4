// Whether a new event fits the case so far: the outcome trail must describe something
// that could have happened. Pure logic, so the rules are tested without a database.
import type { CaseEventType, CourtResult } from "@/lib/generated/prisma/enums";
import type { CaseEventField, CaseEventInput } from "./schema";

export type TrailEvent = { type: CaseEventType; occurredOn: Date; courtResult: CourtResult | null };

export type OrderContext = {
  // The date the incident happened (the start of the period when approximate), if known.
  incidentOn: Date | null;
  events: readonly TrailEvent[];
};

export type OrderProblem = { field: CaseEventField; message: string };

const E = "caseEvents.errors";
const CONVICTIONS: readonly CourtResult[] = ["CONVICTED", "CONVICTED_ALTERNATIVE"];

function happenedBy(events: readonly TrailEvent[], date: Date, match: (e: TrailEvent) => boolean): boolean {
  return events.some((e) => match(e) && e.occurredOn.getTime() <= date.getTime());
}

export function checkEventOrder(input: CaseEventInput, context: OrderContext): OrderProblem[] {
  const problems: OrderProblem[] = [];
  const { occurredOn } = input;
  const charged = happenedBy(context.events, occurredOn, (e) => e.type === "CHARGED");

  if (context.incidentOn && occurredOn < context.incidentOn && !input.dateExplanation) {
    problems.push({ field: "occurredOn", message: `${E}.beforeIncident` });
  }
  if (input.type === "COURT_RESULT" && !charged) {
    problems.push({ field: "courtResult", message: `${E}.courtResultNeedsCharge` });
  }
  if (
    input.type === "OUTCOME_RECORDED" &&
    (input.outcome === "OUTCOME_1" || input.outcome === "OUTCOME_1A") &&
    !charged
  ) {
    problems.push({ field: "outcome", message: `${E}.outcomeNeedsCharge` });
  }
  if (
    input.type === "SENTENCE" &&
    !happenedBy(
      context.events,
      occurredOn,
      (e) => e.type === "COURT_RESULT" && CONVICTIONS.includes(e.courtResult as CourtResult),
    )
  ) {
    problems.push({ field: "sentence", message: `${E}.sentenceNeedsConviction` });
  }
  return problems;
}

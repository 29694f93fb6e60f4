// Victims' Code right 6: the decisions a person must be told about, and by when.
import type { CaseEventType, HomeOfficeOutcome } from "@/lib/generated/prisma/enums";
import { addWorkingDays } from "./working-days";
import { endOfLondonDay } from "@/lib/time/london";

export const KEY_DECISIONS: readonly CaseEventType[] = [
  "ARRESTED",
  "INTERVIEWED_UNDER_CAUTION",
  "RELEASED",
  "DECISION_NOT_TO_INVESTIGATE",
  "CHARGED",
  "OUTCOME_RECORDED",
];

export const STANDARD_WORKING_DAYS = 5;
// Victims of the most serious crime, persistently targeted, vulnerable or intimidated.
export const ENHANCED_WORKING_DAYS = 1;

export function isKeyDecision(type: CaseEventType): boolean {
  return KEY_DECISIONS.includes(type);
}

export type DecisionEvent = {
  type: CaseEventType;
  outcome?: HomeOfficeOutcome | null;
  personInformed?: boolean | null;
};

// Right 6 is owed per report and per decision. A key decision opens one update, except:
// outcome 1/1A after the charge it records (one decision, told once); outcome 20, which is
// recorded only once the person has been told; and lifecycle events, which are not decisions.
export function opensVictimUpdate(trailBefore: readonly DecisionEvent[], event: DecisionEvent): boolean {
  if (!isKeyDecision(event.type)) return false;
  if (event.type !== "OUTCOME_RECORDED") return true;
  if (event.outcome === "OUTCOME_20" && event.personInformed === true) return false;
  const chargeOutcome = event.outcome === "OUTCOME_1" || event.outcome === "OUTCOME_1A";
  return !(chargeOutcome && trailBefore.some((e) => e.type === "CHARGED"));
}

// The update is due by the end of the last allowed working day after the decision.
export function updateDueBy(decidedOn: Date, enhancedRights: boolean): Date {
  const days = enhancedRights ? ENHANCED_WORKING_DAYS : STANDARD_WORKING_DAYS;
  return endOfLondonDay(addWorkingDays(decidedOn, days));
}

// Victims' Code right 6: the decisions a person must be told about, and by when.
import type { CaseEventType } from "@/lib/generated/prisma/enums";
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

// The update is due by the end of the last allowed working day after the decision.
export function updateDueBy(decidedOn: Date, enhancedRights: boolean): Date {
  const days = enhancedRights ? ENHANCED_WORKING_DAYS : STANDARD_WORKING_DAYS;
  return endOfLondonDay(addWorkingDays(decidedOn, days));
}

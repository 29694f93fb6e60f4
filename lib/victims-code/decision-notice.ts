// What the case event page tells the officer about Victims' Code right 6 before they record
// an event: whether it opens an update the person is owed, and within how many working days.
// Worked out from opensVictimUpdate itself, so the notice cannot drift from what recording
// the event really does.
import type { CaseEventType, HomeOfficeOutcome } from "@/lib/generated/prisma/enums";
import { HomeOfficeOutcome as Outcomes } from "@/lib/generated/prisma/enums";
import { CHARGE_OUTCOMES } from "@/lib/outcomes/trail-rules";
import { OUTCOMES_NEEDING_PERSON_INFORMED } from "@/lib/outcomes/schema";
import {
  ENHANCED_WORKING_DAYS,
  STANDARD_WORKING_DAYS,
  isKeyDecision,
  opensVictimUpdate,
  type DecisionEvent,
} from "./key-decisions";

export type DecisionNotice =
  // A key decision other than an outcome: it always opens one update.
  | { kind: "opens"; days: number }
  // An outcome: most open one update; those in `exceptInformed` are recorded only once the
  // person has been told, so they open none.
  | { kind: "outcomeOpens"; days: number; exceptInformed: HomeOfficeOutcome[] }
  // An outcome after a charge: only 1/1A may follow, the same decision as the charge.
  | { kind: "outcomeAfterCharge" };

// Null when the event is not a key decision (crime recorded, court result, lifecycle events…).
export function decisionNotice(
  type: CaseEventType,
  trailBefore: readonly DecisionEvent[],
  enhancedRights: boolean,
): DecisionNotice | null {
  if (!isKeyDecision(type)) return null;
  const days = enhancedRights ? ENHANCED_WORKING_DAYS : STANDARD_WORKING_DAYS;
  if (type !== "OUTCOME_RECORDED")
    return opensVictimUpdate(trailBefore, { type }) ? { kind: "opens", days } : null;

  // The outcomes the trail can still take: once charged, only 1 or 1A (trail-rules.ts).
  const charged = trailBefore.some((e) => e.type === "CHARGED");
  const candidates = charged ? CHARGE_OUTCOMES : Object.values(Outcomes);
  const silent = candidates.filter(
    (outcome) =>
      !opensVictimUpdate(trailBefore, {
        type,
        outcome,
        // Outcome 20 cannot be recorded unless the person was told.
        personInformed: OUTCOMES_NEEDING_PERSON_INFORMED.includes(outcome),
      }),
  );
  if (silent.length === candidates.length) return { kind: "outcomeAfterCharge" };
  return { kind: "outcomeOpens", days, exceptInformed: silent };
}

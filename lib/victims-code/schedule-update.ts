// Opening a Victims' Code update when a key decision is recorded. Runs inside the
// transaction that records the decision, so the two are never apart.
import type { Tx } from "@/lib/db/client";
import { opensVictimUpdate, updateDueBy, type DecisionEvent } from "./key-decisions";

export async function scheduleVictimUpdate(
  tx: Tx,
  args: {
    reportId: string;
    caseEventId: string;
    event: DecisionEvent & { occurredOn: Date };
    // The report's trail before this event: a charge and its outcome 1 are one decision.
    trailBefore: readonly DecisionEvent[];
    enhancedRights: boolean;
  },
): Promise<Date | null> {
  if (!opensVictimUpdate(args.trailBefore, args.event)) return null;
  const dueBy = updateDueBy(args.event.occurredOn, args.enhancedRights);
  await tx.victimUpdate.create({ data: { reportId: args.reportId, caseEventId: args.caseEventId, dueBy } });
  return dueBy;
}

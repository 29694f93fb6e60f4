// Opening a Victims' Code update when a key decision is recorded. Runs inside the
// transaction that records the decision, so the two are never apart.
import type { Tx } from "@/lib/db/client";
import type { CaseEventType } from "@/lib/generated/prisma/enums";
import { isKeyDecision, updateDueBy } from "./key-decisions";

export async function scheduleVictimUpdate(
  tx: Tx,
  args: {
    reportId: string;
    caseEventId: string;
    type: CaseEventType;
    occurredOn: Date;
    enhancedRights: boolean;
  },
): Promise<Date | null> {
  if (!isKeyDecision(args.type)) return null;
  const dueBy = updateDueBy(args.occurredOn, args.enhancedRights);
  await tx.victimUpdate.create({ data: { reportId: args.reportId, caseEventId: args.caseEventId, dueBy } });
  return dueBy;
}

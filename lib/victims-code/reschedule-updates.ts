// When a report's enhanced rights change, the updates still owed on it fall due by the new
// rule, counted from each decision's own date. Updates already given are history and stay
// as they were. Both functions run inside the caller's transaction.
import type { Tx } from "@/lib/db/client";
import type { IncidentType } from "@/lib/generated/prisma/enums";
import { deriveEnhancedRights } from "./enhanced-rights";
import { updateDueBy } from "./key-decisions";

// Returns how many open updates were given a new due date.
export async function rescheduleOpenUpdates(
  tx: Tx,
  reportId: string,
  enhancedRights: boolean,
): Promise<number> {
  const open = await tx.victimUpdate.findMany({
    where: { reportId, clearedAt: null },
    select: { id: true, dueBy: true, caseEvent: { select: { occurredOn: true } } },
  });
  let moved = 0;
  for (const update of open) {
    const dueBy = updateDueBy(update.caseEvent.occurredOn, enhancedRights);
    if (dueBy.getTime() === update.dueBy.getTime()) continue;
    // Still open: a colleague's contact may have cleared it since it was read.
    const changed = await tx.victimUpdate.updateMany({
      where: { id: update.id, reportId, clearedAt: null },
      data: { dueBy },
    });
    moved += changed.count;
  }
  return moved;
}

// After the incident types change: while no officer has decided, the rights follow the
// offence again, and the open updates with them. An edit that leaves the types as they were
// changes nothing. Returns whether the rights changed.
export async function applyDerivedEnhancedRights(
  tx: Tx,
  args: {
    reportId: string;
    unitId: string;
    previousTypes: readonly IncidentType[];
    incidentTypes: readonly IncidentType[];
  },
): Promise<boolean> {
  const { reportId, unitId } = args;
  if (!reportId || !unitId) throw new Error("applyDerivedEnhancedRights needs a report and unit");
  const before = new Set(args.previousTypes);
  const after = new Set(args.incidentTypes);
  if (before.size === after.size && [...after].every((type) => before.has(type))) return false;
  const { enhanced } = deriveEnhancedRights(args.incidentTypes);
  const changed = await tx.incidentReport.updateMany({
    where: { id: reportId, unitId, enhancedRightsByOfficer: false, enhancedRights: !enhanced },
    data: { enhancedRights: enhanced },
  });
  if (changed.count === 0) return false;
  await rescheduleOpenUpdates(tx, reportId, enhanced);
  return true;
}

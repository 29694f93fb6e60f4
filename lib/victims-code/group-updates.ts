// Updates owed on the same report and due on the same day are one job for the officer (one
// call tells the person about each decision), so the home page shows them as one row.
import type { CaseEventType } from "@/lib/generated/prisma/enums";
import { londonToday } from "@/lib/time/london";

export type OwedDecision = { updateId: string; decision: CaseEventType; decidedOn: Date };

export type GroupableUpdate = OwedDecision & { reportId: string; dueBy: Date };

export type UpdateGroup<Row extends GroupableUpdate> = {
  // Stable across renders: the report and the London day the group is due.
  key: string;
  first: Row;
  dueBy: Date;
  decisions: OwedDecision[];
};

// Keeps the order of the rows given (soonest first): a group sits where its first row did,
// its decisions in the order they were decided, and its deadline is the earliest of them.
export function groupDueUpdates<Row extends GroupableUpdate>(rows: readonly Row[]): UpdateGroup<Row>[] {
  const groups = new Map<string, UpdateGroup<Row>>();
  for (const row of rows) {
    const key = `${row.reportId}:${londonToday(row.dueBy).toISOString().slice(0, 10)}`;
    const group = groups.get(key);
    const decision = { updateId: row.updateId, decision: row.decision, decidedOn: row.decidedOn };
    if (!group) {
      groups.set(key, { key, first: row, dueBy: row.dueBy, decisions: [decision] });
      continue;
    }
    group.decisions.push(decision);
    if (row.dueBy < group.dueBy) group.dueBy = row.dueBy;
  }
  for (const group of groups.values())
    group.decisions.sort((a, b) => a.decidedOn.getTime() - b.decidedOn.getTime());
  return [...groups.values()];
}

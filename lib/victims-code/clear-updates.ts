// Clearing Victims' Code updates once the person has been told. Called by the contacts
// area inside the transaction that records a "case update" contact, so the contact and the
// cleared updates stand or fall together. Updates are owed per report and per decision, so
// a contact clears only the updates the officer named, never "everything owed".
import type { Tx } from "@/lib/db/client";
import { londonToday } from "@/lib/time/london";

export type ClearDueUpdatesArgs = {
  unitId: string;
  personId: string;
  reportId: string;
  contactId: string;
  occurredAt: Date;
  updateIds: readonly string[];
};

// The open updates on this report (in this unit, for this person) that a contact on
// `occurredAt` may clear: a contact cannot tell someone about a decision not yet taken, and
// "the day of the contact" is London's day.
export function clearableUpdatesWhere(args: Omit<ClearDueUpdatesArgs, "contactId">) {
  const { unitId, personId, reportId, occurredAt, updateIds } = args;
  if (!unitId || !personId || !reportId) throw new Error("clearable updates need a unit, person and report");
  return {
    id: { in: [...updateIds] },
    reportId,
    clearedAt: null,
    report: { id: reportId, unitId, personId },
    caseEvent: { occurredOn: { lte: londonToday(occurredAt) } },
  };
}

// Clears the named updates that are still open; returns how many it cleared, which the
// caller compares with how many it named (a colleague may have cleared one meanwhile).
export async function clearDueUpdates(tx: Tx, args: ClearDueUpdatesArgs): Promise<number> {
  if (!args.contactId) throw new Error("clearDueUpdates needs a contact");
  if (args.updateIds.length === 0) return 0;
  const result = await tx.victimUpdate.updateMany({
    where: clearableUpdatesWhere(args),
    data: { clearedAt: args.occurredAt, clearedByContactId: args.contactId },
  });
  return result.count;
}

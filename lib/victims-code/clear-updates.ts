// Clearing Victims' Code updates once the person has been told. Called by the contacts
// area inside the transaction that records a "case update" contact, so the contact and the
// cleared updates stand or fall together.
import type { Tx } from "@/lib/db/client";
import { londonToday } from "@/lib/time/london";

export type ClearDueUpdatesArgs = {
  unitId: string;
  personId: string;
  contactId: string;
  occurredAt: Date;
};

// Clears every open update owed to this person on this unit's reports for decisions made on
// or before the day of the contact (in London); a contact cannot tell someone about a
// decision not yet taken.
// Returns how many updates were cleared.
export async function clearDueUpdates(tx: Tx, args: ClearDueUpdatesArgs): Promise<number> {
  const { unitId, personId, contactId, occurredAt } = args;
  if (!unitId || !personId || !contactId) throw new Error("clearDueUpdates needs a unit, person and contact");
  const result = await tx.victimUpdate.updateMany({
    where: {
      clearedAt: null,
      report: { unitId, personId },
      caseEvent: { occurredOn: { lte: londonToday(occurredAt) } },
    },
    data: { clearedAt: occurredAt, clearedByContactId: contactId },
  });
  return result.count;
}

// Reading liaison contacts. Scoped to the user's unit and audited as a look at the person's
// record; the notes themselves never reach the audit log.
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { unitScope } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";
import { isUuid } from "@/lib/ids";
import type { ContactMethod, ContactType } from "@/lib/generated/prisma/enums";

export type ContactLogRow = {
  id: string;
  type: ContactType;
  method: ContactMethod;
  occurredAt: Date;
  notes: string | null;
  followUpOn: Date | null;
  officerName: string | null;
  report: { id: string; reference: string } | null;
};

// The person's contact log, newest first.
export async function findContactsForPerson(user: CurrentUser, personId: string): Promise<ContactLogRow[]> {
  const unitId = unitScope(user, "contact:read:unit");
  if (!unitId || !isUuid(personId)) return [];
  return db().$transaction(async (tx) => {
    const rows = await tx.liaisonContact.findMany({
      where: { personId, unitId },
      orderBy: [{ occurredAt: "desc" }, { createdAt: "desc" }, { id: "desc" }],
      select: {
        id: true,
        type: true,
        method: true,
        occurredAt: true,
        notes: true,
        followUpOn: true,
        officer: { select: { name: true } },
        report: { select: { id: true, reference: true } },
      },
    });
    await recordAudit(tx, {
      actor: user,
      action: "contact.list",
      recordType: "person",
      recordId: personId,
      outcome: "SUCCESS",
    });
    return rows.map(({ officer, ...row }) => ({ ...row, officerName: officer?.name ?? null }));
  });
}

// Reading liaison contacts. Scoped to the user's unit and audited as a look at the person's
// record; the notes themselves never reach the audit log.
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { unitScope } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";
import { isUuid } from "@/lib/ids";
import type { CaseEventType, ContactMethod, ContactType } from "@/lib/generated/prisma/enums";

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

export type OpenUpdateOption = {
  id: string;
  reportId: string;
  decision: CaseEventType;
  decidedOn: Date;
  dueBy: Date;
};

// The Victims' Code updates still owed to the person on their reports in the unit, for the
// "case update" part of the contact form (oldest decision first). Audited as a look at the
// person's case information; only decision types and dates leave here.
export async function findOpenUpdatesForPerson(
  user: CurrentUser,
  personId: string,
): Promise<OpenUpdateOption[]> {
  const unitId = unitScope(user, "contact:create:unit");
  if (!unitId || !isUuid(personId)) return [];
  return db().$transaction(async (tx) => {
    const rows = await tx.victimUpdate.findMany({
      where: { clearedAt: null, report: { unitId, personId } },
      orderBy: [{ caseEvent: { occurredOn: "asc" } }, { dueBy: "asc" }, { id: "asc" }],
      select: {
        id: true,
        reportId: true,
        dueBy: true,
        caseEvent: { select: { type: true, occurredOn: true } },
      },
    });
    await recordAudit(tx, {
      actor: user,
      action: "victim-update.list",
      recordType: "person",
      recordId: personId,
      outcome: "SUCCESS",
    });
    return rows.map(({ caseEvent, ...row }) => ({
      ...row,
      decision: caseEvent.type,
      decidedOn: caseEvent.occurredOn,
    }));
  });
}

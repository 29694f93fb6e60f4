// Reading liaison contacts. Scoped to the user's unit and audited as a look at the person's
// record; the notes themselves never reach the audit log.
import { rowScopeOf, withRowScope } from "@/lib/db/scope";

import { recordAudit } from "@/lib/audit/record-audit";
import { unitScope } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";
import { isUuid } from "@/lib/ids";
import { env } from "@/lib/env";
import { pageOf, type Page } from "@/lib/pagination";
import { openableContactWhere, openableReportWhere } from "@/lib/reports/restriction";
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

// One page of the person's contact log, newest first (the log grows for as long as the unit
// knows the person, so it is never read whole). The total comes from the same snapshot.
export async function findContactsForPerson(
  user: CurrentUser,
  personId: string,
  page = 1,
): Promise<Page<ContactLogRow>> {
  const size = env().PAGE_SIZE;
  const unitId = unitScope(user, "contact:read:unit");
  if (!unitId || !isUuid(personId)) return pageOf([], 0, 1, size);
  return withRowScope(rowScopeOf(user), async (tx) => {
    // A contact about a restricted case is left out for anyone who may not open the case.
    const where = { personId, unitId, ...openableContactWhere(user) };
    const total = await tx.liaisonContact.count({ where });
    // A page past the end shows the last page rather than an empty one.
    const current = Math.min(page, Math.max(1, Math.ceil(total / size)));
    const rows = await tx.liaisonContact.findMany({
      where,
      orderBy: [{ occurredAt: "desc" }, { createdAt: "desc" }, { id: "desc" }],
      skip: (current - 1) * size,
      take: size,
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
    return pageOf(
      rows.map(({ officer, ...row }) => ({ ...row, officerName: officer?.name ?? null })),
      total,
      current,
      size,
    );
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
  return withRowScope(rowScopeOf(user), async (tx) => {
    const rows = await tx.victimUpdate.findMany({
      where: { clearedAt: null, report: { unitId, personId, ...openableReportWhere(user) } },
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

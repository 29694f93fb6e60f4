// Victims' Code updates an officer owes: open updates on the open and closed reports they
// look after, soonest first, with the way each person agreed to be contacted.
import { db } from "@/lib/db/client";
import { unitScope } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { CaseEventType, ContactMethod } from "@/lib/generated/prisma/enums";

export type DueUpdate = {
  id: string;
  reportId: string;
  reference: string;
  decision: CaseEventType;
  decidedOn: Date;
  dueBy: Date;
  overdue: boolean;
  personId: string;
  workingName: string;
  safeContactMethods: ContactMethod[];
  safeContactTimes: string | null;
  doNotContactRules: string | null;
};

const LIMIT = 50;

// "Theirs" means reports assigned to them, or unassigned reports where they recorded the
// decision, so that no update is owed by nobody.
export async function findDueUpdatesForOfficer(
  user: CurrentUser,
  now: Date = new Date(),
): Promise<DueUpdate[]> {
  const unitId = unitScope(user, "report:read:unit");
  if (!unitId) return [];
  const rows = await db().victimUpdate.findMany({
    where: {
      clearedAt: null,
      report: { unitId },
      OR: [
        { report: { assignedOfficerId: user.id } },
        { report: { assignedOfficerId: null }, caseEvent: { recordedById: user.id } },
      ],
    },
    orderBy: [{ dueBy: "asc" }, { id: "asc" }],
    take: LIMIT,
    select: {
      id: true,
      dueBy: true,
      caseEvent: { select: { type: true, occurredOn: true } },
      report: {
        select: {
          id: true,
          reference: true,
          person: {
            select: {
              id: true,
              workingName: true,
              safeContactMethods: true,
              safeContactTimes: true,
              doNotContactRules: true,
            },
          },
        },
      },
    },
  });
  return rows.map(({ id, dueBy, caseEvent, report }) => ({
    id,
    reportId: report.id,
    reference: report.reference,
    decision: caseEvent.type,
    decidedOn: caseEvent.occurredOn,
    dueBy,
    overdue: dueBy < now,
    personId: report.person.id,
    workingName: report.person.workingName,
    safeContactMethods: report.person.safeContactMethods,
    safeContactTimes: report.person.safeContactTimes,
    doNotContactRules: report.person.doNotContactRules,
  }));
}

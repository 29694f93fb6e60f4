// Victims' Code updates an officer owes: open updates on the open and closed reports they
// look after, with the way each person agreed to be contacted. Several updates on one report
// due the same day are one row (one contact answers them), soonest first.
import { rowScopeOf, withRowScope } from "@/lib/db/scope";

import { unitScope } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { ContactMethod } from "@/lib/generated/prisma/enums";
import { groupDueUpdates, type OwedDecision } from "./group-updates";
import { deadlineUsesProjectedHolidays } from "./working-days";
import { openableReportWhere } from "@/lib/reports/restriction";

export type DueUpdateRow = {
  // The report and the London day it is due: one row per pair.
  key: string;
  reportId: string;
  reference: string;
  decisions: OwedDecision[];
  dueBy: Date;
  overdue: boolean;
  // The deadline was counted with bank holidays not yet published.
  projectedCalendar: boolean;
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
): Promise<DueUpdateRow[]> {
  const unitId = unitScope(user, "report:read:unit");
  if (!unitId) return [];
  const rows = await withRowScope(rowScopeOf(user), (tx) =>
    tx.victimUpdate.findMany({
      where: {
        clearedAt: null,
        report: { unitId, ...openableReportWhere(user) },
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
    }),
  );
  const groups = groupDueUpdates(
    rows.map((row) => ({
      ...row,
      updateId: row.id,
      reportId: row.report.id,
      decision: row.caseEvent.type,
      decidedOn: row.caseEvent.occurredOn,
    })),
  );
  return groups.map(({ key, first: { report }, dueBy, decisions }) => ({
    key,
    reportId: report.id,
    reference: report.reference,
    decisions,
    dueBy,
    overdue: dueBy < now,
    projectedCalendar: deadlineUsesProjectedHolidays(dueBy),
    personId: report.person.id,
    workingName: report.person.workingName,
    safeContactMethods: report.person.safeContactMethods,
    safeContactTimes: report.person.safeContactTimes,
    doNotContactRules: report.person.doNotContactRules,
  }));
}

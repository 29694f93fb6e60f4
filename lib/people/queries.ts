// Reading people. Every function takes the signed-in user, scopes by their unit and audits
// the look in the same transaction. Nothing a person said is ever written to the audit log.
import { rowScopeOf, withRowScope } from "@/lib/db/scope";

import { hasControlCharacters } from "@/lib/text";
import { recordAudit } from "@/lib/audit/record-audit";
import { unitScope } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";
import { isUuid } from "@/lib/ids";
import { env } from "@/lib/env";
import { pageOf, type Page } from "@/lib/pagination";
import { maskRestricted, restrictionSelect, type RestrictedRow } from "@/lib/reports/restriction";
import type {
  AgeBand,
  ContactMethod,
  IncidentType,
  Language,
  ReportStatus,
  WorkSetting,
} from "@/lib/generated/prisma/enums";

export const SEARCH_LIMIT = 20;
export const SEARCH_MAX_LENGTH = 100;

// The person fields pages show and the edit form changes.
export const PERSON_DETAILS = {
  id: true,
  workingName: true,
  selfDescription: true,
  ageBand: true,
  workSetting: true,
  language: true,
  interpreterNeeds: true,
  accessNeeds: true,
  safeContactMethods: true,
  safeContactTimes: true,
  doNotContactRules: true,
  version: true,
} as const;

export type PersonReportRow = {
  id: string;
  reference: string;
  reportedAt: Date;
  incidentTypes: IncidentType[];
  status: ReportStatus;
};

export type PersonView = {
  id: string;
  workingName: string;
  selfDescription: string | null;
  ageBand: AgeBand | null;
  workSetting: WorkSetting | null;
  language: Language;
  interpreterNeeds: string | null;
  accessNeeds: string | null;
  safeContactMethods: ContactMethod[];
  safeContactTimes: string | null;
  doNotContactRules: string | null;
  version: number;
  // A restricted case the user may not open is listed by its reference only.
  reports: (PersonReportRow | RestrictedRow)[];
};

const PERSON_REPORT = {
  id: true,
  reference: true,
  reportedAt: true,
  incidentTypes: true,
  status: true,
} as const;
const PERSON_REPORT_ORDER = [{ reportedAt: "desc" as const }, { id: "desc" as const }];

// The person's summary and their reports (newest first). Legal name, date of birth, phone
// and email are left out: the person page does not need them to plan a safe contact.
// `withReports: false` leaves the reports out (the person page reads them a page at a time
// with findReportsForPerson).
export async function getPersonForUser(
  user: CurrentUser,
  id: string,
  { withReports = true }: { withReports?: boolean } = {},
): Promise<PersonView | null> {
  const unitId = unitScope(user, "person:read:unit");
  if (!unitId || !isUuid(id)) return null;
  return withRowScope(rowScopeOf(user), async (tx) => {
    const person = await tx.person.findFirst({
      where: { id, unitId },
      select: {
        ...PERSON_DETAILS,
        reports: withReports
          ? { where: { unitId }, orderBy: PERSON_REPORT_ORDER, select: personReportSelect(user) }
          : { where: { unitId }, take: 0, select: personReportSelect(user) },
      },
    });
    // A refused look is audited too, so probing for other units' people shows up.
    await recordAudit(tx, {
      actor: user,
      action: "person.view",
      recordType: "person",
      recordId: id,
      outcome: person ? "SUCCESS" : "DENIED",
    });
    return person && { ...person, reports: personReportRows(user, person.reports) };
  });
}

function personReportSelect(user: CurrentUser) {
  return { ...PERSON_REPORT, ...restrictionSelect(user) };
}

function personReportRows(
  user: CurrentUser,
  rows: (PersonReportRow & Parameters<typeof maskRestricted>[1][number])[],
): (PersonReportRow | RestrictedRow)[] {
  return maskRestricted(user, rows, (r) => ({
    id: r.id,
    reference: r.reference,
    reportedAt: r.reportedAt,
    incidentTypes: r.incidentTypes,
    status: r.status,
  }));
}

// One page of the person's reports in the user's unit, newest first. Only references,
// dates, types and status: seen as part of the person's record (audited there as
// person.view), never the accounts themselves.
export async function findReportsForPerson(
  user: CurrentUser,
  personId: string,
  page = 1,
): Promise<Page<PersonReportRow | RestrictedRow>> {
  const size = env().PAGE_SIZE;
  const unitId = unitScope(user, "person:read:unit");
  if (!unitId || !isUuid(personId)) return pageOf([], 0, 1, size);
  const where = { personId, unitId };
  return withRowScope(rowScopeOf(user), async (tx) => {
    const total = await tx.incidentReport.count({ where });
    const current = Math.min(page, Math.max(1, Math.ceil(total / size)));
    const rows = await tx.incidentReport.findMany({
      where,
      orderBy: PERSON_REPORT_ORDER,
      skip: (current - 1) * size,
      take: size,
      select: personReportSelect(user),
    });
    return pageOf(personReportRows(user, rows), total, current, size);
  });
}

export type PersonSearchRow = {
  id: string;
  workingName: string;
  selfDescription: string | null;
  language: Language;
};

// People in the user's unit whose working name starts with, then contains, the query
// (ignoring case), at most SEARCH_LIMIT. The audit records that a search happened, never
// what was searched for.
export async function findPeopleByWorkingName(user: CurrentUser, query: string): Promise<PersonSearchRow[]> {
  const unitId = unitScope(user, "person:read:unit");
  const term = typeof query === "string" ? query.trim() : "";
  // NUL cannot reach PostgreSQL, and no name holds a control character: nothing to find.
  if (!unitId || term.length === 0 || term.length > SEARCH_MAX_LENGTH || hasControlCharacters(term))
    return [];
  // Prisma passes the text into LIKE as it is: escape its wildcards so "%" finds a "%".
  const pattern = term.replace(/[\\%_]/g, "\\$&");
  const select = { id: true, workingName: true, selfDescription: true, language: true } as const;
  const orderBy = [{ workingName: "asc" as const }, { id: "asc" as const }];
  return withRowScope(rowScopeOf(user), async (tx) => {
    const starting = await tx.person.findMany({
      where: { unitId, workingName: { startsWith: pattern, mode: "insensitive" } },
      orderBy,
      take: SEARCH_LIMIT,
      select,
    });
    const containing =
      starting.length < SEARCH_LIMIT
        ? await tx.person.findMany({
            where: {
              unitId,
              workingName: { contains: pattern, mode: "insensitive" },
              id: { notIn: starting.map((p) => p.id) },
            },
            orderBy,
            take: SEARCH_LIMIT - starting.length,
            select,
          })
        : [];
    const found = [...starting, ...containing];
    await recordAudit(tx, {
      actor: user,
      action: "person.search",
      recordType: "person",
      recordIds: found.map((p) => p.id),
      outcome: "SUCCESS",
    });
    return found;
  });
}

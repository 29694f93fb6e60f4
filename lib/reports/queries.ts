// Reading reports. Every function takes the signed-in user and scopes by their unit.
import type { Tx } from "@/lib/db/client";
import { rowScopeOf, withRowScope } from "@/lib/db/scope";
import { env } from "@/lib/env";
import { recordAudit } from "@/lib/audit/record-audit";
import { unitScope } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";
import { pageOf, type Page } from "@/lib/pagination";
import { isUuid } from "@/lib/ids";
import { LIFECYCLE_EVENTS } from "@/lib/outcomes/trail-rules";
import { maskRestricted, openableReportWhere, restrictionSelect, type RestrictedRow } from "./restriction";
import type {
  CaseEventType,
  CloseReason,
  ContactMethod,
  ContactType,
  IncidentType,
  ReferralStatus,
  ReportStatus,
} from "@/lib/generated/prisma/enums";

export type ReportListRow = {
  id: string;
  reference: string;
  reportedAt: Date;
  incidentTypes: IncidentType[];
  status: ReportStatus;
  assignedOfficerName: string | null;
};

// A restricted case the user may not open is listed by its reference only.
export async function findOpenReportsForUnit(
  user: CurrentUser,
  page: number,
): Promise<Page<ReportListRow | RestrictedRow>> {
  const unitId = unitScope(user, "report:read:unit");
  if (!unitId) return pageOf([], 0, 1, env().PAGE_SIZE);
  const size = env().PAGE_SIZE;
  const where = { unitId, status: "OPEN" as const };
  const [total, rows] = await withRowScope(
    rowScopeOf(user),
    async (tx) =>
      [
        await tx.incidentReport.count({ where }),
        await tx.incidentReport.findMany({
          where,
          orderBy: [{ reportedAt: "desc" }, { id: "desc" }],
          skip: (page - 1) * size,
          take: size,
          select: {
            id: true,
            reference: true,
            reportedAt: true,
            incidentTypes: true,
            status: true,
            assignedOfficer: { select: { name: true } },
            ...restrictionSelect(user),
          },
        }),
      ] as const,
  );
  return pageOf(
    maskRestricted(user, rows, (row) => ({
      id: row.id,
      reference: row.reference,
      reportedAt: row.reportedAt,
      incidentTypes: row.incidentTypes,
      status: row.status,
      assignedOfficerName: row.assignedOfficer?.name ?? null,
    })),
    total,
    page,
    size,
  );
}

// The case record: the report, the person (with how they agreed to be contacted), the
// outcome trail, the updates owed to them, and a timeline of everything that happened.
export async function getReportForUser(user: CurrentUser, id: string) {
  const unitId = unitScope(user, "report:read:unit");
  if (!unitId || !isUuid(id)) return null;
  return withRowScope(rowScopeOf(user), async (tx) => {
    // A restricted case is "not found" here for anyone who may not open it; the case page
    // then offers the override (lib/reports/restriction-decisions.ts).
    const report = await tx.incidentReport.findFirst({
      where: { id, unitId, ...openableReportWhere(user) },
      select: {
        id: true,
        reference: true,
        restricted: true,
        reportedAt: true,
        incidentFrom: true,
        incidentTo: true,
        incidentDatePrecision: true,
        area: true,
        reportingRoute: true,
        incidentTypes: true,
        relationship: true,
        personWants: true,
        narrative: true,
        crimeReference: true,
        enhancedRights: true,
        enhancedRightsByOfficer: true,
        enhancedRightsReason: true,
        status: true,
        closedAt: true,
        version: true,
        assignedOfficer: { select: { name: true } },
        person: {
          select: {
            id: true,
            workingName: true,
            language: true,
            safeContactMethods: true,
            safeContactTimes: true,
            doNotContactRules: true,
          },
        },
        caseEvents: {
          orderBy: [{ occurredOn: "asc" }, { createdAt: "asc" }],
          select: {
            id: true,
            type: true,
            occurredOn: true,
            outcome: true,
            courtResult: true,
            offence: true,
            crimeReference: true,
            releaseType: true,
            withdrawalReasons: true,
            sentence: true,
            personWants: true,
            notes: true,
            dateExplanation: true,
            personInformed: true,
            diversionaryActivity: true,
            closeReason: true,
            enhancedRights: true,
            recordedBy: { select: { name: true } },
          },
        },
        updatesDue: {
          orderBy: [{ dueBy: "asc" }, { id: "asc" }],
          select: {
            id: true,
            dueBy: true,
            clearedAt: true,
            caseEvent: { select: { type: true, occurredOn: true } },
          },
        },
        contacts: {
          where: { unitId },
          orderBy: { occurredAt: "asc" },
          select: {
            id: true,
            type: true,
            method: true,
            occurredAt: true,
            notes: true,
            officer: { select: { name: true } },
          },
        },
        referrals: {
          where: { unitId },
          orderBy: { createdAt: "asc" },
          select: { id: true, status: true, createdAt: true, agency: { select: { name: true } } },
        },
      },
    });
    // A refused look is audited too: probing for other units' records should be visible.
    await recordAudit(tx, {
      actor: user,
      action: "report.view",
      recordType: "report",
      recordId: id,
      outcome: report ? "SUCCESS" : "DENIED",
    });
    if (!report) return null;
    const edits = await findEdits(tx, id);
    const { contacts, referrals, ...rest } = report;
    return { ...rest, timeline: timelineOf(report, contacts, referrals, edits) };
  });
}

export type CaseRecord = NonNullable<Awaited<ReturnType<typeof getReportForUser>>>;

type Edit = { id: string; at: Date; by: string | null };

// Who edited the report and when, from the audit trail. The trail holds no content, so
// neither does the timeline.
async function findEdits(tx: Tx, reportId: string): Promise<Edit[]> {
  const events = await tx.auditEvent.findMany({
    where: { action: "report.update", recordType: "report", recordId: reportId, outcome: "SUCCESS" },
    orderBy: { at: "asc" },
    select: { id: true, at: true, actorId: true },
  });
  const actorIds = [...new Set(events.flatMap((e) => (e.actorId ? [e.actorId] : [])))];
  const actors = actorIds.length
    ? await tx.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })
    : [];
  const names = new Map(actors.map((a) => [a.id, a.name]));
  return events.map((e) => ({ id: e.id, at: e.at, by: e.actorId ? (names.get(e.actorId) ?? null) : null }));
}

export type TimelineEntry =
  | { kind: "report"; key: string; at: Date }
  | { kind: "edit"; key: string; at: Date; by: string | null }
  | {
      kind: "event";
      key: string;
      at: Date;
      type: CaseEventType;
      recordedBy: string | null;
      // Closing, reopening and enhanced-rights decisions: what was decided and why.
      decision: LifecycleDecision | null;
    }
  | {
      kind: "contact";
      key: string;
      at: Date;
      type: ContactType;
      method: ContactMethod;
      officer: string | null;
      notes: string | null;
    }
  | { kind: "referral"; key: string; at: Date; agency: string; status: ReferralStatus };

export type LifecycleDecision = {
  closeReason: CloseReason | null;
  enhancedRights: boolean | null;
  notes: string | null;
};

type TimelineSource = {
  id: string;
  reportedAt: Date;
  caseEvents: ({
    id: string;
    type: CaseEventType;
    occurredOn: Date;
    recordedBy: { name: string } | null;
  } & LifecycleDecision)[];
};

function timelineOf(
  report: TimelineSource,
  contacts: {
    id: string;
    type: ContactType;
    method: ContactMethod;
    occurredAt: Date;
    notes: string | null;
    officer: { name: string } | null;
  }[],
  referrals: { id: string; status: ReferralStatus; createdAt: Date; agency: { name: string } }[],
  edits: Edit[],
): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    { kind: "report", key: `report-${report.id}`, at: report.reportedAt },
    ...edits.map((e) => ({ kind: "edit" as const, key: `edit-${e.id}`, at: e.at, by: e.by })),
    ...report.caseEvents.map((e) => ({
      kind: "event" as const,
      key: `event-${e.id}`,
      at: e.occurredOn,
      type: e.type,
      recordedBy: e.recordedBy?.name ?? null,
      decision: LIFECYCLE_EVENTS.includes(e.type)
        ? { closeReason: e.closeReason, enhancedRights: e.enhancedRights, notes: e.notes }
        : null,
    })),
    ...contacts.map((c) => ({
      kind: "contact" as const,
      key: `contact-${c.id}`,
      at: c.occurredAt,
      type: c.type,
      method: c.method,
      officer: c.officer?.name ?? null,
      notes: c.notes,
    })),
    ...referrals.map((r) => ({
      kind: "referral" as const,
      key: `referral-${r.id}`,
      at: r.createdAt,
      agency: r.agency.name,
      status: r.status,
    })),
  ];
  // Oldest first, as the case unfolded; the report itself always opens the story.
  return entries.sort((a, b) =>
    a.kind === "report" ? -1 : b.kind === "report" ? 1 : a.at.getTime() - b.at.getTime(),
  );
}

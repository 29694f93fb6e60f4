// Reads of third-party submissions. Partners see their own agency's submissions as a status
// and dates, never the police record behind them (no report, reference or outcome); the unit
// sees every submission made to it in full. Every scope is in the `where`, and what a user
// may not see is "not found", audited as a denial.
import { rowScopeOf, withRowScope } from "@/lib/db/scope";
import { recordAudit } from "@/lib/audit/record-audit";
import { agencyScope, unitScope } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";
import { isUuid } from "@/lib/ids";
import { pageOf, type Page } from "@/lib/pagination";
import type {
  IncidentType,
  SafeguardingConcern,
  SubmissionStatus,
  SubmissionWish,
} from "@/lib/generated/prisma/enums";
import type { SubmissionAnswers } from "./schema";

const PAGE_SIZE = 25;

// All a partner is told about a submission.
export type PartnerSubmissionView = {
  id: string;
  status: SubmissionStatus;
  wish: SubmissionWish;
  anonymous: boolean;
  incidentTypes: IncidentType[];
  submittedAt: Date;
  updatedAt: Date;
};

const partnerSelect = {
  id: true,
  status: true,
  wish: true,
  anonymous: true,
  answers: true,
  createdAt: true,
  updatedAt: true,
} as const;

type PartnerRow = {
  id: string;
  status: SubmissionStatus;
  wish: SubmissionWish;
  anonymous: boolean;
  answers: unknown;
  createdAt: Date;
  updatedAt: Date;
};

function incidentTypesOf(answers: unknown): IncidentType[] {
  const types = (answers as Partial<SubmissionAnswers> | null)?.["what-happened"]?.incidentTypes;
  return Array.isArray(types) ? types : [];
}

function toPartnerView(r: PartnerRow): PartnerSubmissionView {
  return {
    id: r.id,
    status: r.status,
    wish: r.wish,
    anonymous: r.anonymous,
    incidentTypes: incidentTypesOf(r.answers),
    submittedAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export async function findSubmissionsForAgency(
  user: CurrentUser,
  page: number,
): Promise<Page<PartnerSubmissionView>> {
  const agencyId = agencyScope(user, "submission:read:own");
  if (!agencyId) return pageOf([], 0, 1, PAGE_SIZE);
  const where = { agencyId };
  const [rows, total] = await withRowScope(rowScopeOf(user), (tx) =>
    Promise.all([
      tx.thirdPartySubmission.findMany({
        where,
        select: partnerSelect,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        skip: (page - 1) * PAGE_SIZE,
        take: PAGE_SIZE,
      }),
      tx.thirdPartySubmission.count({ where }),
    ]),
  );
  return pageOf(rows.map(toPartnerView), total, page, PAGE_SIZE);
}

export async function getSubmissionForAgency(
  user: CurrentUser,
  id: string,
): Promise<PartnerSubmissionView | null> {
  const agencyId = agencyScope(user, "submission:read:own");
  return withRowScope(rowScopeOf(user), async (tx) => {
    const row =
      agencyId && isUuid(id)
        ? await tx.thirdPartySubmission.findFirst({ where: { id, agencyId }, select: partnerSelect })
        : null;
    await recordAudit(tx, {
      actor: user,
      action: "submission.view",
      recordType: "submission",
      recordId: isUuid(id) ? id : undefined,
      outcome: row ? "SUCCESS" : "DENIED",
    });
    return row ? toPartnerView(row) : null;
  });
}

export type QueueRow = {
  id: string;
  agencyName: string;
  status: SubmissionStatus;
  wish: SubmissionWish;
  submittedAt: Date;
  // Raised by the partner's answers at submission; shown as a flag whatever the wish.
  safeguardingConcerns: SafeguardingConcern[];
};

// The unit's queue: what still needs a decision first, newest first within each.
export async function findSubmissionsForUnit(user: CurrentUser, page: number): Promise<Page<QueueRow>> {
  const unitId = unitScope(user, "submission:triage:unit");
  if (!unitId) return pageOf([], 0, 1, PAGE_SIZE);
  const where = { unitId };
  const [rows, total] = await withRowScope(rowScopeOf(user), (tx) =>
    Promise.all([
      tx.thirdPartySubmission.findMany({
        where,
        select: {
          id: true,
          status: true,
          wish: true,
          createdAt: true,
          safeguardingConcerns: true,
          agency: { select: { name: true } },
        },
        orderBy: [{ status: "asc" }, { createdAt: "desc" }, { id: "desc" }],
        skip: (page - 1) * PAGE_SIZE,
        take: PAGE_SIZE,
      }),
      tx.thirdPartySubmission.count({ where }),
    ]),
  );
  return pageOf(
    rows.map((r) => ({
      id: r.id,
      agencyName: r.agency.name,
      status: r.status,
      wish: r.wish,
      submittedAt: r.createdAt,
      safeguardingConcerns: r.safeguardingConcerns,
    })),
    total,
    page,
    PAGE_SIZE,
  );
}

export type UnitSubmissionView = QueueRow & {
  anonymous: boolean;
  answers: SubmissionAnswers;
  report: { id: string; reference: string } | null;
  notOpenedReason: string | null;
  triagedAt: Date | null;
};

export async function getSubmissionForUnit(
  user: CurrentUser,
  id: string,
): Promise<UnitSubmissionView | null> {
  const unitId = unitScope(user, "submission:triage:unit");
  return withRowScope(rowScopeOf(user), async (tx) => {
    const row =
      unitId && isUuid(id)
        ? await tx.thirdPartySubmission.findFirst({
            where: { id, unitId },
            select: {
              id: true,
              status: true,
              wish: true,
              anonymous: true,
              answers: true,
              createdAt: true,
              safeguardingConcerns: true,
              notOpenedReason: true,
              triagedAt: true,
              agency: { select: { name: true } },
              report: { select: { id: true, reference: true } },
            },
          })
        : null;
    await recordAudit(tx, {
      actor: user,
      action: "submission.view",
      recordType: "submission",
      recordId: isUuid(id) ? id : undefined,
      outcome: row ? "SUCCESS" : "DENIED",
    });
    if (!row) return null;
    return {
      id: row.id,
      agencyName: row.agency.name,
      status: row.status,
      wish: row.wish,
      submittedAt: row.createdAt,
      safeguardingConcerns: row.safeguardingConcerns,
      anonymous: row.anonymous,
      answers: row.answers as unknown as SubmissionAnswers,
      report: row.report,
      notOpenedReason: row.notOpenedReason,
      triagedAt: row.triagedAt,
    };
  });
}

// How many submissions to the unit nobody has looked at yet.
export async function countNewSubmissionsForUnit(user: CurrentUser): Promise<number> {
  const unitId = unitScope(user, "submission:triage:unit");
  if (!unitId) return 0;
  return withRowScope(rowScopeOf(user), (tx) =>
    tx.thirdPartySubmission.count({ where: { unitId, status: "RECEIVED" } }),
  );
}

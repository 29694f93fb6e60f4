// Reading referrals. A partner sees their own agency's referrals only, and of each only what
// was shared (erased after a withdrawal); the unit sees the status, dates, basis and updates
// of its own referrals. Every read is scoped in the `where` and audited in the same
// transaction; a partner opening another agency's referral gets nothing, audited as DENIED.
import { rowScopeOf, withRowScope } from "@/lib/db/scope";
import type { Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { recordAudit } from "@/lib/audit/record-audit";
import { agencyScope, unitScope } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";
import { isUuid } from "@/lib/ids";
import { pageOf, type Page } from "@/lib/pagination";
import type {
  ConsentField,
  LawfulBasis,
  ReferralCloseReason,
  ReferralSide,
  ReferralStatus,
} from "@/lib/generated/prisma/enums";
import { readSharedSnapshot, type SharedSnapshot } from "./snapshot";
import { answerDueBy, isReferralOverdue, overdueCandidatesBefore } from "./overdue";

export type AgencyReferralRow = {
  id: string;
  createdAt: Date;
  status: ReferralStatus;
  // Only when the person agreed to share it, and never after a withdrawal.
  workingName: string | null;
};

export async function findReferralsForAgency(
  user: CurrentUser,
  page: number,
): Promise<Page<AgencyReferralRow>> {
  const agencyId = agencyScope(user, "referral:read:agency");
  const size = env().PAGE_SIZE;
  if (!agencyId) return pageOf([], 0, 1, size);
  // Withdrawn referrals stay listed: the agency must see that it has to erase them.
  const where = { agencyId };
  return withRowScope(rowScopeOf(user), async (tx) => {
    // One connection per transaction: its queries run one after another.
    const total = await tx.referral.count({ where });
    const rows = await tx.referral.findMany({
      where,
      // New ones first, then the newest.
      orderBy: [{ status: "asc" }, { createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * size,
      take: size,
      select: { id: true, createdAt: true, status: true, shared: true },
    });
    await recordAudit(tx, {
      actor: user,
      action: "referral.list",
      recordType: "agency",
      recordId: agencyId,
      recordIds: rows.map((r) => r.id),
      outcome: "SUCCESS",
    });
    return pageOf(
      rows.map(({ shared, ...row }) => ({
        ...row,
        workingName: readSharedSnapshot(shared)?.workingName ?? null,
      })),
      total,
      page,
      size,
    );
  });
}

export type ReferralUpdateView = { id: string; side: ReferralSide; text: string; createdAt: Date };

export type AgencyReferralView = {
  id: string;
  createdAt: Date;
  status: ReferralStatus;
  respondedAt: Date | null;
  withdrawnAt: Date | null;
  erasureAcknowledgedAt: Date | null;
  unitName: string;
  officerContact: string | null;
  // Null once consent is withdrawn: the agency keeps only the fact and the dates.
  shared: SharedSnapshot | null;
  overrideBasis: LawfulBasis | null;
  declineReason: string | null;
  closeReason: ReferralCloseReason | null;
  closeNote: string | null;
  updates: ReferralUpdateView[];
};

export async function getReferralForAgency(
  user: CurrentUser,
  id: string,
): Promise<AgencyReferralView | null> {
  const agencyId = agencyScope(user, "referral:read:agency");
  return withRowScope(rowScopeOf(user), async (tx) => {
    const row =
      agencyId && isUuid(id)
        ? await tx.referral.findFirst({
            where: { id, agencyId },
            select: {
              id: true,
              createdAt: true,
              status: true,
              respondedAt: true,
              withdrawnAt: true,
              erasureAcknowledgedAt: true,
              unit: { select: { name: true } },
              officerContact: true,
              shared: true,
              override: { select: { basis: true } },
              declineReason: true,
              closeReason: true,
              closeNote: true,
              updates: {
                orderBy: [{ createdAt: "asc" }, { id: "asc" }],
                select: { id: true, side: true, text: true, createdAt: true },
              },
            },
          })
        : null;
    await recordAudit(tx, {
      actor: user,
      action: "referral.view",
      recordType: "referral",
      recordId: isUuid(id) ? id : undefined,
      outcome: row ? "SUCCESS" : "DENIED",
    });
    if (!row) return null;
    const { unit, override, shared, updates, ...rest } = row;
    const withdrawn = rest.status === "WITHDRAWN";
    return {
      ...rest,
      unitName: unit.name,
      shared: withdrawn ? null : readSharedSnapshot(shared),
      overrideBasis: override?.basis ?? null,
      // After a withdrawal nothing about the person stays on the agency's page.
      updates: withdrawn ? [] : updates,
      closeNote: withdrawn ? null : rest.closeNote,
      declineReason: withdrawn ? null : rest.declineReason,
    };
  });
}

export type UnitReferralRow = {
  id: string;
  agencyName: string;
  createdAt: Date;
  status: ReferralStatus;
  respondedAt: Date | null;
  withdrawnAt: Date | null;
  erasureAcknowledgedAt: Date | null;
  sharedFields: ConsentField[];
  // The basis: a consent, or a supervisor's override on a lawful basis with its reason.
  override: { basis: LawfulBasis; reason: string } | null;
  report: { id: string; reference: string } | null;
  declineReason: string | null;
  closeReason: ReferralCloseReason | null;
  closeNote: string | null;
  dueBy: Date;
  overdue: boolean;
  updates: ReferralUpdateView[];
};

const UNIT_SELECT = {
  id: true,
  agency: { select: { name: true } },
  createdAt: true,
  status: true,
  respondedAt: true,
  withdrawnAt: true,
  erasureAcknowledgedAt: true,
  sharedFields: true,
  override: { select: { basis: true, reason: true } },
  report: { select: { id: true, reference: true } },
  declineReason: true,
  closeReason: true,
  closeNote: true,
  updates: {
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, side: true, text: true, createdAt: true },
  },
} satisfies Prisma.ReferralSelect;

// The unit's referrals of one person, or on one case (the person's, in the unit).
export async function findReferralsForUnit(
  user: CurrentUser,
  about: { personId: string } | { reportId: string },
  now: Date = new Date(),
): Promise<UnitReferralRow[]> {
  const unitId = unitScope(user, "referral:read:unit");
  const id = "personId" in about ? about.personId : about.reportId;
  if (!unitId || !isUuid(id)) return [];
  return withRowScope(rowScopeOf(user), async (tx) => {
    const rows = await tx.referral.findMany({
      where: "personId" in about ? { unitId, personId: id } : { unitId, reportId: id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: UNIT_SELECT,
    });
    await recordAudit(tx, {
      actor: user,
      action: "referral.list",
      recordType: "personId" in about ? "person" : "report",
      recordId: id,
      recordIds: rows.map((r) => r.id),
      outcome: "SUCCESS",
    });
    return rows.map(({ agency, ...row }) => ({
      ...row,
      agencyName: agency.name,
      dueBy: answerDueBy(row.createdAt),
      overdue: isReferralOverdue(row, now),
    }));
  });
}

export type OverdueReferralRow = {
  id: string;
  personId: string;
  workingName: string;
  agencyName: string;
  createdAt: Date;
  dueBy: Date;
};

// Referrals of the unit still unanswered after 5 working days, oldest first, for the home page.
export async function findOverdueReferrals(
  user: CurrentUser,
  now: Date = new Date(),
): Promise<OverdueReferralRow[]> {
  const unitId = unitScope(user, "referral:read:unit");
  if (!unitId) return [];
  return withRowScope(rowScopeOf(user), async (tx) => {
    const rows = await tx.referral.findMany({
      where: { unitId, status: "SENT", createdAt: { lt: overdueCandidatesBefore(now) } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        status: true,
        createdAt: true,
        personId: true,
        person: { select: { workingName: true } },
        agency: { select: { name: true } },
      },
    });
    await recordAudit(tx, {
      actor: user,
      action: "referral.listOverdue",
      recordType: "unit",
      recordId: unitId,
      outcome: "SUCCESS",
    });
    return rows
      .filter((r) => isReferralOverdue(r, now))
      .map((r) => ({
        id: r.id,
        personId: r.personId,
        workingName: r.person.workingName,
        agencyName: r.agency.name,
        createdAt: r.createdAt,
        dueBy: answerDueBy(r.createdAt),
      }));
  });
}

// Referrals as a partner agency sees them: only their own agency's, only the fields the
// person agreed to share.
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { recordAudit } from "@/lib/audit/record-audit";
import { agencyScope } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";
import { pageOf, type Page } from "@/lib/pagination";
import type { ReferralStatus } from "@/lib/generated/prisma/enums";

export type AgencyReferralRow = {
  id: string;
  createdAt: Date;
  status: ReferralStatus;
  workingName: string;
  supportNeeded: string;
  contactNote: string | null;
};

export async function findReferralsForAgency(
  user: CurrentUser,
  page: number,
): Promise<Page<AgencyReferralRow>> {
  const agencyId = agencyScope(user, "referral:read:agency");
  const size = env().PAGE_SIZE;
  if (!agencyId) return pageOf([], 0, 1, size);
  const now = new Date();
  // A referral stays visible only while the consent behind it stands.
  const where = {
    agencyId,
    consent: { withdrawnAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
  };
  return db().$transaction(async (tx) => {
    // One connection per transaction: its queries run one after another.
    const total = await tx.referral.count({ where });
    const rows = await tx.referral.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * size,
      take: size,
      select: {
        id: true,
        createdAt: true,
        status: true,
        supportNeeded: true,
        contactNote: true,
        person: { select: { workingName: true } },
      },
    });
    await recordAudit(tx, {
      actor: user,
      action: "referral.list",
      recordType: "agency",
      recordId: agencyId,
      outcome: "SUCCESS",
    });
    return pageOf(
      rows.map(({ person, ...row }) => ({ ...row, workingName: person.workingName })),
      total,
      page,
      size,
    );
  });
}

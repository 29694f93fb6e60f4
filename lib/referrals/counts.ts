// How many referrals the unit made in a period, how many the agencies accepted, and how
// many ended with the person taking up support: the trust and engagement figures. A cohort
// by the day each referral was sent, so the three numbers compare like with like. Accepted
// means the agency answered without declining (a referral closed, or withdrawn after being
// accepted, still counts); taken up means closed as "support taken up".
import { rowScopeOf, withRowScope } from "@/lib/db/scope";
import { can, unitScope } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";

export type ReferralCounts = { made: number; accepted: number; takenUp: number };

// `from` inclusive, `to` exclusive. Supervisors count the unit; officers their own referrals.
export async function countReferrals(
  user: CurrentUser,
  period: { from: Date; to: Date },
): Promise<ReferralCounts | null> {
  const unitId = unitScope(user, "dashboard:read:unit") ?? unitScope(user, "dashboard:read:own");
  if (!unitId) return null;
  const mine = can(user, "dashboard:read:unit") ? {} : { createdById: user.id };
  const where = { unitId, ...mine, createdAt: { gte: period.from, lt: period.to } };
  return withRowScope(rowScopeOf(user), async (tx) => {
    const made = await tx.referral.count({ where });
    const accepted = await tx.referral.count({
      where: { ...where, respondedAt: { not: null }, declineReason: null },
    });
    const takenUp = await tx.referral.count({ where: { ...where, closeReason: "SUPPORT_TAKEN_UP" } });
    return { made, accepted, takenUp };
  });
}

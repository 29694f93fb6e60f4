// Everything the officer's and supervisor's home shows, read in one scoped transaction
// (lib/db/scope.ts `withOneTransaction`). Each list keeps its own authorisation, scoping and
// audit; this only decides that they share a transaction.
import type { CurrentUser } from "@/lib/auth/current-user";
import { rowScopeOf, withOneTransaction } from "@/lib/db/scope";
import { findOpenReportsForUnit } from "@/lib/reports/queries";
import { findOverridesToReview } from "@/lib/reports/restriction-decisions";
import { findDueUpdatesForOfficer } from "@/lib/victims-code/queries";
import { findOverdueRiskReviews } from "@/lib/risk/queries";
import { findUnrecordedCrimes } from "@/lib/crime-recording/queries";
import { findOverdueReferrals } from "@/lib/referrals/queries";
import { countNewSubmissionsForUnit } from "@/lib/third-party/queries";
import { findOfficersInUnit } from "@/lib/users/queries";

export async function getHomeView(user: CurrentUser, page: number, now: Date) {
  const [officers, lists] = await Promise.all([
    // Accounts are not case content: read outside the scoped transaction.
    user.role === "SUPERVISOR" ? findOfficersInUnit(user) : Promise.resolve([]),
    withOneTransaction(rowScopeOf(user), async () => {
      // One connection serves them in turn; started together, they wait in its queue.
      const [reports, updates, overrides, reviews, crimes, overdueReferrals, submissionsWaiting] =
        await Promise.all([
          findOpenReportsForUnit(user, page),
          findDueUpdatesForOfficer(user, now),
          findOverridesToReview(user),
          findOverdueRiskReviews(user, now),
          findUnrecordedCrimes(user, now),
          findOverdueReferrals(user, now),
          countNewSubmissionsForUnit(user),
        ]);
      return { reports, updates, overrides, reviews, crimes, overdueReferrals, submissionsWaiting };
    }),
  ]);
  return { officers, ...lists };
}

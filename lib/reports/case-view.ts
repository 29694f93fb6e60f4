// Everything the case page shows, read in one scoped transaction (lib/db/scope.ts
// `withOneTransaction`): the case record, which is audited first, and then the pieces that
// hang on it. Each piece keeps its own authorisation and scoping; this only decides that they
// share a transaction and that they are read after the record was found.
import type { CurrentUser } from "@/lib/auth/current-user";
import { rowScopeOf, withOneTransaction } from "@/lib/db/scope";
import { getReportForUser } from "./queries";
import { getRestrictedCaseNotice, getRestrictionState } from "./restriction-decisions";
import { findLinkedReports } from "@/lib/suspects/links";
import { findAlertMatchesForReport } from "@/lib/alerts/queries";
import { getCrimeRecordingForReport } from "@/lib/crime-recording/queries";
import { getRiskForReport } from "@/lib/risk/queries";
import { findSafeguardingForReport } from "@/lib/safeguarding/queries";
import { findReferralsForUnit } from "@/lib/referrals/queries";

export async function getCaseView(user: CurrentUser, id: string, now: Date) {
  return withOneTransaction(rowScopeOf(user), async () => {
    const report = await getReportForUser(user, id);
    if (!report) return { found: false as const, notice: await getRestrictedCaseNotice(user, id) };
    // One connection serves them in turn; started together, they wait in its queue.
    const [links, restriction, alertMatches, recording, risk, safeguarding, referrals] = await Promise.all([
      findLinkedReports(user, report.id),
      getRestrictionState(user, report.id),
      findAlertMatchesForReport(user, report.id, now),
      getCrimeRecordingForReport(user, report.id, now),
      getRiskForReport(user, report.id, now),
      findSafeguardingForReport(user, report.id),
      findReferralsForUnit(user, { reportId: report.id }, now),
    ]);
    return {
      found: true as const,
      report,
      links,
      restriction,
      alertMatches,
      recording,
      risk,
      safeguarding,
      referrals,
    };
  });
}

// Everything a person's page shows, read in one scoped transaction (lib/db/scope.ts
// `withOneTransaction`): the person, who is audited first, then a page of their reports and
// of their contacts, and what may be and was shared about them. Each list keeps its own
// authorisation, scoping and audit.
import type { CurrentUser } from "@/lib/auth/current-user";
import { rowScopeOf, withOneTransaction } from "@/lib/db/scope";
import { getPersonForUser, findReportsForPerson } from "./queries";
import { findContactsForPerson } from "@/lib/contacts/queries";
import { findConsentsForPerson } from "@/lib/consent/queries";
import { findReferralsForUnit } from "@/lib/referrals/queries";

export async function getPersonView(
  user: CurrentUser,
  id: string,
  pages: { reports: number; contacts: number },
  now: Date,
) {
  return withOneTransaction(rowScopeOf(user), async () => {
    const person = await getPersonForUser(user, id, { withReports: false });
    if (!person) return null;
    // One connection serves them in turn; started together, they wait in its queue.
    const [reports, contacts, consents, referrals] = await Promise.all([
      findReportsForPerson(user, person.id, pages.reports),
      findContactsForPerson(user, person.id, pages.contacts),
      findConsentsForPerson(user, person.id, now),
      findReferralsForUnit(user, { personId: person.id }, now),
    ]);
    return { person, reports, contacts, consents, referrals };
  });
}

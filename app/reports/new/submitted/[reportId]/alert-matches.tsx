import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { CurrentUser } from "@/lib/auth/current-user";
import { findAlertMatchesForReport } from "@/lib/alerts/queries";

// Straight after intake: if the new report's suspect matches an active safety alert of the
// unit, the officer hears it now rather than on a later visit to the case.
export async function AlertMatches({ user, reportId }: { user: CurrentUser; reportId: string }) {
  const [matches, t] = await Promise.all([findAlertMatchesForReport(user, reportId), getTranslations()]);
  if (matches.length === 0) return null;
  return (
    <ul className="mb-6 list-none">
      {matches.map((m) => (
        <li key={m.id} className="mb-2 border-l-8 border-danger bg-panel p-3 font-bold">
          <Link href={`/alerts/${m.id}`}>{t("alerts.submittedMatch", { title: m.title })}</Link>
        </li>
      ))}
    </ul>
  );
}

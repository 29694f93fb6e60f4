import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/authz/scope";
import { findAlertMatchesForReport } from "@/lib/alerts/queries";

type Props = { user: CurrentUser; reportId: string; now: Date };

// Tells the officer when this report's suspect matches an active safety alert of the unit,
// and offers to draft an alert from this report.
export async function CaseAlerts({ user, reportId, now }: Props) {
  if (!can(user, "alert:read:unit")) return null;
  const [matches, t] = await Promise.all([findAlertMatchesForReport(user, reportId, now), getTranslations()]);
  const drafting = can(user, "alert:draft:unit");
  if (matches.length === 0 && !drafting) return null;
  return (
    <section aria-labelledby="case-alerts-heading" className="mb-8 max-w-3xl">
      <h2 id="case-alerts-heading" className="mb-2 text-xl font-bold">
        {t("alerts.caseHeading")}
      </h2>
      {matches.map((m) => (
        <p key={m.id} className="mb-3 border-l-8 border-danger bg-panel p-3 font-bold">
          <Link href={`/alerts/${m.id}`}>{t("alerts.caseMatch", { title: m.title })}</Link>
        </p>
      ))}
      {drafting && (
        <p>
          <Link href={`/alerts/new?report=${reportId}`}>{t("alerts.caseDraft")}</Link>
        </p>
      )}
    </section>
  );
}

import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/authz/scope";
import type { AlertMatch } from "@/lib/alerts/queries";

type Props = { user: CurrentUser; reportId: string; matches: AlertMatch[] };

// Tells the officer when this report's suspect matches an active safety alert of the unit,
// and offers to draft an alert from this report.
export async function CaseAlerts({ user, reportId, matches }: Props) {
  if (!can(user, "alert:read:unit")) return null;
  const drafting = can(user, "alert:draft:unit");
  if (matches.length === 0 && !drafting) return null;
  const t = await getTranslations();
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

import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/authz/scope";
import { findActiveAlertsForAgency } from "@/lib/alerts/queries";

// Active safety alerts for the partner's own agency, on their home page. No count is shown:
// the list itself is what they need, and a count of a handful says nothing more.
export async function AgencyAlerts({ user }: { user: CurrentUser }) {
  if (!can(user, "alert:read:agency")) return null;
  const [alerts, t, format] = await Promise.all([
    findActiveAlertsForAgency(user),
    getTranslations(),
    getFormatter(),
  ]);
  return (
    <section aria-labelledby="alerts-heading" className="mb-10 max-w-3xl">
      <h2 id="alerts-heading" className="mb-2 text-2xl font-bold">
        {t("alerts.partnerHeading")}
      </h2>
      <p className="mb-3 text-muted">{t("alerts.partnerIntro")}</p>
      {alerts.length === 0 ? (
        <p>{t("alerts.partnerNone")}</p>
      ) : (
        <ul className="list-none">
          {alerts.map((a) => (
            <li key={a.id} className="mb-3 border-l-8 border-danger bg-panel p-3">
              <p className="text-lg font-bold">{a.title}</p>
              <p className="text-muted">
                {[
                  a.area,
                  a.approvedAt && t("alerts.partnerIssued", { date: format.dateTime(a.approvedAt, "date") }),
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </p>
              {/* The label starts with the visible words, so voice control finds it too. */}
              <Link href={`/alerts/${a.id}`} aria-label={`${t("alerts.partnerOpen")}: ${a.title}`}>
                {t("alerts.partnerOpen")}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

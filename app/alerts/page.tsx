import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session-user";
import { can } from "@/lib/authz/scope";
import { findAlertsForUnit } from "@/lib/alerts/queries";
import { DataTable } from "@/components/data-table";
import { AgencyAlerts } from "@/components/alerts/agency-alerts";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("alerts");
  return { title: t("title") };
}

// The unit's alerts in every state; a partner sees the active alerts sent to their agency.
export default async function AlertsPage() {
  const user = await requireUser();
  if (can(user, "alert:read:agency"))
    return (
      <>
        <h1 className="mb-6 text-3xl font-bold">{(await getTranslations("alerts"))("title")}</h1>
        <AgencyAlerts user={user} />
      </>
    );
  if (!can(user, "alert:read:unit")) notFound();
  const now = new Date();
  const [alerts, t, format] = await Promise.all([
    findAlertsForUnit(user, now),
    getTranslations(),
    getFormatter(),
  ]);
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t("alerts.title")}</h1>
      <p className="mb-4 max-w-3xl text-muted">{t("alerts.intro")}</p>
      {can(user, "alert:draft:unit") && (
        <p className="mb-6">
          <Link href="/alerts/new">{t("alerts.newAlert")}</Link>
        </p>
      )}
      {alerts.length === 0 ? (
        <p>{t("alerts.none")}</p>
      ) : (
        <DataTable
          caption={t("alerts.tableCaption")}
          rows={alerts}
          rowKey={(a) => a.id}
          columns={[
            {
              header: t("alerts.columnTitle"),
              rowHeader: true,
              cell: (a) => <Link href={`/alerts/${a.id}`}>{a.title}</Link>,
            },
            {
              header: t("alerts.columnStatus"),
              cell: (a) => (a.expired ? t("alerts.expiredStatus") : t(`enums.AlertStatus.${a.status}`)),
            },
            { header: t("alerts.columnUpdated"), cell: (a) => format.dateTime(a.updatedAt, "date") },
            {
              header: t("alerts.columnExpires"),
              cell: (a) => (a.expiresAt ? format.dateTime(a.expiresAt, "date") : ""),
            },
          ]}
        />
      )}
    </>
  );
}

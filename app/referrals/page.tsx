import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session-user";
import { findReferralsForAgency } from "@/lib/referrals/queries";
import { pageNumberSchema } from "@/lib/pagination";
import { DataTable } from "@/components/data-table";
import { Pagination } from "@/components/pagination";
import { AgencyAlerts } from "@/components/alerts/agency-alerts";
import { ThirdPartyLinks } from "./third-party-links";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("referrals");
  return { title: t("title") };
}

export default async function ReferralsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requirePermission("referral:read:agency");
  const page = pageNumberSchema.parse((await searchParams).page);
  const referrals = await findReferralsForAgency(user, page);
  const t = await getTranslations();
  const format = await getFormatter();
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t("referrals.title")}</h1>
      <AgencyAlerts user={user} />
      <p className="mb-6 text-muted">{t("referrals.intro")}</p>
      <ThirdPartyLinks />
      {referrals.total === 0 ? (
        <p>{t("referrals.none")}</p>
      ) : (
        <>
          <DataTable
            caption={t("referrals.tableCaption", { total: referrals.total })}
            rows={referrals.rows}
            rowKey={(r) => r.id}
            columns={[
              {
                header: t("referrals.received"),
                rowHeader: true,
                cell: (r) => (
                  <Link href={`/referrals/${r.id}`}>
                    {t("referrals.openReferral", { date: format.dateTime(r.createdAt, "date") })}
                  </Link>
                ),
              },
              { header: t("referrals.workingName"), cell: (r) => r.workingName ?? t("referrals.notShared") },
              {
                header: t("referrals.status"),
                cell: (r) =>
                  r.status === "SENT" || r.status === "WITHDRAWN" ? (
                    <strong>{t(`enums.ReferralStatus.${r.status}`)}</strong>
                  ) : (
                    t(`enums.ReferralStatus.${r.status}`)
                  ),
              },
            ]}
          />
          <Pagination path="/referrals" page={referrals.page} pageCount={referrals.pageCount} />
        </>
      )}
    </>
  );
}

import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session-user";
import { findReferralsForAgency } from "@/lib/referrals/queries";
import { pageNumberSchema } from "@/lib/pagination";
import { DataTable } from "@/components/data-table";
import { Pagination } from "@/components/pagination";

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
      <p className="mb-6 text-muted">{t("referrals.intro")}</p>
      {referrals.total === 0 ? (
        <p>{t("referrals.none")}</p>
      ) : (
        <>
          <DataTable
            caption={t("referrals.tableCaption", { total: referrals.total })}
            rows={referrals.rows}
            rowKey={(r) => r.id}
            columns={[
              { header: t("referrals.workingName"), rowHeader: true, cell: (r) => r.workingName },
              { header: t("referrals.received"), cell: (r) => format.dateTime(r.createdAt, "date") },
              { header: t("referrals.supportNeeded"), cell: (r) => r.supportNeeded },
              { header: t("referrals.contactNote"), cell: (r) => r.contactNote ?? "" },
              { header: t("referrals.status"), cell: (r) => t(`enums.ReferralStatus.${r.status}`) },
            ]}
          />
          <Pagination path="/referrals" page={referrals.page} pageCount={referrals.pageCount} />
        </>
      )}
    </>
  );
}

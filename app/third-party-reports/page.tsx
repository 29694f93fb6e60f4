import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session-user";
import { can } from "@/lib/authz/scope";
import { findSubmissionsForAgency } from "@/lib/third-party/queries";
import { pageNumberSchema } from "@/lib/pagination";
import { DataTable } from "@/components/data-table";
import { Pagination } from "@/components/pagination";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("thirdParty");
  return { title: t("partnerTitle") };
}

type Props = { searchParams: Promise<{ page?: string; submitted?: string }> };

export default async function ThirdPartyReportsPage({ searchParams }: Props) {
  const user = await requirePermission("submission:read:own");
  const params = await searchParams;
  const page = pageNumberSchema.parse(params.page);
  const submissions = await findSubmissionsForAgency(user, page);
  const t = await getTranslations();
  const format = await getFormatter();
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t("thirdParty.partnerTitle")}</h1>
      {params.submitted === "1" && (
        <p role="status" className="mb-6 border-l-4 border-brand bg-panel p-4 font-bold">
          {t("thirdParty.submittedBanner")}
        </p>
      )}
      <p className="mb-4 text-muted">{t("thirdParty.partnerIntro")}</p>
      {can(user, "report:submit:third-party") && (
        <p className="mb-6">
          <Link href="/third-party-reports/new">{t("thirdParty.partnerLink")}</Link>
        </p>
      )}
      {submissions.total === 0 ? (
        <p>{t("thirdParty.none")}</p>
      ) : (
        <>
          <DataTable
            caption={t("thirdParty.tableCaption", { total: submissions.total })}
            rows={submissions.rows}
            rowKey={(s) => s.id}
            columns={[
              {
                header: t("thirdParty.submitted"),
                rowHeader: true,
                cell: (s) => (
                  <Link href={`/third-party-reports/${s.id}`}>
                    {t("thirdParty.openSubmission", { date: format.dateTime(s.submittedAt, "date") })}
                  </Link>
                ),
              },
              { header: t("thirdParty.status"), cell: (s) => t(`enums.SubmissionStatus.${s.status}`) },
              { header: t("thirdParty.updated"), cell: (s) => format.dateTime(s.updatedAt, "date") },
              { header: t("thirdParty.wish"), cell: (s) => t(`enums.SubmissionWish.${s.wish}`) },
            ]}
          />
          <Pagination path="/third-party-reports" page={submissions.page} pageCount={submissions.pageCount} />
        </>
      )}
    </>
  );
}

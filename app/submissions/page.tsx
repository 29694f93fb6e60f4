import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session-user";
import { findSubmissionsForUnit } from "@/lib/third-party/queries";
import { pageNumberSchema } from "@/lib/pagination";
import { DataTable } from "@/components/data-table";
import { Pagination } from "@/components/pagination";
import { SafeguardingFlag } from "@/components/third-party/safeguarding-flag";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("thirdParty");
  return { title: t("queueTitle") };
}

export default async function SubmissionsPage({
  searchParams,
}: {
  searchParams: Promise<{ page?: string }>;
}) {
  const user = await requirePermission("submission:triage:unit");
  const page = pageNumberSchema.parse((await searchParams).page);
  const queue = await findSubmissionsForUnit(user, page);
  const t = await getTranslations();
  const format = await getFormatter();
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t("thirdParty.queueTitle")}</h1>
      <p className="mb-6 text-muted">{t("thirdParty.queueIntro")}</p>
      {queue.total === 0 ? (
        <p>{t("thirdParty.queueNone")}</p>
      ) : (
        <>
          <DataTable
            caption={t("thirdParty.queueCaption", { total: queue.total })}
            rows={queue.rows}
            rowKey={(r) => r.id}
            columns={[
              {
                header: t("thirdParty.received"),
                rowHeader: true,
                cell: (r) => (
                  <Link href={`/submissions/${r.id}`}>
                    {t("thirdParty.openQueueItem", { date: format.dateTime(r.submittedAt, "date") })}
                  </Link>
                ),
              },
              {
                header: t("thirdParty.safeguarding"),
                cell: (r) =>
                  r.safeguardingConcerns.length === 0 ? (
                    t("thirdParty.noSafeguardingFlag")
                  ) : (
                    <SafeguardingFlag concerns={r.safeguardingConcerns} />
                  ),
              },
              { header: t("thirdParty.agency"), cell: (r) => r.agencyName },
              {
                header: t("thirdParty.status"),
                cell: (r) =>
                  r.status === "RECEIVED" ? (
                    <strong>{t(`enums.SubmissionStatus.${r.status}`)}</strong>
                  ) : (
                    t(`enums.SubmissionStatus.${r.status}`)
                  ),
              },
              { header: t("thirdParty.wish"), cell: (r) => t(`enums.SubmissionWish.${r.wish}`) },
            ]}
          />
          <Pagination path="/submissions" page={queue.page} pageCount={queue.pageCount} />
        </>
      )}
    </>
  );
}

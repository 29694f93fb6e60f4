import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session-user";
import { findDraftsForUser } from "@/lib/intake/drafts";
import { DataTable } from "@/components/data-table";
import { Pagination } from "@/components/pagination";
import { pageNumberSchema } from "@/lib/pagination";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("intake");
  return { title: t("draftsTitle") };
}

export default async function DraftsPage({
  searchParams,
}: {
  searchParams: Promise<{ discarded?: string; page?: string }>;
}) {
  const user = await requirePermission("draft:manage:own");
  const { discarded, page } = await searchParams;
  const drafts = await findDraftsForUser(user, pageNumberSchema.parse(page));
  const t = await getTranslations("intake");
  const format = await getFormatter();
  return (
    <>
      {discarded && (
        <p role="status" className="mb-6 border-l-4 border-brand bg-panel p-3">
          {t("discarded")}
        </p>
      )}
      <h1 className="mb-2 text-3xl font-bold">{t("draftsTitle")}</h1>
      <p className="mb-6 text-muted">{t("draftsIntro")}</p>
      {drafts.total === 0 ? (
        <p className="mb-6">{t("noDrafts")}</p>
      ) : (
        <DataTable
          caption={t("draftsCaption", { count: drafts.total })}
          rows={drafts.rows}
          rowKey={(d) => d.id}
          columns={[
            {
              header: t("draftPerson"),
              rowHeader: true,
              cell: (d) => (
                <Link href={`/reports/new/${d.id}/${d.step}`}>{d.workingName ?? t("draftUnnamed")}</Link>
              ),
            },
            {
              header: t("draftStep"),
              cell: (d) => (t.has(`steps.${d.step}.title`) ? t(`steps.${d.step}.title`) : d.step),
            },
            { header: t("draftSaved"), cell: (d) => format.dateTime(d.updatedAt, "dateTime") },
          ]}
        />
      )}
      <Pagination path="/reports/drafts" page={drafts.page} pageCount={drafts.pageCount} />
      <p className="mt-6">
        <Link href="/reports/new">{t("startTitle")}</Link>
      </p>
    </>
  );
}

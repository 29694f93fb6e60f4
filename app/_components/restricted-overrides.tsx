import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { OverrideToReview } from "@/lib/reports/restriction-decisions";
import { DataTable } from "@/components/data-table";
import { reviewOverrideAction } from "@/app/reports/[id]/restriction/actions";
import { ActionButton } from "@/components/form/action-button";

// The supervisors' alert: colleagues who opened a restricted case by override, with their
// reason, until a supervisor marks each one reviewed. Nothing shows when there are none.
export async function RestrictedOverrides({ rows }: { rows: OverrideToReview[] }) {
  if (rows.length === 0) return null;
  const [t, format] = await Promise.all([getTranslations("restriction"), getFormatter()]);
  return (
    <section aria-labelledby="overrides-heading" className="mb-8 border-l-4 border-danger bg-panel p-4">
      <h2 id="overrides-heading" className="mb-2 text-xl font-bold">
        {t("reviewHeading")}
      </h2>
      <p className="mb-3">{t("reviewIntro")}</p>
      <DataTable
        caption={t("reviewCaption", { count: rows.length })}
        rows={rows}
        rowKey={(r) => r.id}
        columns={[
          {
            header: t("case"),
            rowHeader: true,
            cell: (r) => <Link href={`/reports/${r.reportId}`}>{r.reference}</Link>,
          },
          { header: t("openedBy"), cell: (r) => r.userName },
          { header: t("openedAt"), cell: (r) => format.dateTime(r.createdAt, "dateTime") },
          { header: t("reason"), cell: (r) => <span className="whitespace-pre-wrap">{r.reason}</span> },
          {
            header: t("review"),
            cell: (r) => (
              <ActionButton
                action={reviewOverrideAction.bind(null, r.id)}
                label={t("markReviewed", { reference: r.reference })}
                className="underline disabled:opacity-60"
              />
            ),
          },
        ]}
      />
    </section>
  );
}

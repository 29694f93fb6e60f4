import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { SafeguardingView } from "@/lib/safeguarding/queries";
import { DataTable } from "@/components/data-table";

type Props = { reportId: string; records: SafeguardingView[]; canRecord: boolean };

// Safeguarding concerns raised on the report (from intake or the case page): whether a
// referral was made and to whom, or why it was not required.
export async function SafeguardingPanel({ reportId, records, canRecord }: Props) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  return (
    <section aria-labelledby="safeguarding-heading" className="mb-8 max-w-4xl">
      <h2 id="safeguarding-heading" className="mb-2 text-xl font-bold">
        {t("caseSafeguarding.heading")}
      </h2>
      {records.length === 0 ? (
        <p className="mb-3">{t("caseSafeguarding.none")}</p>
      ) : (
        <div className="mb-3">
          <DataTable
            caption={t("caseSafeguarding.caption")}
            rows={records}
            rowKey={(r) => r.id}
            columns={[
              {
                header: t("caseSafeguarding.concern"),
                rowHeader: true,
                cell: (r) => t(`enums.SafeguardingConcern.${r.concern}`),
              },
              {
                header: t("caseSafeguarding.referral"),
                cell: (r) => (
                  <span className="whitespace-pre-wrap">
                    {r.referralMade
                      ? t("caseSafeguarding.referralMade", { to: r.referredTo ?? "" })
                      : t("caseSafeguarding.referralNotMade", { why: r.notMadeReason ?? "" })}
                  </span>
                ),
              },
              {
                header: t("caseSafeguarding.recorded"),
                cell: (r) =>
                  r.recordedBy
                    ? t("caseSafeguarding.recordedOn", {
                        date: format.dateTime(r.recordedAt, "date"),
                        name: r.recordedBy,
                      })
                    : t("caseSafeguarding.recordedOnNoName", { date: format.dateTime(r.recordedAt, "date") }),
              },
            ]}
          />
        </div>
      )}
      {canRecord && (
        <p>
          <Link href={`/reports/${reportId}/safeguarding/new`}>{t("caseSafeguarding.addLink")}</Link>
        </p>
      )}
    </section>
  );
}

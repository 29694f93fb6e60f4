// The officer's home: risk reviews whose day has passed, and disclosed crimes still not
// recorded 24 hours after the report, read with the rest of the home (lib/home); only references,
// levels and dates are shown (no case content), like the list of open reports.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { OverdueReview } from "@/lib/risk/queries";
import type { UnrecordedCrime } from "@/lib/crime-recording/queries";
import { DataTable } from "@/components/data-table";

type Listed<Row> = { total: number; rows: Row[] };

export async function HomeSafetyLists({
  reviews,
  crimes,
}: {
  reviews: Listed<OverdueReview>;
  crimes: Listed<UnrecordedCrime>;
}) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const date = (d: Date) => format.dateTime(d, "date");
  const unassigned = t("reports.unassigned");
  return (
    <>
      <section aria-labelledby="risk-reviews-heading" className="mb-8">
        <h2 id="risk-reviews-heading" className="mb-2 text-xl font-bold">
          {t("homeRisk.heading")}
        </h2>
        {reviews.total === 0 ? (
          <p>{t("homeRisk.none")}</p>
        ) : (
          <>
            <p className="mb-3 text-muted">{t("homeRisk.intro")}</p>
            <DataTable
              caption={t("homeRisk.caption", { count: reviews.total })}
              rows={reviews.rows}
              rowKey={(r) => r.reportId}
              columns={[
                {
                  header: t("homeRisk.report"),
                  rowHeader: true,
                  cell: (r) => (
                    <>
                      <Link href={`/reports/${r.reportId}`}>{r.reference}</Link>
                      {r.mine && <span className="text-muted"> {t("homeRisk.yours")}</span>}
                    </>
                  ),
                },
                {
                  header: t("homeRisk.level"),
                  cell: (r) => (r.level ? t(`enums.RiskLevel.${r.level}`) : ""),
                },
                {
                  header: t("homeRisk.reviewOn"),
                  cell: (r) => <strong className="text-danger">{date(r.reviewOn)}</strong>,
                },
                { header: t("homeRisk.officer"), cell: (r) => r.assignedOfficerName ?? unassigned },
              ]}
            />
            {reviews.total > reviews.rows.length && (
              <p className="mt-2">
                {t("homeRisk.more", { shown: reviews.rows.length, total: reviews.total })}
              </p>
            )}
          </>
        )}
      </section>
      <section aria-labelledby="crimes-heading" className="mb-8">
        <h2 id="crimes-heading" className="mb-2 text-xl font-bold">
          {t("homeCrimes.heading")}
        </h2>
        {crimes.total === 0 ? (
          <p>{t("homeCrimes.none")}</p>
        ) : (
          <>
            <p className="mb-3 text-muted">{t("homeCrimes.intro")}</p>
            <DataTable
              caption={t("homeCrimes.caption", { count: crimes.total })}
              rows={crimes.rows}
              rowKey={(r) => r.reportId}
              columns={[
                {
                  header: t("homeCrimes.report"),
                  rowHeader: true,
                  cell: (r) => <Link href={`/reports/${r.reportId}`}>{r.reference}</Link>,
                },
                { header: t("homeCrimes.reportedOn"), cell: (r) => date(r.reportedAt) },
                { header: t("homeCrimes.dueBy"), cell: (r) => format.dateTime(r.dueBy, "dateTime") },
                { header: t("homeCrimes.officer"), cell: (r) => r.assignedOfficerName ?? unassigned },
              ]}
            />
            {crimes.total > crimes.rows.length && (
              <p className="mt-2">
                {t("homeCrimes.more", { shown: crimes.rows.length, total: crimes.total })}
              </p>
            )}
          </>
        )}
      </section>
    </>
  );
}

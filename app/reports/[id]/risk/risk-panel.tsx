import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ReportRisk } from "@/lib/risk/queries";
import { DataTable } from "@/components/data-table";

type Props = { reportId: string; risk: ReportRisk; canAssess: boolean };

// The current risk assessment on the case page, with its review date (flagged once the day
// has passed in London) and the earlier assessments it replaced.
export async function RiskPanel({ reportId, risk, canAssess }: Props) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const { current, earlier } = risk;
  const date = (d: Date) => format.dateTime(d, "date");
  const factors = (list: readonly string[]) =>
    list.length === 0 ? t("caseRisk.noFactors") : list.map((f) => t(`enums.RiskFactor.${f}`)).join("; ");
  return (
    <section aria-labelledby="risk-heading" className="mb-8 max-w-4xl">
      <h2 id="risk-heading" className="mb-2 text-xl font-bold">
        {t("caseRisk.heading")}
      </h2>
      {!current ? (
        <p className="mb-3">{t("caseRisk.none")}</p>
      ) : (
        <>
          {current.overdue && (
            <p className="mb-3 border-l-4 border-danger bg-panel p-3 font-bold text-danger">
              {t("caseRisk.overdue")}: {date(current.reviewOn)}
            </p>
          )}
          <dl className="mb-3 grid max-w-3xl grid-cols-[minmax(10rem,auto)_1fr] gap-x-6 gap-y-2">
            <dt className="font-bold">{t("caseRisk.level")}</dt>
            <dd>
              <strong>{t(`enums.RiskLevel.${current.level}`)}</strong>
            </dd>
            <dt className="font-bold">{t("caseRisk.factors")}</dt>
            <dd>
              {current.factors.length === 0 ? (
                t("caseRisk.noFactors")
              ) : (
                <ul className="list-disc pl-5">
                  {current.factors.map((f) => (
                    <li key={f}>{t(`enums.RiskFactor.${f}`)}</li>
                  ))}
                </ul>
              )}
            </dd>
            <dt className="font-bold">{t("caseRisk.rationale")}</dt>
            <dd className="whitespace-pre-wrap">{current.rationale}</dd>
            <dt className="font-bold">{t("caseRisk.safetyPlan")}</dt>
            <dd className="whitespace-pre-wrap">{current.safetyPlan ?? t("caseRisk.noSafetyPlan")}</dd>
            <dt className="font-bold">{t("caseRisk.nextReview")}</dt>
            <dd>
              {date(current.reviewOn)}
              {current.overdue && <strong className="text-danger"> ({t("caseRisk.overdue")})</strong>}
            </dd>
          </dl>
          <p className="mb-3 text-muted">
            {current.assessedBy
              ? t("caseRisk.assessed", { date: date(current.assessedAt), name: current.assessedBy })
              : t("caseRisk.assessedNoName", { date: date(current.assessedAt) })}
          </p>
        </>
      )}
      {canAssess && (
        <p className="mb-4">
          <Link href={`/reports/${reportId}/risk`}>
            {current ? t("caseRisk.reassessLink") : t("caseRisk.assessLink")}
          </Link>
        </p>
      )}
      {earlier.length > 0 && (
        <>
          <h3 className="mb-2 font-bold">{t("caseRisk.historyHeading")}</h3>
          <DataTable
            caption={t("caseRisk.historyCaption")}
            rows={earlier}
            rowKey={(a) => a.id}
            columns={[
              { header: t("caseRisk.historyDate"), rowHeader: true, cell: (a) => date(a.assessedAt) },
              { header: t("caseRisk.level"), cell: (a) => t(`enums.RiskLevel.${a.level}`) },
              { header: t("caseRisk.factors"), cell: (a) => factors(a.factors) },
              {
                header: t("caseRisk.rationale"),
                cell: (a) => <span className="whitespace-pre-wrap">{a.rationale}</span>,
              },
              { header: t("caseRisk.nextReview"), cell: (a) => date(a.reviewOn) },
              { header: t("caseRisk.historyBy"), cell: (a) => a.assessedBy ?? "" },
            ]}
          />
        </>
      )}
    </section>
  );
}

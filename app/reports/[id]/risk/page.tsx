import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session-user";
import { getReportForRiskForm } from "@/lib/risk/queries";
import { defaultReviewOn } from "@/lib/risk/review";
import { londonToday } from "@/lib/time/london";
import { RiskForm } from "./risk-form";
import { assessRiskAction } from "./actions";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("caseRisk");
  return { title: t("title") };
}

export default async function AssessRiskPage({ params }: Props) {
  const user = await requirePermission("risk:assess:unit");
  const { id } = await params;
  const report = await getReportForRiskForm(user, id);
  if (!report) notFound();
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const today = londonToday();
  const day = (d: Date) => format.dateTime(d, "date");
  const example = defaultReviewOn("MEDIUM", today);
  const caseHref = `/reports/${report.id}`;
  return (
    <div className="max-w-3xl">
      <Link href={caseHref} className="mb-6 inline-block">
        {t("caseRisk.back")}
      </Link>
      <h1 className="mb-2 text-3xl font-bold">{t("caseRisk.title")}</h1>
      <p className="mb-2 text-muted">{t("caseRisk.forReport", { reference: report.reference })}</p>
      <p className="mb-6">
        {t("caseRisk.intro")}
        {report.riskLevel && (
          <> {t("caseRisk.currentLevel", { level: t(`enums.RiskLevel.${report.riskLevel}`) })}</>
        )}
      </p>
      <RiskForm
        action={assessRiskAction.bind(null, report.id)}
        reviewHint={t("caseRisk.reviewHint", {
          high: day(defaultReviewOn("HIGH", today)),
          medium: day(defaultReviewOn("MEDIUM", today)),
          standard: day(defaultReviewOn("STANDARD", today)),
          example: `${example.getUTCDate()} ${example.getUTCMonth() + 1} ${example.getUTCFullYear()}`,
        })}
      />
      <p className="mt-6">
        <Link href={caseHref}>{t("caseRisk.back")}</Link>
      </p>
    </div>
  );
}

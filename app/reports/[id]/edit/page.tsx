import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session-user";
import { getEditableReport } from "@/lib/reports/update-report";
import { EditReportForm } from "./edit-report-form";
import { updateReportAction } from "./actions";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("reportEdit");
  return { title: t("title") };
}

export default async function EditReportPage({ params }: Props) {
  const user = await requirePermission("report:update:unit");
  const { id } = await params;
  const report = await getEditableReport(user, id);
  if (!report) notFound();
  const t = await getTranslations();
  return (
    <div className="max-w-3xl">
      <Link href={`/reports/${id}`} className="mb-6 inline-block">
        {t("caseEvents.back")}
      </Link>
      <h1 className="mb-2 text-3xl font-bold">{t("reportEdit.title")}</h1>
      <p className="mb-2 text-muted">{t("caseEvents.forReport", { reference: report.reference })}</p>
      <p className="mb-6">{t("reportEdit.intro")}</p>
      <EditReportForm
        save={updateReportAction.bind(null, id)}
        saved={{
          version: String(report.version),
          narrative: report.narrative ?? "",
          area: report.area ?? "",
          incidentTypes: report.incidentTypes.join(","),
          personWants: report.personWants,
          relationship: report.relationship,
        }}
        caseHref={`/reports/${id}`}
      />
    </div>
  );
}

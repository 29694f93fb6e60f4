import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session-user";
import { getReportForNotRecordedForm } from "@/lib/crime-recording/queries";
import { NotRecordedForm } from "./not-recorded-form";
import { recordCrimeNotRecordedAction } from "./actions";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("caseCrimeRecording");
  return { title: t("title") };
}

export default async function CrimeNotRecordedPage({ params }: Props) {
  const user = await requirePermission("report:update:unit");
  const { id } = await params;
  const report = await getReportForNotRecordedForm(user, id);
  if (!report) notFound();
  const t = await getTranslations("caseCrimeRecording");
  const caseHref = `/reports/${report.id}`;
  return (
    <div className="max-w-3xl">
      <Link href={caseHref} className="mb-6 inline-block">
        {t("back")}
      </Link>
      <h1 className="mb-2 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-2 text-muted">{t("forReport", { reference: report.reference })}</p>
      <p className="mb-6">{t("intro")}</p>
      <NotRecordedForm
        action={recordCrimeNotRecordedAction.bind(null, report.id)}
        defaults={{ crimeNotRecordedWhy: report.crimeNotRecordedWhy ?? "" }}
      />
      <p className="mt-6">
        <Link href={caseHref}>{t("back")}</Link>
      </p>
    </div>
  );
}

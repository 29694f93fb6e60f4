import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session-user";
import { getSubmittedReport } from "@/lib/intake/submit";
import { AlertMatches } from "./alert-matches";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("intake");
  return { title: t("submittedTitle") };
}

export default async function SubmittedPage({ params }: { params: Promise<{ reportId: string }> }) {
  const user = await requirePermission("report:create:unit");
  const { reportId } = await params;
  const report = await getSubmittedReport(user, reportId);
  if (!report) notFound();
  const t = await getTranslations("intake");
  return (
    <div className="max-w-3xl">
      <div className="mb-6 bg-brand p-6 text-center text-white">
        <h1 className="mb-2 text-3xl font-bold">{t("submittedTitle")}</h1>
        <p className="text-xl">
          {t("submittedReference")} <strong>{report.reference}</strong>
        </p>
      </div>
      <AlertMatches user={user} reportId={report.id} />
      <p className="mb-4">{t("submittedNext")}</p>
      <ul className="list-disc pl-6">
        <li>
          <Link href={`/reports/${report.id}`}>{t("openCase", { reference: report.reference })}</Link>
        </li>
        <li>
          <Link href="/reports/new">{t("takeAnother")}</Link>
        </li>
      </ul>
    </div>
  );
}

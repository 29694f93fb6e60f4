import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session-user";
import { getReportForSafeguardingForm } from "@/lib/safeguarding/queries";
import { SafeguardingForm } from "./safeguarding-form";
import { recordSafeguardingAction } from "./actions";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("caseSafeguarding");
  return { title: t("title") };
}

export default async function NewSafeguardingPage({ params }: Props) {
  const user = await requirePermission("safeguarding:record:unit");
  const { id } = await params;
  const report = await getReportForSafeguardingForm(user, id);
  if (!report) notFound();
  const t = await getTranslations("caseSafeguarding");
  const caseHref = `/reports/${report.id}`;
  return (
    <div className="max-w-3xl">
      <Link href={caseHref} className="mb-6 inline-block">
        {t("back")}
      </Link>
      <h1 className="mb-2 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 text-muted">{t("forReport", { reference: report.reference })}</p>
      <SafeguardingForm action={recordSafeguardingAction.bind(null, report.id)} />
      <p className="mt-6">
        <Link href={caseHref}>{t("back")}</Link>
      </p>
    </div>
  );
}

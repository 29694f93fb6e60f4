import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session-user";
import { startIntakeAction } from "./actions";
import { ActionButton } from "@/components/form/action-button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("intake");
  return { title: t("startTitle") };
}

export default async function NewReportPage() {
  await requirePermission("report:create:unit");
  const t = await getTranslations("intake");
  return (
    <div className="max-w-3xl">
      <h1 className="mb-4 text-3xl font-bold">{t("startTitle")}</h1>
      <p className="mb-3">{t("startIntro")}</p>
      <ul className="mb-6 list-disc pl-6">
        <li>{t("startPointSafety")}</li>
        <li>{t("startPointOptional")}</li>
        <li>{t("startPointSaved")}</li>
      </ul>
      <ActionButton
        action={startIntakeAction}
        label={t("startButton")}
        className="rounded bg-brand px-5 py-2 font-bold text-white"
        formClassName="mb-6"
      />
      <Link href="/reports/drafts">{t("myDrafts")}</Link>
    </div>
  );
}

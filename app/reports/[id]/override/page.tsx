import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session-user";
import { requireRecentAuth } from "@/lib/auth/recent-auth";
import { getRestrictedCaseNotice } from "@/lib/reports/restriction-decisions";
import { ReasonForm } from "../restriction/reason-form";
import { overrideRestrictionAction } from "../restriction/actions";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("restriction");
  return { title: t("overrideTitle") };
}

// Opening a restricted case by override: after a fresh password or code check, the officer
// says why; the supervisors are alerted and the override is audited.
export default async function OverridePage({ params }: Props) {
  const user = await requirePermission("report:read:unit");
  const { id } = await params;
  const notice = await getRestrictedCaseNotice(user, id);
  if (!notice) notFound();
  await requireRecentAuth(user, `/reports/${notice.id}/override`);
  const t = await getTranslations("restriction");
  return (
    <div className="max-w-3xl">
      <Link href={`/reports/${notice.id}`} className="mb-6 inline-block">
        {t("back")}
      </Link>
      <h1 className="mb-2 text-3xl font-bold">{t("overrideTitle")}</h1>
      <p className="mb-4 text-muted">{t("forReport", { reference: notice.reference })}</p>
      <p className="mb-6">{t("overrideIntro")}</p>
      <ReasonForm
        label="overrideLabel"
        hint="overrideHint"
        submitLabel="overrideSubmit"
        submit={overrideRestrictionAction.bind(null, notice.id)}
      />
    </div>
  );
}

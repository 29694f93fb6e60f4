import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session-user";
import { getEnhancedRightsForChange } from "@/lib/victims-code/change-enhanced-rights";
import { EnhancedRightsForm } from "./enhanced-rights-form";
import { changeEnhancedRightsAction } from "./actions";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("enhancedRights");
  return { title: t("title") };
}

export default async function EnhancedRightsPage({ params }: Props) {
  const user = await requirePermission("report:update:unit");
  const { id } = await params;
  const rights = await getEnhancedRightsForChange(user, id);
  if (!rights) notFound();
  const t = await getTranslations();
  const caseHref = `/reports/${id}`;
  return (
    <div className="max-w-3xl">
      <Link href={caseHref} className="mb-6 inline-block">
        {t("caseEvents.back")}
      </Link>
      <h1 className="mb-2 text-3xl font-bold">{t("enhancedRights.title")}</h1>
      <p className="mb-2 text-muted">{t("caseEvents.forReport", { reference: rights.reference })}</p>
      <p className="mb-6">{t("enhancedRights.intro")}</p>
      <EnhancedRightsForm
        action={changeEnhancedRightsAction.bind(null, id)}
        cancelHref={caseHref}
        // The current answer is offered; the reason is the officer's own, asked afresh.
        defaults={{ enhancedRights: rights.enhancedRights ? "yes" : "no", reason: "" }}
      />
    </div>
  );
}

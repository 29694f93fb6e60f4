import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session-user";
import { getReportForLifecycle } from "@/lib/outcomes/queries";
import { getRestrictionState } from "@/lib/reports/restriction-decisions";
import { ReasonForm } from "./reason-form";
import { decideRestrictionAction } from "./actions";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("restriction");
  return { title: t("decideTitle") };
}

// A supervisor restricts a case, or lifts its restriction, saying why.
export default async function RestrictionPage({ params }: Props) {
  const user = await requirePermission("report:restrict:unit");
  const { id } = await params;
  const [report, state] = await Promise.all([getReportForLifecycle(user, id), getRestrictionState(user, id)]);
  if (!report || !state) notFound();
  const t = await getTranslations("restriction");
  const restrict = !state.restricted;
  return (
    <div className="max-w-3xl">
      <Link href={`/reports/${report.id}`} className="mb-6 inline-block">
        {t("back")}
      </Link>
      <h1 className="mb-2 text-3xl font-bold">{t(restrict ? "restrictTitle" : "liftTitle")}</h1>
      <p className="mb-4 text-muted">{t("forReport", { reference: report.reference })}</p>
      <p className="mb-6">{t(restrict ? "restrictIntro" : "liftIntro")}</p>
      <ReasonForm
        label="reasonLabel"
        hint={restrict ? "restrictHint" : "liftHint"}
        submitLabel={restrict ? "restrictSubmit" : "liftSubmit"}
        submit={decideRestrictionAction.bind(null, report.id, restrict)}
      />
    </div>
  );
}

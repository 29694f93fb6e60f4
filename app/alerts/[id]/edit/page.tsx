import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session-user";
import { getAlertForUnit } from "@/lib/alerts/queries";
import { getDraftSources } from "@/lib/alerts/sources";
import { alertFormValues } from "@/lib/alerts/form-values";
import { AlertForm } from "../../_components/alert-form";
import { builtFromText } from "../../_components/built-from";
import { updateAlertAction } from "../../actions";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("alerts");
  return { title: t("editTitle") };
}

// A draft, or an alert a supervisor returned, edited from the same reports.
export default async function EditAlertPage({ params }: Props) {
  const user = await requirePermission("alert:draft:unit");
  const { id } = await params;
  const alert = await getAlertForUnit(user, id);
  if (!alert || (alert.status !== "DRAFT" && alert.status !== "RETURNED")) notFound();
  const sources = await getDraftSources(user, []);
  if (!sources) notFound();
  const t = await getTranslations();
  return (
    <div className="max-w-3xl">
      <Link href={`/alerts/${alert.id}`} className="mb-6 inline-block">
        {t("alerts.viewTitle")}
      </Link>
      <h1 className="mb-2 text-3xl font-bold">{t("alerts.editTitle")}</h1>
      <p className="mb-6">{t("alerts.draftIntro")}</p>
      {alert.returnedReason && alert.status === "RETURNED" && (
        <p className="mb-6 border-l-4 border-danger bg-panel p-3">
          <strong>{t("alerts.returnedBecause")}:</strong> {alert.returnedReason}
        </p>
      )}
      <section aria-labelledby="sources-heading" className="mb-8">
        <h2 id="sources-heading" tabIndex={-1} className="mb-2 text-xl font-bold">
          {t("alerts.sourcesHeading")}
        </h2>
        <p>
          {t("alerts.builtFromIntro", { references: alert.sourceReports.map((r) => r.reference).join(", ") })}
        </p>
      </section>
      <AlertForm
        action={updateAlertAction.bind(null, alert.id)}
        initial={alertFormValues(alert, alert.agencyIds, alert.sourceReportIds)}
        agencies={sources.agencies}
        builtFrom={builtFromText(alert.sources, t)}
      />
    </div>
  );
}

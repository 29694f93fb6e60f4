import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session-user";
import { getDraftSources } from "@/lib/alerts/sources";
import { ALERT_PARTS, prefillAlert } from "@/lib/alerts/prefill";
import { alertFormValues } from "@/lib/alerts/form-values";
import { AlertForm } from "../_components/alert-form";
import { ReportPicker } from "../_components/report-picker";
import { builtFromText } from "../_components/built-from";
import { createAlertAction } from "../actions";

type Props = { searchParams: Promise<{ report?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("alerts");
  return { title: t("draftTitle") };
}

// Months in a sentence: a short list, or the first and last when there are many.
const MONTHS_LISTED = 3;

export default async function NewAlertPage({ searchParams }: Props) {
  const user = await requirePermission("alert:draft:unit");
  const { report } = await searchParams;
  // Report ids are opaque; the picker sends them as a GET so the choice survives a reload.
  const asked = (Array.isArray(report) ? report : report ? [report] : []).slice(0, 50);
  const sources = await getDraftSources(user, asked);
  if (!sources) notFound();
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const prefill = prefillAlert(sources.chosen);
  const month = (d: Date) => format.dateTime(d, { month: "long", year: "numeric", timeZone: "UTC" });
  const months =
    prefill.months.length <= MONTHS_LISTED
      ? prefill.months.map(month).join(", ")
      : `${month(prefill.months[0]!)} – ${month(prefill.months[prefill.months.length - 1]!)}`;
  const types = prefill.incidentTypes.map((i) => t(`enums.IncidentType.${i}`).toLowerCase()).join(", ");
  const chosenIds = sources.chosen.map((r) => r.id);
  const initial = alertFormValues(
    {
      title: "",
      description: prefill.description,
      vehicles: prefill.vehicles,
      phoneNumbers: prefill.phoneNumbers,
      onlineHandles: prefill.onlineHandles,
      area: prefill.area,
      whatHappened: types ? t("alerts.prefillWhatHappened", { types, months }) : "",
      periodFrom: prefill.periodFrom,
      periodTo: prefill.periodTo,
    },
    [],
    chosenIds,
  );
  const sourceList = ALERT_PARTS.flatMap((part) =>
    prefill.sourceFields[part] ? [{ part, fields: prefill.sourceFields[part] }] : [],
  );
  return (
    <div className="max-w-3xl">
      <Link href="/alerts" className="mb-6 inline-block">
        {t("alerts.backToList")}
      </Link>
      <h1 className="mb-2 text-3xl font-bold">{t("alerts.draftTitle")}</h1>
      <p className="mb-6">{t("alerts.draftIntro")}</p>
      <ReportPicker
        pickable={sources.pickable.map((r) => ({
          id: r.id,
          label: t("alerts.pickLabel", {
            reference: r.reference,
            date: format.dateTime(r.reportedAt, "date"),
            types: r.incidentTypes.map((i) => t(`enums.IncidentType.${i}`)).join(", "),
          }),
        }))}
        chosen={chosenIds}
        summary={
          sources.chosen.length > 0
            ? t("alerts.builtFromIntro", { references: sources.chosen.map((r) => r.reference).join(", ") })
            : t("alerts.sourcesNone")
        }
      />
      <AlertForm
        // A new choice of reports starts the form again from them.
        key={chosenIds.join(",")}
        action={createAlertAction}
        initial={initial}
        agencies={sources.agencies}
        builtFrom={builtFromText(sourceList, t)}
      />
    </div>
  );
}

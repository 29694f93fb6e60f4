import { useTranslations } from "next-intl";
import { ChoiceGroup } from "@/components/form/choice-group";

type Props = {
  pickable: { id: string; label: string }[];
  chosen: string[];
  summary: string;
};

// The reports an alert is built from. Choosing sends a GET to the same page, which fills
// the draft in again from the chosen reports; only opaque report ids are in the address.
export function ReportPicker({ pickable, chosen, summary }: Props) {
  const t = useTranslations();
  return (
    <section aria-labelledby="sources-heading" className="mb-8">
      <h2 id="sources-heading" tabIndex={-1} className="mb-2 text-xl font-bold">
        {t("alerts.sourcesHeading")}
      </h2>
      <p className="mb-3">{summary}</p>
      <details open={chosen.length === 0} className="mb-2">
        <summary className="mb-2 cursor-pointer font-bold">{t("alerts.sourcesLegend")}</summary>
        <form method="get" action="/alerts/new">
          <ChoiceGroup
            name="report"
            type="checkbox"
            legend={t("alerts.sourcesLegend")}
            hint={t("alerts.sourcesHint")}
            options={pickable.map((p) => ({ value: p.id, label: p.label }))}
            selected={chosen}
          />
          <button type="submit" className="border-2 border-ink px-3 py-1.5 font-bold">
            {t("alerts.useReports")}
          </button>
        </form>
      </details>
    </section>
  );
}

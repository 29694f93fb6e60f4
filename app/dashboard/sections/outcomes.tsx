import { BarChartView } from "../charts";
import { ChartFigure } from "../chart-figure";
import { FigureTable } from "../figure-table";
import type { DashboardView } from "../view";

export function OutcomesSection({ view }: { view: DashboardView }) {
  const { d, t, format } = view;
  const rows = view.tables.outcomes?.rows ?? [];
  const top = rows[0];
  const summary = top
    ? t("dashboard.outcomes.summary", { outcome: top.header, count: d.outcomes[0]?.reports ?? 0 })
    : t("dashboard.outcomes.none");
  return (
    <section aria-labelledby="outcomes-heading" id="outcomes" className="dashboard-section mb-10">
      <h2 id="outcomes-heading" className="mb-3 text-2xl font-bold">
        {t("dashboard.sections.outcomes")}
      </h2>
      <ChartFigure
        id="outcomes-chart"
        title={t("dashboard.outcomes.chartTitle")}
        summary={summary}
        note={t("dashboard.chartNote")}
      >
        <BarChartView
          layout="vertical"
          height={Math.max(160, 36 * d.outcomes.length + 40)}
          data={d.outcomes.map((o) => ({
            label:
              o.key === "PENDING" || o.key === "NONE"
                ? t(`dashboard.outcomes.chartLabels.${o.key}`)
                : t("dashboard.outcomes.chartLabels.code", { code: o.key.replace("OUTCOME_", "") }),
            value: o.reports,
            valueLabel: format.number(o.reports),
          }))}
        />
      </ChartFigure>
      <FigureTable view={view} table="outcomes" />
      <p className="mb-2 max-w-3xl text-muted">{t("dashboard.reasons.note")}</p>
      <FigureTable view={view} table="reasons" />
    </section>
  );
}

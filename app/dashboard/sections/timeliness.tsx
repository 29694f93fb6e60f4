import { BarChartView } from "../charts";
import { ChartFigure } from "../chart-figure";
import { FigureTable } from "../figure-table";
import type { DashboardView } from "../view";

export function TimelinessSection({ view }: { view: DashboardView }) {
  const { d, t, format } = view;
  const charge = d.timeliness.toCharge;
  const open = d.openByAge.reduce((sum, b) => sum + b.reports, 0);
  const old = d.openByAge
    .filter((b) => b.band === "1to2Years" || b.band === "over2Years")
    .reduce((sum, b) => sum + b.reports, 0);
  return (
    <section aria-labelledby="timeliness-heading" id="timeliness" className="dashboard-section mb-10">
      <h2 id="timeliness-heading" className="mb-3 text-2xl font-bold">
        {t("dashboard.sections.timeliness")}
      </h2>
      <p className="screen-only mb-3 max-w-3xl">
        {charge.median === null
          ? t("dashboard.timeliness.noCharges")
          : t("dashboard.timeliness.summary", { median: charge.median, p90: charge.p90 ?? charge.median })}
      </p>
      <FigureTable view={view} table="timeliness" />
      <ChartFigure
        id="age-chart"
        title={t("dashboard.openAge.chartTitle")}
        summary={t("dashboard.openAge.summary", { open, old })}
        note={t("dashboard.chartNote")}
      >
        <BarChartView
          layout="horizontal"
          height={240}
          data={d.openByAge.map((b) => ({
            label: t(`dashboard.openAge.${b.band}`),
            value: b.reports,
            valueLabel: format.number(b.reports),
          }))}
        />
      </ChartFigure>
      <p className="mb-2 text-muted">{t("dashboard.openAge.note")}</p>
      <FigureTable view={view} table="open-age" />
    </section>
  );
}

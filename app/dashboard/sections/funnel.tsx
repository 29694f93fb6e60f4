import { BarChartView } from "../charts";
import { ChartFigure } from "../chart-figure";
import { FigureTable } from "../figure-table";
import { percentOf, type DashboardView } from "../view";

export function FunnelSection({ view }: { view: DashboardView }) {
  const { d, t, format } = view;
  const c = d.totals;
  const none = t("dashboard.labels.noReports");
  // Reports closed at the last stage (convicted) went as far as a report can: not a loss.
  const worst = d.funnel.slice(0, -1).sort((a, b) => b.stoppedClosed - a.stoppedClosed)[0];
  const summary = (
    <>
      {t("dashboard.funnel.summary", {
        received: c.reports,
        recorded: c.recorded,
        identified: c.identified,
        supported: c.supported,
        cps: c.cps,
        charged: c.charged,
        chargeRate: percentOf(format, c.charged, c.reports, none),
        convicted: c.convicted,
        convictionRate: percentOf(format, c.convicted, c.reports, none),
      })}{" "}
      {t("dashboard.funnel.open", { open: c.open })}{" "}
      {worst && worst.stoppedClosed > 0
        ? t("dashboard.funnel.biggestDrop", {
            stage: t(`dashboard.stages.${worst.stage}`),
            count: worst.stoppedClosed,
          })
        : null}
    </>
  );
  return (
    <section aria-labelledby="funnel-heading" id="funnel" className="dashboard-section mb-10">
      <h2 id="funnel-heading" className="mb-3 text-2xl font-bold">
        {t("dashboard.sections.funnel")}
      </h2>
      <ChartFigure
        id="funnel-chart"
        title={t("dashboard.funnel.chartTitle")}
        summary={summary}
        note={t("dashboard.chartNote")}
      >
        <BarChartView
          layout="vertical"
          height={300}
          data={d.funnel.map((row) => ({
            label: t(`dashboard.stages.${row.stage}`),
            value: row.count,
            valueLabel: `${format.number(row.count)} (${percentOf(format, row.count, c.reports, "–")})`,
          }))}
        />
      </ChartFigure>
      <FigureTable view={view} table="funnel" />
    </section>
  );
}

import { LineChartView } from "../charts";
import { ChartFigure } from "../chart-figure";
import { FigureTable } from "../figure-table";
import { monthLabel, type DashboardView } from "../view";

export function TrendSection({ view }: { view: DashboardView }) {
  const { d, t, format } = view;
  const first = d.months[0];
  const last = d.months[d.months.length - 1];
  const busiest = [...d.months].sort((a, b) => b.counts.reports - a.counts.reports)[0];
  const summary =
    first && last && busiest
      ? t("dashboard.trend.summary", {
          first: monthLabel(format, first.month),
          last: monthLabel(format, last.month),
          received: d.totals.reports,
          busiest: monthLabel(format, busiest.month),
          busiestCount: busiest.counts.reports,
        })
      : t("dashboard.noReports");
  return (
    <section aria-labelledby="trend-heading" id="trend" className="dashboard-section mb-10">
      <h2 id="trend-heading" className="mb-3 text-2xl font-bold">
        {t("dashboard.sections.trend")}
      </h2>
      <ChartFigure
        id="trend-chart"
        title={t("dashboard.trend.chartTitle")}
        summary={summary}
        note={t("dashboard.chartNote")}
      >
        <LineChartView
          height={300}
          series={[
            { key: "received", name: t("dashboard.trend.legendReceived"), shape: "circle" },
            { key: "charged", name: t("dashboard.trend.legendCharged"), dash: "6 4", shape: "square" },
            { key: "convicted", name: t("dashboard.trend.legendConvicted"), dash: "2 3", shape: "triangle" },
          ]}
          data={d.months.map((m) => ({
            label: monthLabel(format, m.month),
            received: m.counts.reports,
            charged: m.counts.charged,
            convicted: m.counts.convicted,
          }))}
        />
      </ChartFigure>
      <FigureTable view={view} table="trend-quarter" />
      <FigureTable view={view} table="trend-month" />
    </section>
  );
}

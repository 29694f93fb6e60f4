import { BarChartView } from "../charts";
import { ChartFigure } from "../chart-figure";
import { FigureTable } from "../figure-table";
import { monthLabel, type DashboardView } from "../view";

export function TrustSection({ view }: { view: DashboardView }) {
  const { t, format } = view;
  const months = view.tables.contacts?.rows ?? [];
  const values = months.map((m) => (m.cells[0]?.kind === "count" ? m.cells[0].value : 0));
  const total = values.reduce((sum, v) => sum + v, 0);
  const average = months.length > 0 ? total / months.length : 0;
  return (
    <section aria-labelledby="trust-heading" id="trust" className="dashboard-section mb-10">
      <h2 id="trust-heading" className="mb-3 text-2xl font-bold">
        {t("dashboard.sections.trust")}
      </h2>
      <FigureTable view={view} table="trust" />
      <p className="no-print mb-2 text-muted">{t("dashboard.drill.updatesNotReports")}</p>
      <FigureTable view={view} table="victim-updates" />
      <ChartFigure
        id="contacts-chart"
        title={t("dashboard.trust.contactsChartTitle")}
        summary={t("dashboard.trust.contactsSummary", {
          total,
          average: format.number(average, { maximumFractionDigits: 1 }),
        })}
        note={t("dashboard.chartNote")}
      >
        <BarChartView
          layout="horizontal"
          height={260}
          data={months.map((m, i) => ({
            label: monthLabel(format, m.key),
            value: values[i] ?? 0,
            valueLabel: months.length <= 24 ? format.number(values[i] ?? 0) : "",
          }))}
        />
      </ChartFigure>
      <p className="mb-2 text-muted">{t("dashboard.filters.contactsNote")}</p>
      <FigureTable view={view} table="contacts" />
    </section>
  );
}

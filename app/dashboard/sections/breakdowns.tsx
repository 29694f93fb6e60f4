import { withFilter, type DashboardFilters } from "@/lib/dashboard/filters";
import type { Breakdown } from "@/lib/dashboard/queries";
import type { TableKey } from "@/lib/dashboard/tables";
import { FigureTable } from "../figure-table";
import type { DashboardView } from "../view";

// Values that have a filter of their own can be drilled into: the whole page for them.
const DRILL: Partial<Record<Breakdown, keyof DashboardFilters>> = {
  type: "type",
  route: "route",
  area: "area",
  officer: "officer",
};

export function BreakdownsSection({ view }: { view: DashboardView }) {
  const { d, t } = view;
  return (
    <section aria-labelledby="breakdowns-heading" id="breakdowns" className="dashboard-section mb-10">
      <h2 id="breakdowns-heading" className="mb-2 text-2xl font-bold">
        {t("dashboard.sections.breakdowns")}
      </h2>
      <p className="mb-4 max-w-3xl">{t("dashboard.breakdowns.intro")}</p>
      {d.breakdowns.map(({ dimension }) => {
        const filter = DRILL[dimension];
        // An area is named in the address by its key, never by its own words.
        const value = (key: string) => (filter === "area" ? d.areas.find((a) => a.name === key)?.key : key);
        const drill = (key: string) => {
          const v = value(key);
          return filter && v && d.filters[filter] !== v
            ? `/dashboard${withFilter(d.filters, { [filter]: v })}`
            : null;
        };
        return (
          <div key={dimension} className="mb-6">
            <h3 className="mb-1 text-xl font-bold">{t(`dashboard.breakdowns.${dimension}`)}</h3>
            {dimension === "type" && <p className="mb-2 text-muted">{t("dashboard.breakdowns.typeNote")}</p>}
            <FigureTable view={view} table={`breakdown-${dimension}` as TableKey} rowLink={drill} wide />
          </div>
        );
      })}
    </section>
  );
}

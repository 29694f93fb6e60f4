import { GWENT_BASELINE } from "@/lib/dashboard/definitions";
import { FigureTable } from "../figure-table";
import { percentOf, type DashboardView } from "../view";

export function HeadlineSection({ view }: { view: DashboardView }) {
  const { t, format } = view;
  const percent = (rate: number) =>
    format.number(rate, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return (
    <section aria-labelledby="headline-heading" id="headline" className="dashboard-section mb-10">
      <h2 id="headline-heading" className="mb-3 text-2xl font-bold">
        {t("dashboard.sections.headline")}
      </h2>
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <FigureTable view={view} table="headline" />
        <aside aria-labelledby="baseline-heading" className="self-start border-l-4 border-line bg-panel p-4">
          <h3 id="baseline-heading" className="mb-2 font-bold">
            {t("dashboard.headline.baselineTitle")}
          </h3>
          <p className="mb-2 text-sm">{t("dashboard.headline.baselineSource")}</p>
          <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1">
            <dt>{t("dashboard.headline.baselineReceived")}</dt>
            <dd className="text-right tabular-nums">{format.number(GWENT_BASELINE.received)}</dd>
            <dt>{t("dashboard.headline.baselineCharged")}</dt>
            <dd className="text-right tabular-nums">
              {percentOf(format, GWENT_BASELINE.charged, GWENT_BASELINE.received, "")} (
              {GWENT_BASELINE.charged})
            </dd>
            <dt>{t("dashboard.headline.baselineConvicted")}</dt>
            <dd className="text-right tabular-nums">
              {percent(GWENT_BASELINE.convictionRate)} ({GWENT_BASELINE.convicted})
            </dd>
          </dl>
          <p className="mt-2 text-sm">
            {view.d.filters.violence
              ? t("dashboard.headline.baselineLikeForLike")
              : t("dashboard.headline.baselineNotLikeForLike")}
          </p>
        </aside>
      </div>
    </section>
  );
}

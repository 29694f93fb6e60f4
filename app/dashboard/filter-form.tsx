import Link from "next/link";
import { IncidentType, ReportingRoute, RiskLevel } from "@/lib/generated/prisma/enums";
import { NOT_ASSESSED, NOT_RECORDED, PERIODS } from "@/lib/dashboard/filters";
import type { DashboardView } from "./view";

const SELECT = "block w-full max-w-xs border-2 border-ink bg-white px-2 py-1.5";

function Select({
  id,
  label,
  value,
  options,
  anyLabel,
}: {
  id: string;
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  anyLabel?: string;
}) {
  return (
    <div>
      <label htmlFor={`filter-${id}`} className="mb-1 block font-bold">
        {label}
      </label>
      <select id={`filter-${id}`} name={id} defaultValue={value ?? ""} className={SELECT}>
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

// A plain GET form: the filters become the page's URL, so a view can be bookmarked and
// shared, and the page works without JavaScript.
export function FilterForm({ view }: { view: DashboardView }) {
  const { d, t } = view;
  const f = d.filters;
  const any = t("dashboard.filters.any");
  return (
    <form
      method="get"
      action="/dashboard"
      className="no-print mb-8 border-2 border-line p-4"
      aria-labelledby="filters-heading"
    >
      <h2 id="filters-heading" className="mb-3 text-xl font-bold">
        {t("dashboard.filters.title")}
      </h2>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Select
          id="period"
          label={t("dashboard.filters.period")}
          value={f.period}
          options={PERIODS.map((p) => ({ value: p, label: t(`dashboard.filters.periods.${p}`) }))}
        />
        <fieldset className="sm:col-span-1 lg:col-span-2">
          <legend className="mb-1 font-bold">{t("dashboard.filters.periods.custom")}</legend>
          <p id="custom-hint" className="mb-1 text-sm text-muted">
            {t("dashboard.filters.customHint")}
          </p>
          <div className="flex flex-wrap gap-4">
            {(["from", "to"] as const).map((key) => (
              <div key={key}>
                <label htmlFor={`filter-${key}`} className="mb-1 block">
                  {t(`dashboard.filters.${key}`)}
                </label>
                <input
                  id={`filter-${key}`}
                  name={key}
                  type="month"
                  aria-describedby="custom-hint"
                  defaultValue={f.period === "custom" ? f[key] : undefined}
                  className="border-2 border-ink px-2 py-1"
                />
              </div>
            ))}
          </div>
        </fieldset>
        <Select
          id="type"
          label={t("dashboard.filters.type")}
          value={f.type}
          anyLabel={any}
          options={Object.values(IncidentType).map((v) => ({
            value: v,
            label: t(`enums.IncidentType.${v}`),
          }))}
        />
        <Select
          id="route"
          label={t("dashboard.filters.route")}
          value={f.route}
          anyLabel={any}
          options={[
            ...Object.values(ReportingRoute).map((v) => ({
              value: v as string,
              label: t(`enums.ReportingRoute.${v}`),
            })),
            { value: NOT_RECORDED, label: t("dashboard.labels.notRecorded") },
          ]}
        />
        <Select
          id="risk"
          label={t("dashboard.filters.risk")}
          value={f.risk}
          anyLabel={any}
          options={[
            ...Object.values(RiskLevel).map((v) => ({
              value: v as string,
              label: t(`enums.RiskLevel.${v}`),
            })),
            { value: NOT_ASSESSED, label: t("dashboard.labels.notAssessed") },
          ]}
        />
        <div className="flex items-start gap-2 self-end">
          <input
            id="filter-violence"
            name="violence"
            type="checkbox"
            value="yes"
            defaultChecked={f.violence === true}
            aria-describedby="violence-hint"
            className="mt-1 h-5 w-5"
          />
          <div>
            <label htmlFor="filter-violence" className="font-bold">
              {t("dashboard.filters.violence")}
            </label>
            <p id="violence-hint" className="text-sm text-muted">
              {t("dashboard.filters.violenceHint")}
            </p>
          </div>
        </div>
        <Select
          id="area"
          label={t("dashboard.filters.area")}
          value={f.area}
          anyLabel={any}
          options={d.areas.map((a) => ({ value: a.key, label: a.name }))}
        />
        {d.scope === "unit" && (
          <Select
            id="officer"
            label={t("dashboard.filters.officer")}
            value={f.officer}
            anyLabel={any}
            options={d.officers.map((o) => ({ value: o.id, label: o.name }))}
          />
        )}
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-6">
        <button type="submit" className="bg-brand px-4 py-2 font-bold text-white hover:bg-ink">
          {t("dashboard.filters.apply")}
        </button>
        <Link href="/dashboard">{t("dashboard.filters.clear")}</Link>
      </div>
    </form>
  );
}

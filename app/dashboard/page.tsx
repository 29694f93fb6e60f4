import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session-user";
import { getDashboard, mayReadDashboard } from "@/lib/dashboard/queries";
import { filtersToSearchParams, parseFilters, withFilter } from "@/lib/dashboard/filters";
import { isPublishable } from "@/lib/dashboard/publication";
import { protectView } from "@/lib/dashboard/relations";
import { dashboardTables } from "@/lib/dashboard/tables";
import { env } from "@/lib/env";
import { FilterForm } from "./filter-form";
import { PrintButton } from "./print-button";
import { HeadlineSection } from "./sections/headline";
import { FunnelSection } from "./sections/funnel";
import { OutcomesSection } from "./sections/outcomes";
import { BreakdownsSection } from "./sections/breakdowns";
import { TrendSection } from "./sections/trend";
import { TimelinessSection } from "./sections/timeliness";
import { TrustSection } from "./sections/trust";
import { monthLabel, type DashboardView } from "./view";
import "./dashboard.css";
import { can } from "@/lib/authz/scope";

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { searchParams: Promise<SearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dashboard");
  return { title: t("title") };
}

// The filters as the URL should spell them: a form submission (with its empty fields) is
// sent to the short form, so that what is bookmarked or shared reads cleanly.
function isCanonical(raw: SearchParams, canonical: URLSearchParams): boolean {
  const given = Object.entries(raw).flatMap(([k, v]) =>
    Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v ?? ""]],
  );
  return given.length === [...canonical].length && given.every(([k, v]) => canonical.get(k ?? "") === v);
}

const SECTIONS = ["headline", "funnel", "outcomes", "breakdowns", "trend", "timeliness", "trust"] as const;

export default async function DashboardPage({ searchParams }: Props) {
  const user = await requireUser();
  // The unit's figures for supervisors, an officer's own caseload for officers.
  if (!can(user, "dashboard:read:unit") && !can(user, "dashboard:read:own")) notFound();
  if (!mayReadDashboard(user)) notFound();
  const raw = await searchParams;
  const { filters, problems } = parseFilters(raw);
  const canonical = filtersToSearchParams(filters);
  if (problems.length === 0 && !isCanonical(raw, canonical)) {
    const query = canonical.toString();
    redirect(`/dashboard${query ? `?${query}` : ""}`);
  }
  const d = await getDashboard(user, filters, { problems });
  if (!d) notFound();
  const t = await getTranslations();
  const format = await getFormatter();
  const month = (m: string) => monthLabel(format, m);
  const threshold = env().SMALL_NUMBER_THRESHOLD;
  const tables = dashboardTables(d, { t, month });
  const view: DashboardView = {
    d,
    t,
    format,
    tables,
    hidden: protectView(d, tables, threshold),
    threshold,
    exportable: isPublishable(d),
  };
  const officerName = d.officers.find((o) => o.id === d.filters.officer)?.name;
  const firstMonth = d.period.from ?? d.months[0]?.month;
  const only = [
    d.filters.type && t(`enums.IncidentType.${d.filters.type}`),
    d.filters.route && t(`enums.ReportingRoute.${d.filters.route}`),
    d.areaName,
    d.filters.risk &&
      (d.filters.risk === "NOT_ASSESSED"
        ? t("dashboard.labels.notAssessed")
        : t(`enums.RiskLevel.${d.filters.risk}`)),
    d.filters.violence && t("dashboard.filters.violence"),
  ].filter(Boolean);

  return (
    <div className={view.exportable ? "dashboard" : "dashboard dashboard-unpublished"}>
      <div className="mb-2 flex flex-wrap items-start justify-between gap-4">
        <h1 className="text-3xl font-bold">
          {d.scope === "own" ? t("dashboard.ownTitle") : t("dashboard.title")}
        </h1>
        <PrintButton label={t("dashboard.print")} />
      </div>
      <p className="screen-only mb-1 font-bold text-danger">{t("dashboard.notForPublication")}</p>
      {view.exportable ? (
        <p className="print-only mb-1 font-bold">{t("dashboard.printNote", { threshold })}</p>
      ) : (
        <p className="print-only mb-1 font-bold">{t("dashboard.publication.notPrinted")}</p>
      )}
      <p className="mb-4 max-w-3xl text-muted">
        {t("dashboard.publicationNote", { threshold, limit: threshold - 1 })}
      </p>
      {!view.exportable && (
        <p className="no-print mb-4 max-w-3xl" id="publication">
          {t("dashboard.publication.which")}{" "}
          {d.scope === "unit" && (
            <a href={`/dashboard${withFilter({ period: "last-financial-year" }, {})}`}>
              {t("dashboard.publication.showYear")}
            </a>
          )}
        </p>
      )}
      <p className="mb-1 text-lg">
        {d.scope === "own"
          ? t("dashboard.scopeOwn")
          : officerName
            ? t("dashboard.scopeOfficer", { officer: officerName })
            : t("dashboard.scopeUnit", { unit: user.organisationName })}
        {". "}
        {firstMonth
          ? t(d.period.from ? "dashboard.periodRange" : "dashboard.periodAll", {
              from: month(firstMonth),
              to: month(d.period.to),
            })
          : t("dashboard.periodAllEmpty")}
        .
      </p>
      {only.length > 0 && (
        <p className="mb-4 text-lg">{t("dashboard.activeFilters", { filters: only.join(", ") })}</p>
      )}

      {d.problems.length > 0 && (
        <div role="status" className="mb-6 border-4 border-danger p-4" aria-labelledby="problems-heading">
          <h2 id="problems-heading" className="mb-1 text-lg font-bold">
            {t("dashboard.problems.title")}
          </h2>
          <p className="mb-1">{t("dashboard.problems.body")}</p>
          <ul className="list-disc pl-6">
            {[...new Set(d.problems)].map((p) => (
              <li key={p}>{t(`dashboard.problems.${p}`)}</li>
            ))}
          </ul>
        </div>
      )}

      {/* Keyed by the filters, so that the fields show them again after moving to a new view. */}
      <FilterForm key={canonical.toString()} view={view} />

      <nav aria-labelledby="contents-heading" className="no-print mb-8">
        <h2 id="contents-heading" className="mb-1 font-bold">
          {t("dashboard.contents")}
        </h2>
        <ul className="flex flex-wrap gap-x-6 gap-y-1">
          {SECTIONS.map((s) => (
            <li key={s}>
              <a href={`#${s}`}>{t(`dashboard.sections.${s}`)}</a>
            </li>
          ))}
        </ul>
      </nav>

      {d.totals.reports === 0 && <p className="mb-6 text-lg font-bold">{t("dashboard.noReports")}</p>}
      {d.totals.open > 0 && (
        <div role="note" className="mb-6 max-w-3xl border-l-4 border-danger bg-panel p-4">
          {/* The exact count stays on screen; print says the same without it. */}
          <p className="screen-only font-bold">{t("dashboard.openWarning", { open: d.totals.open })}</p>
          <p className="print-only font-bold">{t("dashboard.openWarningPrinted")}</p>
        </div>
      )}
      {d.filters.area && (
        <p className="no-print mb-6 max-w-3xl text-muted">{t("dashboard.drill.noAreaLinks")}</p>
      )}
      {!d.filters.violence && (
        <p className="no-print mb-6">
          <a href={`/dashboard${withFilter(d.filters, { violence: true })}`}>{t("dashboard.violenceLink")}</a>
        </p>
      )}
      <HeadlineSection view={view} />
      <FunnelSection view={view} />
      <OutcomesSection view={view} />
      <BreakdownsSection view={view} />
      <TrendSection view={view} />
      <TimelinessSection view={view} />
      <TrustSection view={view} />
    </div>
  );
}

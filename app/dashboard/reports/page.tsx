import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session-user";
import { filtersToSearchParams, parseFilters } from "@/lib/dashboard/filters";
import { findDrillDownReports, parseDrill, type DrillSelection } from "@/lib/dashboard/drill-down";
import { drillHref } from "@/lib/dashboard/drill-links";
import { pageNumberSchema } from "@/lib/pagination";
import { DataTable } from "@/components/data-table";
import { reportColumns } from "@/components/report-columns";
import { can } from "@/lib/authz/scope";

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { searchParams: Promise<SearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dashboard.drill");
  return { title: t("title") };
}

// The reports behind one dashboard figure, a page at a time. The link holds only filters
// and what the figure selects (lib/dashboard/drill-links.ts).
export default async function DrillDownPage({ searchParams }: Props) {
  const user = await requireUser();
  // The reports behind a figure: the dashboard's permission and the reports' own.
  if (!can(user, "report:read:unit")) notFound();
  if (!can(user, "dashboard:read:unit") && !can(user, "dashboard:read:own")) notFound();
  const raw = await searchParams;
  const { filters, problems } = parseFilters(raw);
  const selection = parseDrill(raw);
  if (!selection || problems.length > 0) notFound();
  const page = pageNumberSchema.parse(Array.isArray(raw.page) ? undefined : raw.page);
  const list = await findDrillDownReports(user, filters, selection, page);
  if (!list) notFound();
  const t = await getTranslations();
  const format = await getFormatter();
  const describe = describeSelection(selection, t);
  const pageHref = (p: number) => `${drillHref(list.filters, selection)}&page=${p}`;
  const back = filtersToSearchParams(list.filters).toString();
  return (
    <>
      <p className="mb-4">
        <Link href={`/dashboard${back ? `?${back}` : ""}`}>{t("dashboard.drill.back")}</Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{t("dashboard.drill.title")}</h1>
      <p className="mb-6 max-w-3xl text-lg">
        {t("dashboard.drill.summary", { total: list.total, selection: describe })}
      </p>
      {list.total === 0 ? (
        <p>{t("dashboard.drill.none")}</p>
      ) : (
        <>
          <DataTable
            caption={t("dashboard.drill.caption", { total: list.total })}
            rows={list.rows}
            rowKey={(r) => r.id}
            columns={[
              ...reportColumns(t, format),
              {
                header: t("reports.assignedOfficer"),
                cell: (r) => r.assignedOfficerName ?? t("reports.unassigned"),
              },
            ]}
          />
          {list.pageCount > 1 && (
            <nav aria-label={t("pagination.label")} className="mt-4 flex items-center gap-4">
              {list.page > 1 && (
                <Link href={pageHref(list.page - 1)} rel="prev">
                  {t("pagination.previous")}
                </Link>
              )}
              <p aria-current="page">
                {t("pagination.status", { page: list.page, pageCount: list.pageCount })}
              </p>
              {list.page < list.pageCount && (
                <Link href={pageHref(list.page + 1)} rel="next">
                  {t("pagination.next")}
                </Link>
              )}
            </nav>
          )}
        </>
      )}
    </>
  );
}

function describeSelection(s: DrillSelection, t: Awaited<ReturnType<typeof getTranslations>>): string {
  const parts: string[] = [];
  if (s.reached) parts.push(t("dashboard.drill.reached", { stage: t(`dashboard.stages.${s.reached}`) }));
  if (s.stopped)
    parts.push(
      t("dashboard.drill.stopped", { stage: t(`dashboard.stages.${s.stopped}`), state: s.state ?? "any" }),
    );
  if (s.supported) parts.push(t("dashboard.drill.supported"));
  if (s.open) parts.push(t("dashboard.drill.open"));
  if (s.outcome)
    parts.push(
      s.outcome === "PENDING" || s.outcome === "NONE"
        ? t(`dashboard.outcomes.${s.outcome}`)
        : t(`enums.HomeOfficeOutcome.${s.outcome}`),
    );
  if (s.wants) parts.push(t(`enums.PersonWants.${s.wants}`));
  if (s.setting)
    parts.push(
      s.setting === "NOT_RECORDED" ? t("dashboard.labels.notRecorded") : t(`enums.WorkSetting.${s.setting}`),
    );
  if (s.relationship) parts.push(t(`enums.PerpetratorRelationship.${s.relationship}`));
  if (s.age) parts.push(t("dashboard.drill.age", { band: t(`dashboard.openAge.${s.age}`) }));
  if (s.converted) parts.push(t("dashboard.drill.converted"));
  else if (s.startedQuiet) parts.push(t("dashboard.drill.startedQuiet"));
  if (s.repeat) parts.push(t("dashboard.drill.repeat"));
  return parts.length ? parts.join("; ") : t("dashboard.drill.allReceived");
}

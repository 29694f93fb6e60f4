import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session-user";
import { getHomeView } from "@/lib/home/home-view";
import { UpdatesDue } from "./_components/updates-due";
import { HomeSafetyLists } from "./_components/safety-lists";
import { OverdueReferrals } from "./_components/overdue-referrals";
import { pageNumberSchema } from "@/lib/pagination";
import { DataTable } from "@/components/data-table";
import { reportColumns } from "@/components/report-columns";
import { Pagination } from "@/components/pagination";
import type { CurrentUser } from "@/lib/auth/current-user";
import { SubmissionsLink } from "./_components/submissions-link";
import { RestrictedOverrides } from "./_components/restricted-overrides";
import { isRestrictedRow } from "@/lib/reports/restriction";

type Props = { searchParams: Promise<{ page?: string }> };

export default async function HomePage({ searchParams }: Props) {
  const user = await requireUser();
  const page = pageNumberSchema.parse((await searchParams).page);
  switch (user.role) {
    case "PARTNER":
      redirect("/referrals");
    case "ADMIN":
      redirect("/admin");
    default:
      return <UnitHome user={user} page={page} />;
  }
}

async function UnitHome({ user, page }: { user: CurrentUser; page: number }) {
  const t = await getTranslations();
  const format = await getFormatter();
  const { reports, officers, updates, overrides, reviews, crimes, overdueReferrals, submissionsWaiting } =
    await getHomeView(user, page, new Date());
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t("home.officerTitle")}</h1>
      <p className="mb-6 text-muted">{t("home.officerIntro")}</p>
      <RestrictedOverrides rows={overrides} />
      <UpdatesDue updates={updates} />
      <HomeSafetyLists reviews={reviews} crimes={crimes} />
      <OverdueReferrals rows={overdueReferrals} />
      <SubmissionsLink user={user} waiting={submissionsWaiting} />
      {user.role === "SUPERVISOR" && (
        <section aria-labelledby="officers-heading" className="mb-8">
          <h2 id="officers-heading" className="mb-2 text-xl font-bold">
            {t("home.supervisorOfficers")}
          </h2>
          <ul className="mb-3">
            {officers.map((o) => (
              <li key={o.id}>
                {o.name}: {t("home.openCaseload", { count: o.openReports })}
              </li>
            ))}
          </ul>
          <Link href="/dashboard">{t("home.dashboardLink")}</Link>
        </section>
      )}
      {reports.total === 0 ? (
        <p>{t("home.noOpenReports")}</p>
      ) : (
        <>
          <DataTable
            caption={t("reports.tableCaption", { total: reports.total })}
            rows={reports.rows}
            rowKey={(r) => r.id}
            columns={[
              ...reportColumns(t, format),
              {
                header: t("reports.assignedOfficer"),
                cell: (r) =>
                  isRestrictedRow(r)
                    ? t("restriction.restricted")
                    : (r.assignedOfficerName ?? t("reports.unassigned")),
              },
            ]}
          />
          <Pagination path="/" page={reports.page} pageCount={reports.pageCount} />
        </>
      )}
    </>
  );
}

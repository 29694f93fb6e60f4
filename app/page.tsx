import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session-user";
import { findOpenReportsForUnit } from "@/lib/reports/queries";
import { findDueUpdatesForOfficer, type DueUpdate } from "@/lib/victims-code/queries";
import { ContactPreferences } from "./reports/[id]/contact-preferences";
import { findOfficersInUnit, findUsers } from "@/lib/users/queries";
import { pageNumberSchema } from "@/lib/pagination";
import { DataTable } from "@/components/data-table";
import { reportColumns } from "@/components/report-columns";
import { Pagination } from "@/components/pagination";
import type { CurrentUser } from "@/lib/auth/current-user";

type Props = { searchParams: Promise<{ page?: string }> };

export default async function HomePage({ searchParams }: Props) {
  const user = await requireUser();
  const page = pageNumberSchema.parse((await searchParams).page);
  switch (user.role) {
    case "PARTNER":
      redirect("/referrals");
    case "ADMIN":
      return <AdminHome user={user} page={page} />;
    default:
      return <UnitHome user={user} page={page} />;
  }
}

async function UnitHome({ user, page }: { user: CurrentUser; page: number }) {
  const t = await getTranslations();
  const format = await getFormatter();
  const [reports, officers, updates] = await Promise.all([
    findOpenReportsForUnit(user, page),
    user.role === "SUPERVISOR" ? findOfficersInUnit(user) : Promise.resolve([]),
    findDueUpdatesForOfficer(user),
  ]);
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t("home.officerTitle")}</h1>
      <p className="mb-6 text-muted">{t("home.officerIntro")}</p>
      <UpdatesDue updates={updates} />
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
                cell: (r) => r.assignedOfficerName ?? t("reports.unassigned"),
              },
            ]}
          />
          <Pagination path="/" page={reports.page} pageCount={reports.pageCount} />
        </>
      )}
    </>
  );
}

// Victims' Code updates the officer owes, with how each person agreed to be contacted.
async function UpdatesDue({ updates }: { updates: DueUpdate[] }) {
  const t = await getTranslations();
  const format = await getFormatter();
  return (
    <section aria-labelledby="updates-due-heading" className="mb-8">
      <h2 id="updates-due-heading" className="mb-2 text-xl font-bold">
        {t("updatesDue.heading")}
      </h2>
      {updates.length === 0 ? (
        <p>{t("updatesDue.none")}</p>
      ) : (
        <>
          <p className="mb-3 text-muted">{t("updatesDue.intro")}</p>
          <DataTable
            caption={t("updatesDue.caption", { count: updates.length })}
            rows={updates}
            rowKey={(u) => u.id}
            columns={[
              {
                header: t("updatesDue.report"),
                rowHeader: true,
                cell: (u) => <Link href={`/reports/${u.reportId}`}>{u.reference}</Link>,
              },
              {
                header: t("updatesDue.person"),
                cell: (u) => <Link href={`/people/${u.personId}`}>{u.workingName}</Link>,
              },
              {
                header: t("updatesDue.decision"),
                cell: (u) =>
                  `${t(`enums.CaseEventType.${u.decision}`)}, ${format.dateTime(u.decidedOn, "date")}`,
              },
              { header: t("updatesDue.dueBy"), cell: (u) => format.dateTime(u.dueBy, "date") },
              {
                header: t("updatesDue.status"),
                cell: (u) =>
                  u.overdue ? (
                    <strong className="text-danger">{t("updatesDue.overdue")}</strong>
                  ) : (
                    t("updatesDue.due")
                  ),
              },
              { header: t("updatesDue.howToContact"), cell: (u) => <ContactPreferences {...u} /> },
            ]}
          />
        </>
      )}
    </section>
  );
}

async function AdminHome({ user, page }: { user: CurrentUser; page: number }) {
  const t = await getTranslations();
  const users = await findUsers(user, page);
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t("home.adminTitle")}</h1>
      <p className="mb-6 text-muted">{t("home.adminIntro")}</p>
      <DataTable
        caption={t("users.tableCaption", { total: users.total })}
        rows={users.rows}
        rowKey={(u) => u.id}
        columns={[
          { header: t("users.name"), rowHeader: true, cell: (u) => u.name },
          { header: t("users.email"), cell: (u) => u.email },
          { header: t("users.role"), cell: (u) => t(`roles.${u.role}`) },
          { header: t("users.organisation"), cell: (u) => u.organisationName },
          { header: t("users.state"), cell: (u) => (u.disabled ? t("users.disabled") : t("users.active")) },
        ]}
      />
      <Pagination path="/" page={users.page} pageCount={users.pageCount} />
    </>
  );
}

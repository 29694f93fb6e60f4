import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session-user";
import { can } from "@/lib/authz/scope";
import { getCaseView } from "@/lib/reports/case-view";
import { DataTable } from "@/components/data-table";
import { EventDetail } from "./event-detail";
import { LinkedReports } from "./linked-reports";
import { CaseReferrals } from "./case-referrals";
import { ReportLifecycle } from "./report-lifecycle";
import { Timeline } from "./timeline";
import { VictimUpdates } from "./victim-updates";
import { CaseSafety, CaseSafetyAlerts } from "./case-safety";
import { CaseAlerts } from "./case-alerts";
import { CaseRestriction, RestrictedCase } from "./case-restriction";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ recorded?: string; saved?: string }>;
};

// The title names the page, never the person: titles end up in browser history.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("reports");
  return { title: t("reference") };
}

export default async function ReportPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const { id } = await params;
  const now = new Date();
  const view = await getCaseView(user, id, now);
  if (!view.found) {
    // A restricted case they may not open: its reference and the way to ask, nothing more.
    if (!view.notice) notFound();
    return <RestrictedCase id={view.notice.id} reference={view.notice.reference} />;
  }
  const { report } = view;
  const [flags, t, format] = await Promise.all([searchParams, getTranslations(), getFormatter()]);
  const notGiven = t("reports.notGiven");
  const when = report.incidentFrom
    ? [report.incidentFrom, report.incidentTo]
        .filter((d): d is Date => d !== null)
        .map((d) => format.dateTime(d, "date"))
        .join(" – ") + ` (${t(`enums.DatePrecision.${report.incidentDatePrecision}`)})`
    : notGiven;
  const facts: [string, ReactNode][] = [
    [
      t("reports.person"),
      <Link key="person" href={`/people/${report.person.id}`}>
        {report.person.workingName}
      </Link>,
    ],
    [t("reports.reportedOn"), format.dateTime(report.reportedAt, "date")],
    [t("reports.incidentDate"), when],
    [
      t("reports.incidentTypes"),
      report.incidentTypes.map((i) => t(`enums.IncidentType.${i}`)).join(", ") || notGiven,
    ],
    [t("reports.area"), report.area ?? notGiven],
    [
      t("reports.route"),
      report.reportingRoute
        ? t(`enums.ReportingRoute.${report.reportingRoute}`)
        : t("intake.record.routeNotRecorded"),
    ],
    [t("reports.relationship"), t(`enums.PerpetratorRelationship.${report.relationship}`)],
    [t("reports.wants"), t(`enums.PersonWants.${report.personWants}`)],
    [t("case.enhancedRights"), report.enhancedRights ? t("case.yes") : t("case.no")],
    [t("reports.crimeReference"), report.crimeReference ?? t("reports.noneRecorded")],
    [t("reports.status"), t(`enums.ReportStatus.${report.status}`)],
    [t("reports.assignedOfficer"), report.assignedOfficer?.name ?? t("reports.unassigned")],
  ];
  const actions = [
    {
      show: can(user, "outcome:record:unit"),
      href: `/reports/${report.id}/events/new`,
      label: t("case.recordEvent"),
    },
    {
      show: can(user, "report:update:unit"),
      href: `/reports/${report.id}/edit`,
      label: t("case.editDetails"),
    },
    {
      show: can(user, "contact:create:unit"),
      href: `/people/${report.person.id}/contacts/new?report=${report.id}`,
      label: t("case.logContact"),
    },
  ].filter((a) => a.show);
  const banner = flags.recorded ? t("case.recorded") : flags.saved ? t("case.saved") : null;

  return (
    <article>
      {banner && (
        <p role="status" className="mb-6 border-l-4 border-brand bg-panel p-3">
          {banner}
        </p>
      )}
      <h1 className="mb-4 text-3xl font-bold">{report.reference}</h1>
      {actions.length > 0 && (
        <nav aria-label={t("case.actionsLabel")} className="mb-6">
          <ul className="flex flex-wrap gap-4">
            {actions.map((a) => (
              <li key={a.href}>
                <Link href={a.href}>{a.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <CaseRestriction user={user} reportId={report.id} state={view.restriction} />
      <CaseSafetyAlerts user={user} reportId={report.id} recording={view.recording} flags={flags} />
      <CaseAlerts user={user} reportId={report.id} matches={view.alertMatches} />
      <section aria-labelledby="summary-heading" className="mb-8">
        <h2 id="summary-heading" className="mb-2 text-xl font-bold">
          {t("case.summaryHeading")}
        </h2>
        <dl className="grid max-w-3xl grid-cols-[minmax(10rem,auto)_1fr] gap-x-6 gap-y-2">
          {facts.map(([term, value]) => (
            <div key={term} className="contents">
              <dt className="font-bold">{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="narrative-heading" className="mb-8 max-w-3xl">
        <h2 id="narrative-heading" className="mb-2 text-xl font-bold">
          {t("reports.narrative")}
        </h2>
        <p className="whitespace-pre-wrap">{report.narrative || notGiven}</p>
      </section>
      <CaseSafety user={user} reportId={report.id} risk={view.risk} safeguarding={view.safeguarding} />
      <VictimUpdates
        report={report}
        canLogContact={can(user, "contact:create:unit")}
        canChangeRights={can(user, "report:update:unit")}
        now={now}
      />
      <section aria-labelledby="trail-heading" className="mb-8">
        <h2 id="trail-heading" className="mb-2 text-xl font-bold">
          {t("reports.outcomeTrail")}
        </h2>
        {report.caseEvents.length === 0 ? (
          <p>{t("reports.noEvents")}</p>
        ) : (
          <DataTable
            caption={t("reports.outcomeTrail")}
            rows={report.caseEvents}
            rowKey={(e) => e.id}
            columns={[
              {
                header: t("reports.eventDate"),
                rowHeader: true,
                cell: (e) => format.dateTime(e.occurredOn, "date"),
              },
              { header: t("reports.event"), cell: (e) => t(`enums.CaseEventType.${e.type}`) },
              { header: t("reports.detail"), cell: (e) => <EventDetail event={e} /> },
              { header: t("case.recordedBy"), cell: (e) => e.recordedBy?.name ?? "" },
            ]}
          />
        )}
      </section>
      <ReportLifecycle report={report} canClose={can(user, "report:close:unit")} />
      <CaseReferrals user={user} report={report} referrals={view.referrals} flags={flags} />
      <LinkedReports links={view.links} />
      <Timeline entries={report.timeline} />
    </article>
  );
}

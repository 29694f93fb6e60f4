import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session-user";
import { getReportForUser } from "@/lib/reports/queries";
import { DataTable } from "@/components/data-table";

type Props = { params: Promise<{ id: string }> };

// The title names the page, never the person: titles end up in browser history.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("reports");
  return { title: t("reference") };
}

export default async function ReportPage({ params }: Props) {
  const user = await requireUser();
  const { id } = await params;
  const report = await getReportForUser(user, id);
  if (!report) notFound();
  const t = await getTranslations();
  const format = await getFormatter();
  const notGiven = t("reports.notGiven");
  const when = report.incidentFrom
    ? [report.incidentFrom, report.incidentTo]
        .filter((d): d is Date => d !== null)
        .map((d) => format.dateTime(d, "date"))
        .join(" – ") + ` (${t(`enums.DatePrecision.${report.incidentDatePrecision}`)})`
    : notGiven;
  const facts: [string, string][] = [
    [t("reports.person"), report.person.workingName],
    [t("reports.reportedOn"), format.dateTime(report.reportedAt, "date")],
    [t("reports.incidentDate"), when],
    [t("reports.incidentTypes"), report.incidentTypes.map((i) => t(`enums.IncidentType.${i}`)).join(", ") || notGiven],
    [t("reports.area"), report.area ?? notGiven],
    [t("reports.route"), t(`enums.ReportingRoute.${report.reportingRoute}`)],
    [t("reports.relationship"), t(`enums.PerpetratorRelationship.${report.relationship}`)],
    [t("reports.wants"), t(`enums.PersonWants.${report.personWants}`)],
    [t("reports.crimeReference"), report.crimeReference ?? t("reports.noneRecorded")],
    [t("reports.status"), t(`enums.ReportStatus.${report.status}`)],
    [t("reports.assignedOfficer"), report.assignedOfficer?.name ?? t("reports.unassigned")],
  ];
  return (
    <article>
      <h1 className="mb-6 text-3xl font-bold">{report.reference}</h1>
      <dl className="mb-8 grid max-w-3xl grid-cols-[minmax(10rem,auto)_1fr] gap-x-6 gap-y-2">
        {facts.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="font-bold">{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="narrative-heading" className="mb-8 max-w-3xl">
        <h2 id="narrative-heading" className="mb-2 text-xl font-bold">
          {t("reports.narrative")}
        </h2>
        <p className="whitespace-pre-wrap">{report.narrative || notGiven}</p>
      </section>
      <section aria-labelledby="trail-heading">
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
              { header: t("reports.eventDate"), rowHeader: true, cell: (e) => format.dateTime(e.occurredOn, "date") },
              { header: t("reports.event"), cell: (e) => t(`enums.CaseEventType.${e.type}`) },
              {
                header: t("reports.detail"),
                cell: (e) =>
                  e.outcome
                    ? t(`enums.HomeOfficeOutcome.${e.outcome}`)
                    : e.courtResult
                      ? t(`enums.CourtResult.${e.courtResult}`)
                      : (e.offence ?? ""),
              },
            ]}
          />
        )}
      </section>
    </article>
  );
}

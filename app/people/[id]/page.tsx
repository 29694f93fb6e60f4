import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session-user";
import { can } from "@/lib/authz/scope";
import { getPersonView } from "@/lib/people/person-view";
import { pageNumberSchema } from "@/lib/pagination";
import { Pagination } from "@/components/pagination";
import { DataTable } from "@/components/data-table";
import { reportColumns } from "@/components/report-columns";
import { ContactSafety } from "./contact-safety";
import { Sharing } from "./sharing";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{
    contact?: string | string[];
    person?: string | string[];
    consent?: string | string[];
    referral?: string | string[];
    reports?: string | string[];
    contacts?: string | string[];
  }>;
};

// The title names the page, never the person: titles end up in browser history.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("people");
  return { title: t("personTitle") };
}

export default async function PersonPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const { id } = await params;
  const flags = await searchParams;
  // Both lists grow for as long as the unit knows the person: each is read a page at a time.
  const view = await getPersonView(
    user,
    id,
    { reports: pageNumberSchema.parse(flags.reports), contacts: pageNumberSchema.parse(flags.contacts) },
    new Date(),
  );
  if (!view) notFound();
  const { person, reports, contacts } = view;
  const pages = { reports: String(reports.page), contacts: String(contacts.page) };
  const banner =
    flags.contact === "saved" ? "contacts.saved" : flags.person === "saved" ? "people.saved" : null;
  const t = await getTranslations();
  const format = await getFormatter();
  const notGiven = t("people.notGiven");
  const facts: [string, string][] = [
    [t("people.selfDescription"), person.selfDescription || notGiven],
    [t("people.ageBand"), person.ageBand ? t(`enums.AgeBand.${person.ageBand}`) : notGiven],
    [t("people.workSetting"), person.workSetting ? t(`enums.WorkSetting.${person.workSetting}`) : notGiven],
    [t("people.interpreterNeeds"), person.interpreterNeeds || notGiven],
    [t("people.accessNeeds"), person.accessNeeds || notGiven],
  ];
  return (
    <article>
      {banner && (
        <p role="status" className="mb-6 max-w-3xl border-l-4 border-brand bg-panel p-3 font-bold">
          {t(banner)}
        </p>
      )}
      <h1 className="mb-6 text-3xl font-bold">{person.workingName}</h1>
      <ContactSafety person={person} />
      {can(user, "person:update:unit") && (
        <p className="-mt-4 mb-8">
          <Link href={`/people/${person.id}/edit`}>{t("people.changeDetails")}</Link>
        </p>
      )}
      {can(user, "retention:review:unit") && (
        <p className="-mt-4 mb-8">
          <Link href={`/people/${person.id}/subject-access`}>{t("subjectAccess.link")}</Link>
        </p>
      )}
      <dl className="mb-8 grid max-w-3xl grid-cols-[minmax(10rem,auto)_1fr] gap-x-6 gap-y-2">
        {facts.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="font-bold">{term}</dt>
            <dd className="whitespace-pre-wrap">{value}</dd>
          </div>
        ))}
      </dl>

      <section aria-labelledby="reports-heading" className="mb-8">
        <h2 id="reports-heading" className="mb-2 text-xl font-bold">
          {t("people.reportsTitle")}
        </h2>
        {reports.total === 0 ? (
          <p>{t("people.noReports")}</p>
        ) : (
          <>
            <DataTable
              caption={t("people.reportsCaption", { name: person.workingName })}
              rows={reports.rows}
              rowKey={(r) => r.id}
              columns={[...reportColumns(t, format)]}
            />
            <Pagination
              path={`/people/${person.id}`}
              page={reports.page}
              pageCount={reports.pageCount}
              param="reports"
              keep={pages}
              label={t("people.reportsPages")}
              fragment="reports-heading"
            />
          </>
        )}
      </section>

      <Sharing
        user={user}
        person={person}
        consents={view.consents}
        referrals={view.referrals}
        flags={flags}
      />

      <section aria-labelledby="contacts-heading">
        <h2 id="contacts-heading" className="mb-2 text-xl font-bold">
          {t("contacts.logTitle")}
        </h2>
        {can(user, "contact:create:unit") && (
          <p className="mb-4">
            <Link
              href={`/people/${person.id}/contacts/new`}
              className="inline-block rounded bg-brand px-5 py-2 font-bold text-white no-underline"
            >
              {t("contacts.logContact")}
            </Link>
          </p>
        )}
        {contacts.total === 0 ? (
          <p>{t("contacts.noContacts")}</p>
        ) : (
          <DataTable
            caption={t("contacts.logCaption", { name: person.workingName })}
            rows={contacts.rows}
            rowKey={(c) => c.id}
            columns={[
              {
                header: t("contacts.when"),
                rowHeader: true,
                cell: (c) => format.dateTime(c.occurredAt, "dateTime"),
              },
              { header: t("contacts.typeColumn"), cell: (c) => t(`contacts.types.${c.type}`) },
              { header: t("contacts.methodColumn"), cell: (c) => t(`enums.ContactMethod.${c.method}`) },
              {
                header: t("contacts.notesColumn"),
                cell: (c) => <span className="whitespace-pre-wrap">{c.notes ?? ""}</span>,
              },
              {
                header: t("contacts.followUpColumn"),
                cell: (c) => (c.followUpOn ? format.dateTime(c.followUpOn, "date") : t("contacts.none")),
              },
              {
                header: t("contacts.reportColumn"),
                cell: (c) =>
                  c.report ? (
                    <Link href={`/reports/${c.report.id}`}>{c.report.reference}</Link>
                  ) : (
                    t("contacts.none")
                  ),
              },
              { header: t("contacts.officerColumn"), cell: (c) => c.officerName ?? t("contacts.noOfficer") },
            ]}
          />
        )}
        <Pagination
          path={`/people/${person.id}`}
          page={contacts.page}
          pageCount={contacts.pageCount}
          param="contacts"
          keep={pages}
          label={t("contacts.logPages")}
          fragment="contacts-heading"
        />
      </section>
    </article>
  );
}

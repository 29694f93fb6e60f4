import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { DueUpdateRow } from "@/lib/victims-code/queries";
import { DataTable } from "@/components/data-table";
import { ContactPreferences } from "../reports/[id]/contact-preferences";

// Victims' Code updates the officer owes, with how each person agreed to be contacted. One
// row per report and due day: one contact can give the person every decision in it.
export async function UpdatesDue({ updates }: { updates: DueUpdateRow[] }) {
  const t = await getTranslations();
  const format = await getFormatter();
  const owed = updates.reduce((n, u) => n + u.decisions.length, 0);
  return (
    <section aria-labelledby="updates-due-heading" className="mb-8">
      <h2 id="updates-due-heading" className="mb-2 text-xl font-bold">
        {t("updatesDue.heading")}
      </h2>
      {updates.length === 0 ? (
        <p>{t("updatesDue.none")}</p>
      ) : (
        <>
          <p className="mb-3 text-muted">{t("updatesOwed.intro")}</p>
          <DataTable
            caption={t("updatesDue.caption", { count: owed })}
            rows={updates}
            rowKey={(u) => u.key}
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
                header: t("updatesOwed.decisions"),
                cell: (u) => (
                  <ul>
                    {u.decisions.map((d) => (
                      <li key={d.updateId}>
                        {`${t(`enums.CaseEventType.${d.decision}`)}, ${format.dateTime(d.decidedOn, "date")}`}
                      </li>
                    ))}
                  </ul>
                ),
              },
              {
                header: t("updatesDue.dueBy"),
                cell: (u) =>
                  u.projectedCalendar
                    ? `${format.dateTime(u.dueBy, "date")} ${t("updatesOwed.projected")}`
                    : format.dateTime(u.dueBy, "date"),
              },
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

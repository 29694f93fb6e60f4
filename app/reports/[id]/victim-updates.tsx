import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { CaseRecord } from "@/lib/reports/queries";
import { DataTable } from "@/components/data-table";
import { deadlineUsesProjectedHolidays } from "@/lib/victims-code/working-days";
import { ContactPreferences } from "./contact-preferences";
import { EnhancedRightsSummary } from "./enhanced-rights-summary";

type Props = { report: CaseRecord; canLogContact: boolean; canChangeRights?: boolean; now: Date };

// Victims' Code right 6 on the case: what the person is owed, by when, and how to reach them.
export async function VictimUpdates({ report, canLogContact, canChangeRights = false, now }: Props) {
  const t = await getTranslations();
  const format = await getFormatter();
  const open = report.updatesDue.filter((u) => !u.clearedAt);
  // Only a deadline still to meet can change when the bank holidays are published.
  const projected = (u: (typeof open)[number]) => !u.clearedAt && deadlineUsesProjectedHolidays(u.dueBy);
  return (
    <section aria-labelledby="updates-heading" className="mb-8 max-w-4xl">
      <h2 id="updates-heading" className="mb-2 text-xl font-bold">
        {t("case.updatesHeading")}
      </h2>
      <p className="mb-4 text-muted">{t("case.updatesIntro")}</p>
      <EnhancedRightsSummary report={report} canChange={canChangeRights} />
      {report.updatesDue.length === 0 ? (
        <p className="mb-4">{t("case.noUpdatesDue")}</p>
      ) : (
        <div className="mb-4">
          <DataTable
            caption={t("case.updatesCaption")}
            rows={report.updatesDue}
            rowKey={(u) => u.id}
            columns={[
              {
                header: t("case.updateDecision"),
                rowHeader: true,
                cell: (u) =>
                  `${t(`enums.CaseEventType.${u.caseEvent.type}`)}, ${format.dateTime(u.caseEvent.occurredOn, "date")}`,
              },
              {
                header: t("case.updateDueBy"),
                cell: (u) =>
                  projected(u)
                    ? `${format.dateTime(u.dueBy, "date")} ${t("enhancedRights.projectedNote")}`
                    : format.dateTime(u.dueBy, "date"),
              },
              {
                header: t("case.updateStatus"),
                cell: (u) =>
                  u.clearedAt ? (
                    t("case.statusGiven", { date: format.dateTime(u.clearedAt, "date") })
                  ) : u.dueBy < now ? (
                    <strong className="text-danger">{t("case.statusOverdue")}</strong>
                  ) : (
                    t("case.statusDue")
                  ),
              },
            ]}
          />
          {report.updatesDue.some(projected) && (
            <p className="mt-2 text-muted">{t("enhancedRights.projectedExplain")}</p>
          )}
        </div>
      )}
      {open.length > 0 && (
        <div className="border-l-4 border-brand bg-panel p-3">
          <h3 className="mb-2 font-bold">{t("case.contactHeading")}</h3>
          <ContactPreferences {...report.person} />
          {canLogContact && (
            <p className="mt-3">
              <Link href={`/people/${report.person.id}/contacts/new?report=${report.id}`}>
                {t("case.logContact")}
              </Link>
            </p>
          )}
        </div>
      )}
    </section>
  );
}

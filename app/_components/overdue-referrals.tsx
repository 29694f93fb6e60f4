import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { OverdueReferralRow } from "@/lib/referrals/queries";
import { DataTable } from "@/components/data-table";

// Referrals a partner agency has not answered within 5 working days: the person agreed to
// be referred and is waiting, so the officer chases the agency. Nothing shows when none are.
export async function OverdueReferrals({ rows }: { rows: OverdueReferralRow[] }) {
  if (rows.length === 0) return null;
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  return (
    <section aria-labelledby="overdue-referrals-heading" className="mb-8">
      <h2 id="overdue-referrals-heading" className="mb-2 text-xl font-bold">
        {t("referrals.overdueHeading")}
      </h2>
      <p className="mb-3 text-muted">{t("referrals.overdueIntro")}</p>
      <DataTable
        caption={t("referrals.overdueCaption", { count: rows.length })}
        rows={rows}
        rowKey={(r) => r.id}
        columns={[
          {
            header: t("referrals.person"),
            rowHeader: true,
            cell: (r) => <Link href={`/people/${r.personId}`}>{r.workingName}</Link>,
          },
          { header: t("referrals.agency"), cell: (r) => r.agencyName },
          { header: t("referrals.sentOn"), cell: (r) => format.dateTime(r.createdAt, "date") },
          {
            header: t("referrals.dueBy"),
            cell: (r) => <strong className="text-danger">{format.dateTime(r.dueBy, "date")}</strong>,
          },
        ]}
      />
    </section>
  );
}

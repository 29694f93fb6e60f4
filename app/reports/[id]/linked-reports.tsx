import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { LinkedReport } from "@/lib/suspects/links";
import { DataTable } from "@/components/data-table";

export async function LinkedReports({ links }: { links: LinkedReport[] }) {
  const t = await getTranslations();
  const format = await getFormatter();
  return (
    <section aria-labelledby="linked-heading" className="mb-8 max-w-4xl">
      <h2 id="linked-heading" className="mb-2 text-xl font-bold">
        {t("case.linkedHeading")}
      </h2>
      <p className="mb-4 text-muted">{t("case.linkedIntro")}</p>
      {links.length === 0 ? (
        <p>{t("case.noLinked")}</p>
      ) : (
        <DataTable
          caption={t("case.linkedCaption")}
          rows={links}
          rowKey={(l) => l.id}
          columns={[
            {
              header: t("case.linkedReference"),
              rowHeader: true,
              cell: (l) => <Link href={`/reports/${l.id}`}>{l.reference}</Link>,
            },
            { header: t("case.linkedReported"), cell: (l) => format.dateTime(l.reportedAt, "date") },
            {
              header: t("case.linkedShared"),
              cell: (l) =>
                l.shared
                  .map((s) =>
                    t("case.sharedIdentifier", {
                      kind: t(`enums.IdentifierKind.${s.kind}`),
                      value: s.normalised,
                    }),
                  )
                  .join("; "),
            },
          ]}
        />
      )}
    </section>
  );
}

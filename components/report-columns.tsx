import Link from "next/link";
import type { useFormatter, useTranslations } from "next-intl";
import type { Column } from "./data-table";
import type { IncidentType, ReportStatus } from "@/lib/generated/prisma/enums";
import { isRestrictedRow, type RestrictedRow } from "@/lib/reports/restriction";

type ReportRow = {
  id: string;
  reference: string;
  reportedAt: Date;
  incidentTypes: IncidentType[];
  status: ReportStatus;
};

// The columns every list of reports starts with: reference (linking to the case), date
// reported, what happened and status. A restricted case the user may not open shows its
// reference and "Restricted", nothing more (lib/reports/restriction.ts).
export function reportColumns<Row extends ReportRow | RestrictedRow>(
  t: ReturnType<typeof useTranslations>,
  format: ReturnType<typeof useFormatter>,
): Column<Row>[] {
  const full =
    (cell: (r: ReportRow) => string) =>
    (r: Row): string =>
      isRestrictedRow(r) ? t("restriction.restricted") : cell(r as ReportRow);
  return [
    {
      header: t("reports.reference"),
      rowHeader: true,
      cell: (r) => <Link href={`/reports/${r.id}`}>{r.reference}</Link>,
    },
    { header: t("reports.reportedOn"), cell: full((r) => format.dateTime(r.reportedAt, "date")) },
    {
      header: t("reports.incidentTypes"),
      cell: full((r) => r.incidentTypes.map((i) => t(`enums.IncidentType.${i}`)).join(", ")),
    },
    { header: t("reports.status"), cell: full((r) => t(`enums.ReportStatus.${r.status}`)) },
  ];
}

import Link from "next/link";
import type { useFormatter, useTranslations } from "next-intl";
import type { Column } from "./data-table";
import type { IncidentType, ReportStatus } from "@/lib/generated/prisma/enums";

type ReportRow = {
  id: string;
  reference: string;
  reportedAt: Date;
  incidentTypes: IncidentType[];
  status: ReportStatus;
};

// The columns every list of reports starts with: reference (linking to the case), date
// reported, what happened and status.
export function reportColumns<Row extends ReportRow>(
  t: ReturnType<typeof useTranslations>,
  format: ReturnType<typeof useFormatter>,
): Column<Row>[] {
  return [
    {
      header: t("reports.reference"),
      rowHeader: true,
      cell: (r) => <Link href={`/reports/${r.id}`}>{r.reference}</Link>,
    },
    { header: t("reports.reportedOn"), cell: (r) => format.dateTime(r.reportedAt, "date") },
    {
      header: t("reports.incidentTypes"),
      cell: (r) => r.incidentTypes.map((i) => t(`enums.IncidentType.${i}`)).join(", "),
    },
    { header: t("reports.status"), cell: (r) => t(`enums.ReportStatus.${r.status}`) },
  ];
}

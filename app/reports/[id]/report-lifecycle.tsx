import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { CaseRecord } from "@/lib/reports/queries";

type Props = {
  report: Pick<CaseRecord, "id" | "status" | "closedAt" | "caseEvents">;
  // The user holds report:close:unit (supervisors): they may close and reopen.
  canClose: boolean;
};

// Whether the report is open or closed, why it closed, and (for supervisors) the way to
// close or reopen it. Closing and reopening also appear on the trail and the timeline.
export async function ReportLifecycle({ report, canClose }: Props) {
  const t = await getTranslations("lifecycle");
  const enums = await getTranslations("enums");
  const format = await getFormatter();
  const closing = report.caseEvents.findLast((e) => e.type === "REPORT_CLOSED");
  const closed = report.status === "CLOSED";
  const summary = !closed
    ? t("openNow")
    : closing?.closeReason && report.closedAt
      ? t("closedNow", {
          date: format.dateTime(report.closedAt, "date"),
          reason: enums(`CloseReason.${closing.closeReason}`),
        })
      : t("closedNowNoDate");
  return (
    <section aria-labelledby="lifecycle-heading" className="mb-8 max-w-3xl">
      <h2 id="lifecycle-heading" className="mb-2 text-xl font-bold">
        {t("statusHeading")}
      </h2>
      <p className="mb-2">{summary}</p>
      {canClose && (
        <p>
          <Link href={`/reports/${report.id}/${closed ? "reopen" : "close"}`}>
            {closed ? t("reopenLink") : t("closeLink")}
          </Link>
        </p>
      )}
    </section>
  );
}

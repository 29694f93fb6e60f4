import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { CaseRecord } from "@/lib/reports/queries";
import { deriveEnhancedRights } from "@/lib/victims-code/enhanced-rights";

type Props = {
  report: Pick<
    CaseRecord,
    "id" | "enhancedRights" | "enhancedRightsByOfficer" | "enhancedRightsReason" | "incidentTypes"
  >;
  canChange: boolean;
};

// The person's Victims' Code rights on this report: what they are, whether the offence or an
// officer decided them, and the officer's reason.
export async function EnhancedRightsSummary({ report, canChange }: Props) {
  const t = await getTranslations("enhancedRights");
  const derived = deriveEnhancedRights(report.incidentTypes);
  // Reports from before the rights were derived can hold an answer the offence would not give.
  const basis = report.enhancedRightsByOfficer
    ? t("basisOfficer")
    : derived.enhanced === report.enhancedRights
      ? t(`basis${derived.basis}`)
      : t("basisRecorded");
  return (
    <div className="mb-4">
      <h3 className="mb-1 font-bold">{t("heading")}</h3>
      <p>{t("current", { value: String(report.enhancedRights) })}</p>
      <p className="text-muted">{basis}</p>
      {report.enhancedRightsByOfficer && report.enhancedRightsReason && (
        <p className="whitespace-pre-wrap">{t("reason", { reason: report.enhancedRightsReason })}</p>
      )}
      {canChange && (
        <p className="mt-1">
          <Link href={`/reports/${report.id}/enhanced-rights`}>{t("change")}</Link>
        </p>
      )}
    </div>
  );
}

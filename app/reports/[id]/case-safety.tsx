// The case page's safety pieces, fetched here so the shared page only renders them:
// `CaseSafetyAlerts` sits at the top (saved banners and the crime-recording warning),
// `CaseSafety` beside the case details (risk assessment and safeguarding). They are part of
// the case view, which getReportForUser has already audited.
import { getTranslations } from "next-intl/server";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/authz/scope";
import { getCrimeRecordingForReport } from "@/lib/crime-recording/queries";
import { getRiskForReport } from "@/lib/risk/queries";
import { findSafeguardingForReport } from "@/lib/safeguarding/queries";
import { CrimeRecordingPanel } from "./crime-recording/crime-recording-panel";
import { RiskPanel } from "./risk/risk-panel";
import { SafeguardingPanel } from "./safeguarding/safeguarding-panel";

type Props = { user: CurrentUser; reportId: string; now: Date };
// The page's query flags, of which these read `risk`, `safeguarding` and `crimeRecording`.
type Flags = Record<string, string | undefined>;

export async function CaseSafetyAlerts({ user, reportId, now, flags }: Props & { flags: Flags }) {
  const [t, recording] = await Promise.all([
    getTranslations(),
    getCrimeRecordingForReport(user, reportId, now),
  ]);
  const banner = flags.risk
    ? t("caseRisk.savedBanner")
    : flags.safeguarding
      ? t("caseSafeguarding.savedBanner")
      : flags.crimeRecording
        ? t("caseCrimeRecording.savedBanner")
        : null;
  return (
    <>
      {banner && (
        <p role="status" className="mb-6 border-l-4 border-brand bg-panel p-3">
          {banner}
        </p>
      )}
      {recording && (
        <CrimeRecordingPanel
          reportId={reportId}
          recording={recording}
          canRecordEvent={can(user, "outcome:record:unit")}
          canUpdate={can(user, "report:update:unit")}
        />
      )}
    </>
  );
}

export async function CaseSafety({ user, reportId, now }: Props) {
  const [risk, safeguarding] = await Promise.all([
    getRiskForReport(user, reportId, now),
    findSafeguardingForReport(user, reportId),
  ]);
  return (
    <>
      {risk && <RiskPanel reportId={reportId} risk={risk} canAssess={can(user, "risk:assess:unit")} />}
      {safeguarding && (
        <SafeguardingPanel
          reportId={reportId}
          records={safeguarding}
          canRecord={can(user, "safeguarding:record:unit")}
        />
      )}
    </>
  );
}

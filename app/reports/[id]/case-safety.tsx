// The case page's safety pieces: `CaseSafetyAlerts` sits at the top (saved banners and the
// crime-recording warning), `CaseSafety` beside the case details (risk assessment and
// safeguarding). They are read with the case view (lib/reports/case-view.ts), which
// getReportForUser audits.
import { getTranslations } from "next-intl/server";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/authz/scope";
import type { ReportCrimeRecording } from "@/lib/crime-recording/queries";
import type { ReportRisk } from "@/lib/risk/queries";
import type { SafeguardingView } from "@/lib/safeguarding/queries";
import { CrimeRecordingPanel } from "./crime-recording/crime-recording-panel";
import { RiskPanel } from "./risk/risk-panel";
import { SafeguardingPanel } from "./safeguarding/safeguarding-panel";

type Props = { user: CurrentUser; reportId: string };
// The page's query flags, of which these read `risk`, `safeguarding` and `crimeRecording`.
type Flags = Record<string, string | undefined>;

export async function CaseSafetyAlerts({
  user,
  reportId,
  recording,
  flags,
}: Props & { recording: ReportCrimeRecording | null; flags: Flags }) {
  const t = await getTranslations();
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

export function CaseSafety({
  user,
  reportId,
  risk,
  safeguarding,
}: Props & { risk: ReportRisk | null; safeguarding: SafeguardingView[] | null }) {
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

import { getTranslations } from "next-intl/server";
import type { CaseEventType } from "@/lib/generated/prisma/enums";
import { decisionNotice } from "@/lib/victims-code/decision-notice";

// Victims' Code right 6, said before the officer records the event: whether recording it
// opens an update the person is owed, as lib/victims-code/key-decisions.ts decides.
export async function DecisionNotice({
  type,
  charged,
  enhancedRights,
}: {
  type: CaseEventType;
  charged: boolean;
  enhancedRights: boolean;
}) {
  const notice = decisionNotice(type, charged ? [{ type: "CHARGED" }] : [], enhancedRights);
  if (!notice) return null;
  const t = await getTranslations("decisionNotice");
  return (
    <div className="mb-6 border-l-4 border-brand bg-panel p-3">
      {notice.kind === "opens" && <p>{t("opens", { days: notice.days })}</p>}
      {notice.kind === "outcomeAfterCharge" && <p>{t("outcomeAfterCharge")}</p>}
      {notice.kind === "outcomeOpens" && (
        <>
          <p>{t("outcomeOpens", { days: notice.days })}</p>
          {notice.exceptInformed.includes("OUTCOME_20") && <p>{t("outcomeExceptInformed")}</p>}
        </>
      )}
    </div>
  );
}

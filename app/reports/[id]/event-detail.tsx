import { getTranslations } from "next-intl/server";
import type { CaseRecord } from "@/lib/reports/queries";

type Event = CaseRecord["caseEvents"][number];

// What an event on the outcome trail records, in words: each line one fact.
export async function EventDetail({ event: e }: { event: Event }) {
  const t = await getTranslations();
  const lines: string[] = [];
  if (e.crimeReference) lines.push(t("case.detailCrimeReference", { reference: e.crimeReference }));
  if (e.releaseType) lines.push(t(`enums.ReleaseType.${e.releaseType}`));
  if (e.outcome) lines.push(t(`enums.HomeOfficeOutcome.${e.outcome}`));
  if (e.courtResult) lines.push(t(`enums.CourtResult.${e.courtResult}`));
  if (e.offence) lines.push(t("case.detailOffence", { offence: e.offence }));
  if (e.sentence) lines.push(t("case.detailSentence", { sentence: e.sentence }));
  if (e.closeReason)
    lines.push(t("lifecycle.detailCloseReason", { reason: t(`enums.CloseReason.${e.closeReason}`) }));
  if (e.diversionaryActivity) lines.push(t("lifecycle.detailActivity", { text: e.diversionaryActivity }));
  if (e.personWants) lines.push(t("case.detailWants", { wants: t(`enums.PersonWants.${e.personWants}`) }));
  if (e.withdrawalReasons.length > 0) {
    const reasons = e.withdrawalReasons.map((r) => t(`enums.WithdrawalReason.${r}`)).join(", ");
    lines.push(t("case.detailReasons", { reasons }));
  }
  if (e.notes) {
    // One notes column holds the text each type asks for; say which it is.
    const key =
      e.outcome === "OUTCOME_21"
        ? "case.detailRationale"
        : e.withdrawalReasons.includes("OTHER")
          ? "case.detailOtherReason"
          : e.type === "REPORT_CLOSED" || e.type === "REPORT_REOPENED"
            ? "lifecycle.detailWhy"
            : "case.detailNotes";
    lines.push(t(key, { text: e.notes }));
  }
  if (e.personInformed) lines.push(t("case.detailPersonInformed"));
  if (e.dateExplanation) lines.push(t("lifecycle.detailDateExplained", { text: e.dateExplanation }));
  if (lines.length === 0) return null;
  return (
    <ul className="list-none">
      {lines.map((line, i) => (
        <li key={i} className="whitespace-pre-wrap">
          {line}
        </li>
      ))}
    </ul>
  );
}

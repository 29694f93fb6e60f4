import { getFormatter, getTranslations } from "next-intl/server";
import type { LifecycleDecision, TimelineEntry } from "@/lib/reports/queries";

// Everything that happened on the case, oldest first. Edits say who and when, never what.
export async function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const t = await getTranslations();
  const format = await getFormatter();
  const describe = (e: TimelineEntry): string => {
    switch (e.kind) {
      case "report":
        return t("case.timelineReport");
      case "edit":
        return e.by ? t("case.timelineEdit", { name: e.by }) : t("case.timelineEditUnknown");
      case "event": {
        const event = t(`enums.CaseEventType.${e.type}`);
        return e.recordedBy
          ? t("case.timelineEventBy", { event, name: e.recordedBy })
          : t("case.timelineEvent", { event });
      }
      case "contact": {
        const parts = { type: t(`contacts.types.${e.type}`), method: t(`enums.ContactMethod.${e.method}`) };
        return e.officer
          ? t("case.timelineContactBy", { ...parts, name: e.officer })
          : t("case.timelineContact", parts);
      }
      case "referral":
        return t("case.timelineReferral", {
          agency: e.agency,
          status: t(`enums.ReferralStatus.${e.status}`),
        });
    }
  };
  // Closing, reopening and enhanced-rights decisions carry their reason: the timeline is where
  // a supervisor reads why a case changed state.
  const decided = (d: LifecycleDecision): string[] => [
    ...(d.closeReason
      ? [t("lifecycle.detailCloseReason", { reason: t(`enums.CloseReason.${d.closeReason}`) })]
      : []),
    ...(d.enhancedRights !== null ? [t("enhancedRights.current", { value: String(d.enhancedRights) })] : []),
    ...(d.notes ? [t("lifecycle.detailWhy", { text: d.notes })] : []),
  ];
  // Case events carry a date only; everything else has a time worth showing.
  const when = (e: TimelineEntry) => format.dateTime(e.at, e.kind === "event" ? "date" : "dateTime");
  return (
    <section aria-labelledby="timeline-heading" className="mb-8 max-w-4xl">
      <h2 id="timeline-heading" className="mb-4 text-xl font-bold">
        {t("case.timelineHeading")}
      </h2>
      <ol className="border-l-2 border-line pl-4">
        {entries.map((e) => (
          <li key={e.key} className="mb-3">
            <p>
              <time dateTime={e.at.toISOString()} className="font-bold">
                {when(e)}
              </time>
              <span className="sr-only">: </span>
            </p>
            <p>{describe(e)}</p>
            {e.kind === "contact" && e.notes && <p className="whitespace-pre-wrap text-muted">{e.notes}</p>}
            {e.kind === "event" &&
              e.decision &&
              decided(e.decision).map((line) => (
                <p key={line} className="whitespace-pre-wrap text-muted">
                  {line}
                </p>
              ))}
          </li>
        ))}
      </ol>
    </section>
  );
}

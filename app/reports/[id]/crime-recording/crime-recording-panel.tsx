import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ReportCrimeRecording } from "@/lib/crime-recording/queries";

type Props = {
  reportId: string;
  recording: ReportCrimeRecording;
  canRecordEvent: boolean;
  canUpdate: boolean;
};

// Where crime recording stands: a warning once a disclosed crime has gone 24 hours without
// a crime reference, a reminder before then, and the recorded reason for intelligence only.
export async function CrimeRecordingPanel({ reportId, recording, canRecordEvent, canUpdate }: Props) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const { state, notRecordedWhy } = recording;
  if (state.kind === "not-disclosed" || state.kind === "recorded") return null;
  const links = (
    <ul className="mt-2 flex flex-wrap gap-4">
      {canRecordEvent && (
        <li>
          <Link href={`/reports/${reportId}/events/new?type=CRIME_RECORDED`}>
            {t("caseCrimeRecording.recordCrime")}
          </Link>
        </li>
      )}
      {canUpdate && (
        <li>
          <Link href={`/reports/${reportId}/crime-recording`}>
            {notRecordedWhy
              ? t("caseCrimeRecording.changeReason")
              : t("caseCrimeRecording.recordNotRecorded")}
          </Link>
        </li>
      )}
    </ul>
  );
  if (state.kind === "intelligence-only")
    return (
      <section
        aria-labelledby="crime-recording-heading"
        className="mb-8 max-w-3xl border-l-4 border-brand bg-panel p-3"
      >
        <h2 id="crime-recording-heading" className="mb-1 text-lg font-bold">
          {t("caseCrimeRecording.intelligenceHeading")}
        </h2>
        <p>{t("caseCrimeRecording.intelligenceBody")}</p>
        <p className="whitespace-pre-wrap">{state.reason}</p>
        {links}
      </section>
    );
  const overdue = state.kind === "overdue";
  const dueBy = format.dateTime(state.dueBy, "dateTime");
  return (
    <section
      aria-labelledby="crime-recording-heading"
      className={`mb-8 max-w-3xl border-l-4 bg-panel p-3 ${overdue ? "border-danger" : "border-brand"}`}
    >
      <h2 id="crime-recording-heading" className={`mb-1 text-lg font-bold ${overdue ? "text-danger" : ""}`}>
        {overdue ? t("caseCrimeRecording.overdueHeading") : t("caseCrimeRecording.dueHeading")}
      </h2>
      <p>
        {overdue
          ? t("caseCrimeRecording.overdueBody", { dueBy })
          : t("caseCrimeRecording.dueBody", { dueBy })}
      </p>
      {notRecordedWhy && (
        <p className="mt-2 whitespace-pre-wrap">
          {t("caseCrimeRecording.reasonNotExempt", { reason: notRecordedWhy })}
        </p>
      )}
      {links}
    </section>
  );
}

import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session-user";
import { getReportForRecording } from "@/lib/outcomes/queries";
import { RECORDABLE_EVENT_TYPES } from "@/lib/outcomes/schema";
import { ChoiceGroup } from "@/components/form/choice-group";
import type { CaseEventType } from "@/lib/generated/prisma/enums";
import { EventForm } from "./event-form";
import { DecisionNotice } from "./decision-notice";
import { recordCaseEventAction } from "./actions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ type?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("caseEvents");
  return { title: t("title") };
}

function recordable(type: string | undefined): CaseEventType | null {
  return RECORDABLE_EVENT_TYPES.find((t) => t === type) ?? null;
}

// Two questions, one per page: what kind of event, then its details. The kind travels in the
// address (it is not personal data), so the page works without JavaScript.
export default async function RecordEventPage({ params, searchParams }: Props) {
  const user = await requirePermission("outcome:record:unit");
  const { id } = await params;
  const report = await getReportForRecording(user, id);
  if (!report) notFound();
  const t = await getTranslations();
  const type = recordable((await searchParams).type);
  const caseHref = `/reports/${report.id}`;

  if (!type) {
    return (
      <div className="max-w-3xl">
        <Link href={caseHref} className="mb-6 inline-block">
          {t("caseEvents.back")}
        </Link>
        <h1 className="mb-2 text-3xl font-bold">{t("caseEvents.title")}</h1>
        <p className="mb-6 text-muted">{t("caseEvents.forReport", { reference: report.reference })}</p>
        <form method="get" action={`${caseHref}/events/new`}>
          <ChoiceGroup
            name="type"
            type="radio"
            legend={t("caseEvents.chooseLegend")}
            hint={t("caseEvents.chooseHint")}
            options={RECORDABLE_EVENT_TYPES.map((value) => ({
              value,
              label: t(`enums.CaseEventType.${value}`),
            }))}
            selected={[]}
          />
          <button type="submit" className="rounded bg-brand px-5 py-2 font-bold text-white">
            {t("caseEvents.continue")}
          </button>
        </form>
      </div>
    );
  }

  return (
    <div className="max-w-3xl">
      <Link href={`${caseHref}/events/new`} className="mb-6 inline-block">
        {t("caseEvents.changeType")}
      </Link>
      <h1 className="mb-2 text-3xl font-bold">
        {t("caseEvents.typeTitle", { event: t(`enums.CaseEventType.${type}`) })}
      </h1>
      <p className="mb-4 text-muted">{t("caseEvents.forReport", { reference: report.reference })}</p>
      <DecisionNotice type={type} charged={report.charged} enhancedRights={report.enhancedRights} />
      {report.status === "CLOSED" && (
        <p className="mb-6 border-l-4 border-danger bg-panel p-3">{t("lifecycle.closedNotice")}</p>
      )}
      <EventForm
        type={type}
        crimeRecorded={report.crimeRecorded}
        record={recordCaseEventAction.bind(null, report.id)}
        idempotencyKey={randomUUID()}
      />
      <p className="mt-6">
        <Link href={caseHref}>{t("caseEvents.back")}</Link>
      </p>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session-user";
import { getSubmissionForUnit } from "@/lib/third-party/queries";
import { splitLines } from "@/lib/intake/schemas";
import { markLookingAction, searchPeopleAction, triageAction } from "./actions";
import { ActionButton } from "@/components/form/action-button";
import { TriageForm } from "./_components/triage-form";
import { SafeguardingFlag } from "@/components/third-party/safeguarding-flag";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("thirdParty");
  return { title: t("queueTitle") };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ looking?: string }> };

export default async function SubmissionPage({ params, searchParams }: Props) {
  const user = await requirePermission("submission:triage:unit");
  const s = await getSubmissionForUnit(user, (await params).id);
  if (!s) notFound();
  const { looking } = await searchParams;
  const t = await getTranslations();
  const format = await getFormatter();
  const date = (iso: string) => format.dateTime(new Date(`${iso}T12:00:00Z`), "date");
  const happened = s.answers["what-happened"];
  const who = s.answers.who;
  const when =
    happened.whenKnown === "EXACT" && happened.incidentDate
      ? t("thirdParty.whenExact", { date: date(happened.incidentDate) }) +
        (happened.incidentTime ? `, ${happened.incidentTime}` : "")
      : happened.periodFrom && happened.periodTo
        ? t("thirdParty.whenPeriod", { from: date(happened.periodFrom), to: date(happened.periodTo) })
        : happened.periodFrom
          ? t("thirdParty.whenFrom", { from: date(happened.periodFrom) })
          : "";
  const identifiers = [who.vehicleRegistrations, who.phoneNumbers, who.onlineHandles].flatMap(splitLines);
  const answer = (labels: string, v: string) => (v ? t(`${labels}.${v}`) : "");
  const rows: [string, string][] = [
    [t("thirdParty.agency"), s.agencyName],
    [t("thirdParty.received"), format.dateTime(s.submittedAt, "date")],
    [t("thirdParty.status"), t(`enums.SubmissionStatus.${s.status}`)],
    [t("thirdParty.wish"), t(`enums.SubmissionWish.${s.wish}`)],
    [
      t("thirdParty.workingName"),
      s.anonymous ? t("thirdParty.anonymousPerson") : (s.answers.workingName ?? ""),
    ],
    [
      t("intake.questions.immediateDanger.label"),
      answer("intake.options.SafeNow", s.answers.safety.immediateDanger ?? ""),
    ],
    [
      t("intake.questions.injuriesNeedingCare.label"),
      answer("enums.Answer", s.answers.safety.injuriesNeedingCare ?? ""),
    ],
    [
      t("intake.questions.threatsOfFurtherHarm.label"),
      answer("enums.Answer", s.answers.safety.threatsOfFurtherHarm ?? ""),
    ],
    [
      t("intake.questions.riskFromExploiter.label"),
      answer("enums.Answer", s.answers.safety.riskFromExploiter ?? ""),
    ],
    [t("thirdParty.ageBandAnswer"), answer("enums.AgeBand", s.answers.about?.ageBand ?? "")],
    [
      t("thirdParty.dateOfBirthAnswer"),
      s.answers.about?.dateOfBirth ? date(s.answers.about.dateOfBirth) : "",
    ],
    [
      t("thirdParty.signsAnswer"),
      (s.answers.signs?.safeguardingSigns ?? []).map((c) => t(`enums.SafeguardingConcern.${c}`)).join(", "),
    ],
    [
      t("thirdParty.incidentTypes"),
      happened.incidentTypes.map((i) => t(`enums.IncidentType.${i}`)).join(", "),
    ],
    [t("thirdParty.when"), when],
    [t("thirdParty.area"), happened.area],
    [t("thirdParty.place"), happened.place],
    [t("thirdParty.relationship"), answer("enums.PerpetratorRelationship", who.relationship)],
    [t("thirdParty.suspectDescription"), who.suspectDescription],
    [t("thirdParty.identifiers"), identifiers.join(", ")],
    [t("thirdParty.narrative"), s.answers.account.narrative],
  ];
  const open = s.status === "RECEIVED" || s.status === "BEING_LOOKED_AT";
  return (
    <>
      <Link href="/submissions" className="mb-6 inline-block">
        {t("thirdParty.backToQueue")}
      </Link>
      <h1 className="mb-4 text-3xl font-bold">{t("thirdParty.triageTitle", { agency: s.agencyName })}</h1>
      {looking === "1" && s.status === "BEING_LOOKED_AT" && (
        <p role="status" className="mb-6 border-l-4 border-brand bg-panel p-4 font-bold">
          {t("thirdParty.markedLooking")}
        </p>
      )}
      {s.safeguardingConcerns.length > 0 && (
        <div className="mb-6 border-l-8 border-danger bg-panel p-4">
          <h2 className="mb-2 text-xl font-bold">{t("thirdParty.safeguardingHeading")}</h2>
          <SafeguardingFlag concerns={s.safeguardingConcerns} />
          <p className="mt-2">
            {t("thirdParty.safeguardingUnitAction", { contact: t("intake.safeguardingContact") })}
          </p>
        </div>
      )}
      {s.report && (
        <p className="mb-6">
          <Link href={`/reports/${s.report.id}`}>
            {t("thirdParty.reportOpened", { reference: s.report.reference })}
          </Link>
        </p>
      )}
      {s.status === "CLOSED" && s.notOpenedReason && (
        <p className="mb-6">{t("thirdParty.closedReason", { reason: s.notOpenedReason })}</p>
      )}
      <section aria-labelledby="answers-heading" className="mb-8">
        <h2 id="answers-heading" className="mb-3 text-2xl font-bold">
          {t("thirdParty.answersHeading")}
        </h2>
        <dl className="grid max-w-3xl grid-cols-[minmax(0,16rem)_1fr] gap-x-6 gap-y-2">
          {rows.map(([term, value]) => (
            <div key={term} className="contents">
              <dt className="font-bold">{term}</dt>
              <dd className="whitespace-pre-line">{value || t("thirdParty.notAnswered")}</dd>
            </div>
          ))}
        </dl>
      </section>
      {s.status === "RECEIVED" && (
        <ActionButton
          action={markLookingAction.bind(null, s.id)}
          label={t("thirdParty.markLooking")}
          formClassName="mb-8"
          className="rounded border-2 border-brand px-4 py-1.5 font-bold text-brand disabled:opacity-60"
        />
      )}
      {open && <TriageForm triage={triageAction.bind(null, s.id)} search={searchPeopleAction} />}
    </>
  );
}

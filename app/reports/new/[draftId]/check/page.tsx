import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session-user";
import { getDraftForUser } from "@/lib/intake/drafts";
import { STEPS, type Question, type RawValues } from "@/lib/intake/questions";
import { parseDate } from "@/lib/intake/schemas";
import { londonTodayIso, parseDay } from "@/lib/intake/dates";
import { activeConcerns } from "@/lib/intake/safeguarding";
import { optionText, questionText } from "@/lib/intake/wording";
import { getPersonForUser } from "@/lib/people/queries";
import { findPartnerAgencies } from "@/lib/organisations/queries";
import { isUuid } from "@/lib/ids";
import { SubmitForm } from "@/components/intake/submit-form";
import { discardDraftAction } from "../../actions";
import { ActionButton } from "@/components/form/action-button";

type Props = { params: Promise<{ draftId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("intake");
  return { title: t("checkTitle") };
}

export default async function CheckAnswersPage({ params }: Props) {
  const user = await requirePermission("report:create:unit");
  const { draftId } = await params;
  const draft = await getDraftForUser(user, draftId);
  if (!draft) notFound();
  const t = await getTranslations();
  const ti = await getTranslations("intake");
  const format = await getFormatter();
  const today = londonTodayIso();
  const concerns = activeConcerns(draft.data, today);
  const child = concerns.includes("CHILD_AT_RISK");
  const label = (q: Question) => questionText(ti, q.name, "label", child) ?? q.name;
  const longDate = (d: Date) =>
    format.dateTime(d, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const chosenId = draft.data.person?.existingPersonId;
  const [chosen, agencies] = await Promise.all([
    typeof chosenId === "string" && isUuid(chosenId) ? getPersonForUser(user, chosenId) : null,
    findPartnerAgencies(user),
  ]);

  const show = (q: Question, values: RawValues): string => {
    const v = values[q.name];
    // Not yet answered, "when did they report it" is today, as the form offers and saves.
    if (q.kind === "day" && v === undefined)
      return ti("today", { date: longDate(new Date(`${today}T00:00:00Z`)) });
    const list = Array.isArray(v) ? v : v ? [v] : [];
    if (list.length === 0) return "";
    switch (q.kind) {
      case "radio":
      case "checkbox":
        return list.map((o) => optionText(t, q.name, q.labels, o, child)).join(", ");
      case "person":
        return list[0] === "NEW"
          ? t("intake.newPerson")
          : (chosen?.workingName ?? t("intake.personNotFound"));
      case "agency":
        return agencies.find((a) => a.id === list[0])?.name ?? "";
      case "date": {
        const d = parseDate(list[0] ?? "");
        return d ? longDate(d) : (list[0] ?? "");
      }
      case "day": {
        const day = parseDay(list[0] ?? "");
        return day ? longDate(new Date(`${day}T00:00:00Z`)) : (list[0] ?? "");
      }
      default:
        return list.join(", ");
    }
  };

  return (
    <div className="max-w-4xl">
      <Link href={`/reports/new/${draftId}/crime`} className="mb-6 inline-block">
        {t("intake.back")}
      </Link>
      <h1 className="mb-6 text-3xl font-bold">{t("intake.checkTitle")}</h1>
      {STEPS.map((step) => {
        const values = draft.data[step.slug] ?? {};
        return (
          <section key={step.slug} aria-labelledby={`check-${step.slug}`} className="mb-8">
            <h2 id={`check-${step.slug}`} className="mb-2 text-xl font-bold">
              {t(`intake.steps.${step.slug}.title`)}
            </h2>
            <dl className="border-t border-line">
              {step.questions.map((q: Question) => {
                if (q.panel && !concerns.includes(q.panel)) return null;
                const answer = show(q, values);
                return (
                  <div
                    key={q.name}
                    className="grid gap-2 border-b border-line py-2 sm:grid-cols-[2fr_3fr_auto]"
                  >
                    <dt className="font-bold">{label(q)}</dt>
                    <dd className="whitespace-pre-wrap">
                      {answer || <span className="text-muted">{t("intake.notAnswered")}</span>}
                    </dd>
                    <dd>
                      <Link
                        href={`/reports/new/${draftId}/${step.slug}?return=check#${q.kind === "day" ? `${q.name}Day` : q.name}`}
                      >
                        {t("intake.change")}
                        <span className="sr-only"> {label(q)}</span>
                      </Link>
                    </dd>
                  </div>
                );
              })}
            </dl>
          </section>
        );
      })}
      <h2 className="mb-2 text-xl font-bold">{t("intake.submitTitle")}</h2>
      <p className="mb-4">{t("intake.submitIntro")}</p>
      <SubmitForm draftId={draftId} />
      <ActionButton
        action={discardDraftAction.bind(null, draftId)}
        label={t("intake.discard")}
        className="text-danger underline"
        formClassName="mt-8"
      />
    </div>
  );
}

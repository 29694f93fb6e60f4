import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session-user";
import { getDraftForUser } from "@/lib/intake/drafts";
import { STEP_SLUGS, stepBefore, stepBySlug, type StepSlug } from "@/lib/intake/questions";
import { findPeopleByWorkingName, getPersonForUser } from "@/lib/people/queries";
import { isUuid } from "@/lib/ids";
import { findPartnerAgencies } from "@/lib/organisations/queries";
import { StepForm } from "@/components/intake/step-form";
import { dayValue, londonTodayIso } from "@/lib/intake/dates";
import { safeguardingContext } from "@/lib/intake/safeguarding";
import { searchPersonAction } from "@/app/reports/new/actions";

type Props = {
  params: Promise<{ draftId: string; step: string }>;
  searchParams: Promise<{ return?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { step } = await params;
  const t = await getTranslations("intake");
  return { title: stepBySlug(step) ? t(`steps.${step}.title`) : t("startTitle") };
}

export default async function IntakeStepPage({ params, searchParams }: Props) {
  const user = await requirePermission("report:create:unit");
  const { draftId, step: slug } = await params;
  const { return: returnParam } = await searchParams;
  const step = stepBySlug(slug);
  const draft = step ? await getDraftForUser(user, draftId) : null;
  if (!step || !draft) notFound();
  const t = await getTranslations("intake");
  const returnTo = returnParam === "check" ? "check" : null;
  const number = STEP_SLUGS.indexOf(step.slug) + 1;
  const previous = stepBefore(step.slug);
  const back = returnTo
    ? `/reports/new/${draftId}/check`
    : previous
      ? `/reports/new/${draftId}/${previous}`
      : "/reports/new";
  const query = step.slug === "person" ? (draft.data.search?.person ?? "") : "";
  const chosenId = step.slug === "person" ? draft.data.person?.existingPersonId : undefined;
  const [found, chosen, agencies] = await Promise.all([
    step.slug === "person" && query ? findPeopleByWorkingName(user, query) : Promise.resolve([]),
    typeof chosenId === "string" && isUuid(chosenId)
      ? getPersonForUser(user, chosenId)
      : Promise.resolve(null),
    step.slug === "wishes" ? findPartnerAgencies(user) : Promise.resolve([]),
  ]);
  // Someone chosen earlier stays on the list even when the search has moved on. The form is
  // a client component: it gets only what it shows, not the whole person record.
  const people = (chosen && !found.some((p) => p.id === chosen.id) ? [chosen, ...found] : found).map((p) => ({
    id: p.id,
    workingName: p.workingName,
    selfDescription: p.selfDescription,
  }));
  const here = `/reports/new/${draftId}/${step.slug}`;
  const today = londonTodayIso();
  const saved = draft.data[step.slug] ?? {};
  // "When did they report it" offers London's today until the officer has answered.
  const values =
    step.slug === "what-happened" && saved.reportedAt === undefined
      ? { ...saved, reportedAt: dayValue(today) }
      : saved;
  return (
    <div className="max-w-3xl">
      <Link href={back} className="mb-6 inline-block">
        {t("back")}
      </Link>
      <p className="text-muted">{t("progress", { number, total: STEP_SLUGS.length })}</p>
      <h1 className="mb-3 text-3xl font-bold">{t(`steps.${step.slug as StepSlug}.title`)}</h1>
      {t.has(`steps.${step.slug}.intro`) && (
        <p className="mb-6">{t(`steps.${step.slug as StepSlug}.intro`)}</p>
      )}
      {step.slug === "person" && (
        <form
          action={searchPersonAction.bind(null, draftId, returnTo)}
          role="search"
          className="mb-6 flex flex-wrap items-end gap-2 bg-panel p-4"
        >
          <div>
            <label htmlFor="q" className="mb-1 block font-bold">
              {t("searchLabel")}
            </label>
            <input
              id="q"
              name="q"
              defaultValue={query}
              maxLength={100}
              autoComplete="off"
              className="border-2 border-ink px-2 py-1.5"
            />
          </div>
          <button type="submit" className="rounded border-2 border-brand px-4 py-1.5 font-bold text-brand">
            {t("searchButton")}
          </button>
          {query && <p className="w-full">{t("searchResults", { count: people.length })}</p>}
        </form>
      )}
      <StepForm
        draftId={draftId}
        slug={step.slug}
        questions={step.questions}
        values={values}
        returnTo={returnTo}
        people={people}
        agencies={agencies}
        loginHref={`/login?next=${encodeURIComponent(here)}`}
        context={safeguardingContext(draft.data)}
        today={today}
      />
    </div>
  );
}

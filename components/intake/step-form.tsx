"use client";

import { useEffect, useRef, useState } from "react";
import { useFormatter, useTranslations } from "@/components/translations";
import { ErrorSummary } from "@/components/form/error-summary";
import { FormRecovery } from "@/components/form/form-recovery";
import { useSafeActionState } from "@/lib/forms/use-safe-action-state";
import { QuestionField, type AgencyOption, type PersonOption } from "./question-field";
import { SafeguardingPanel } from "./safeguarding-panel";
import type { Question, RawValues, StepSlug } from "@/lib/intake/questions";
import { readStepForm } from "@/lib/intake/read-step-form";
import { activeConcerns, type DraftLike } from "@/lib/intake/safeguarding";
import type { SafeguardingConcern } from "@/lib/generated/prisma/enums";
import { autosaveStepAction, saveStepAction, type StepFormState } from "@/app/reports/new/actions";

type Props = {
  draftId: string;
  slug: StepSlug;
  questions: readonly Question[];
  values: RawValues;
  returnTo: "check" | null;
  people: PersonOption[];
  agencies: AgencyOption[];
  loginHref: string;
  // The answers from other steps that decide the safeguarding panels, and London's today.
  context: DraftLike;
  today: string;
};

const AUTOSAVE_MS = 4000;

const snapshot = (form: HTMLFormElement, questions: readonly Question[]): RawValues =>
  readStepForm({ questions }, new FormData(form));

// Questions in order, with each safeguarding panel's questions gathered into one group.
type Group = { panel: SafeguardingConcern | null; questions: Question[] };
function grouped(questions: readonly Question[]): Group[] {
  const out: Group[] = [];
  for (const q of questions) {
    const last = out.at(-1);
    const panel = q.panel ?? null;
    if (last && panel !== null && last.panel === panel) last.questions.push(q);
    else out.push({ panel, questions: [q] });
  }
  return out;
}

export function StepForm({
  draftId,
  slug,
  questions,
  values,
  returnTo,
  people,
  agencies,
  loginHref,
  context,
  today,
}: Props) {
  const t = useTranslations();
  const format = useFormatter();
  const initial: StepFormState = { values, fieldErrors: {}, status: "idle" };
  const [state, action, pending] = useSafeActionState(
    saveStepAction.bind(null, draftId, slug, returnTo),
    initial,
  );
  const formRef = useRef<HTMLFormElement>(null);
  const lastSaved = useRef(JSON.stringify(values));
  const [saved, setSaved] = useState<{ at: string } | { signedOut: true } | { failed: true } | null>(null);
  // The answers as they stand in the browser, so a panel appears the moment "Under 18" is
  // chosen; reset to what was submitted after each Continue.
  const [live, setLive] = useState(state.values);
  const [liveFrom, setLiveFrom] = useState(state);
  if (liveFrom !== state) {
    setLiveFrom(state);
    setLive(state.values);
  }
  const concerns = activeConcerns({ ...context, [slug]: live }, today);
  const child = concerns.includes("CHILD_AT_RISK");

  // Autosave: every few seconds, if anything changed, keep it in the draft on the server.
  useEffect(() => {
    const timer = window.setInterval(async () => {
      const form = formRef.current;
      if (!form) return;
      const current = snapshot(form, questions);
      const json = JSON.stringify(current);
      if (json === lastSaved.current) return;
      try {
        const result = await autosaveStepAction(draftId, slug, current);
        if (result.status === "saved") {
          lastSaved.current = json;
          setSaved({ at: result.at });
        } else if (result.status === "signed-out") {
          setSaved({ signedOut: true });
        } else if (result.status === "failed") {
          setSaved({ failed: true });
        }
      } catch {
        // The network is gone for a moment: say so; the next tick tries again.
        setSaved({ failed: true });
      }
    }, AUTOSAVE_MS);
    return () => window.clearInterval(timer);
  }, [draftId, slug, questions]);

  const errors = questions.flatMap((q) => {
    const key = state.fieldErrors[q.name];
    if (!key) return [];
    const fieldId = q.kind === "day" ? `${q.name}Day` : q.name;
    return [{ fieldId, message: t.has(key) ? t(key) : t("intake.errors.invalid") }];
  });

  const field = (q: Question) => (
    <QuestionField
      key={q.name}
      question={q}
      values={state.values}
      error={state.fieldErrors[q.name]}
      people={people}
      agencies={agencies}
      child={child}
    />
  );

  return (
    <form
      ref={formRef}
      action={action}
      noValidate
      onChange={(e) => setLive(snapshot(e.currentTarget, questions))}
    >
      <ErrorSummary title={t("intake.errorSummaryTitle")} errors={errors} />
      <FormRecovery state={state} />
      {state.status === "failed" && (
        <div role="alert" className="mb-6 border-l-4 border-danger bg-panel p-4 font-bold">
          {state.formError === "forms.networkDown" ? t("forms.networkDown") : t("intake.saveFailed")}
        </div>
      )}
      {/* Tells screen-reader users that a safeguarding panel has appeared further down. */}
      <p role="status" className="sr-only">
        {concerns.map((c) => t(`intake.panels.${c}.title`)).join(". ")}
      </p>
      {/* key: after a failed Continue, fields are rebuilt with what was submitted. */}
      <div key={JSON.stringify(state.values)}>
        {grouped(questions).map((g) =>
          g.panel ? (
            <SafeguardingPanel key={g.panel} concern={g.panel} shown={concerns.includes(g.panel)}>
              {g.questions.map(field)}
            </SafeguardingPanel>
          ) : (
            g.questions.map(field)
          ),
        )}
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-brand px-5 py-2 font-bold text-white disabled:opacity-60"
        >
          {returnTo === "check" ? t("intake.saveAndReturn") : t("intake.continue")}
        </button>
        <p role="status" aria-live="polite" className="text-muted">
          {saved &&
            "at" in saved &&
            t("intake.autosaved", {
              time: format.dateTime(new Date(saved.at), {
                hour: "2-digit",
                minute: "2-digit",
                second: "2-digit",
              }),
            })}
          {saved && "failed" in saved && state.status !== "failed" && (
            <span className="font-bold text-danger">{t("intake.autosaveFailed")}</span>
          )}
          {state.status === "signed-out" ? (
            // The way back in is beside the error summary (FormRecovery).
            <span className="font-bold text-danger">{t("intake.signedOut")}</span>
          ) : (
            saved &&
            "signedOut" in saved && (
              <span className="font-bold text-danger">
                {t("intake.signedOut")}{" "}
                <a href={loginHref} target="_blank" rel="noopener">
                  {t("intake.signInAgain")}
                </a>
              </span>
            )
          )}
        </p>
      </div>
    </form>
  );
}

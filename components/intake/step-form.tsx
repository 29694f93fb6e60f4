"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/form/error-summary";
import { QuestionField, type AgencyOption, type PersonOption } from "./question-field";
import type { Question, RawValues, StepSlug } from "@/lib/intake/questions";
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
};

const AUTOSAVE_MS = 4000;

function snapshot(form: HTMLFormElement, questions: readonly Question[]): RawValues {
  const data = new FormData(form);
  const out: RawValues = {};
  for (const q of questions) {
    if (q.kind === "checkbox") out[q.name] = data.getAll(q.name).map(String);
    else {
      const v = data.get(q.name);
      if (typeof v === "string") out[q.name] = v;
    }
  }
  return out;
}

export function StepForm({ draftId, slug, questions, values, returnTo, people, agencies, loginHref }: Props) {
  const t = useTranslations();
  const format = useFormatter();
  const initial: StepFormState = { values, fieldErrors: {}, status: "idle" };
  const [state, action, pending] = useActionState(
    saveStepAction.bind(null, draftId, slug, returnTo),
    initial,
  );
  const formRef = useRef<HTMLFormElement>(null);
  const lastSaved = useRef(JSON.stringify(values));
  const [saved, setSaved] = useState<{ at: string } | { signedOut: true } | null>(null);

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
        }
      } catch {
        // Offline for a moment: the next tick tries again, and Continue still saves.
      }
    }, AUTOSAVE_MS);
    return () => window.clearInterval(timer);
  }, [draftId, slug, questions]);

  const errors = questions.flatMap((q) => {
    const key = state.fieldErrors[q.name];
    if (!key) return [];
    return [{ fieldId: q.name, message: t.has(key) ? t(key) : t("intake.errors.invalid") }];
  });

  return (
    <form ref={formRef} action={action} noValidate>
      <ErrorSummary title={t("intake.errorSummaryTitle")} errors={errors} />
      {/* key: after a failed Continue, fields are rebuilt with what was submitted. */}
      <div key={JSON.stringify(state.values)}>
        {questions.map((q) => (
          <QuestionField
            key={q.name}
            question={q}
            values={state.values}
            error={state.fieldErrors[q.name]}
            people={people}
            agencies={agencies}
          />
        ))}
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
          {saved && "signedOut" in saved && (
            <span className="font-bold text-danger">
              {t("intake.signedOut")} <a href={loginHref}>{t("intake.signInAgain")}</a>
            </span>
          )}
        </p>
      </div>
    </form>
  );
}

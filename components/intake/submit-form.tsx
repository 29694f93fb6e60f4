"use client";

import { useTranslations } from "@/components/translations";
import { submitIntakeAction, type SubmitState } from "@/app/reports/new/actions";
import { SubmitButton } from "@/components/form/submit-button";
import { FormRecovery } from "@/components/form/form-recovery";
import { useSafeActionState } from "@/lib/forms/use-safe-action-state";

export function SubmitForm({ draftId }: { draftId: string }) {
  const t = useTranslations();
  const [state, action, pending] = useSafeActionState<SubmitState>(submitIntakeAction.bind(null, draftId), {
    status: "idle",
    values: {},
    fieldErrors: {},
    errors: [],
  });
  const errors = state.errors ?? [];
  return (
    <form action={action}>
      {state.formError && (
        <div role="alert" className="mb-6 border-l-4 border-danger bg-panel p-4 font-bold">
          {t(state.formError)}
        </div>
      )}
      <FormRecovery state={state} />
      {errors.length > 0 && (
        <div role="alert" aria-labelledby="submit-errors-title" className="mb-6 border-4 border-danger p-4">
          <h2 id="submit-errors-title" className="mb-2 text-lg font-bold">
            {t("intake.errorSummaryTitle")}
          </h2>
          <ul>
            {errors.map((e) => (
              <li key={`${e.step}-${e.field}`}>
                <a
                  href={`/reports/new/${draftId}/${e.step}?return=check#${e.field === "reportedAt" ? "reportedAtDay" : e.field}`}
                  className="font-bold text-danger"
                >
                  {t(`intake.questions.${e.field}.label`)}:{" "}
                  {t.has(e.message) ? t(e.message) : t("intake.errors.invalid")}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {/* Disabled while sending so a double click sends once; the server is idempotent anyway. */}
      <SubmitButton pending={pending} label={t("intake.submit")} pendingLabel={t("intake.submitting")} />
    </form>
  );
}

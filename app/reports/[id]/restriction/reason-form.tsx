"use client";

import { useTranslations } from "@/components/translations";
import { ErrorSummary } from "@/components/form/error-summary";
import { useSafeActionState } from "@/lib/forms/use-safe-action-state";
import { FormRecovery } from "@/components/form/form-recovery";
import { TextArea } from "@/components/form/text-area";
import { SubmitButton } from "@/components/form/submit-button";
import { LanguageAdvice } from "@/components/language-advice";
import type { FormState } from "@/lib/forms";

export type ReasonState = FormState<{ reason: string }>;

type Props = {
  // Message keys (namespace "restriction") for the field's label, hint and the button.
  label: string;
  hint: string;
  submitLabel: string;
  // The server action, already bound to the report.
  submit: (prev: ReasonState, form: FormData) => Promise<ReasonState>;
};

const initial: ReasonState = { status: "idle", values: {}, fieldErrors: {} };

// Restricting, lifting and overriding all ask one thing: why, in words kept for review.
export function ReasonForm({ label, hint, submitLabel, submit }: Props) {
  const t = useTranslations();
  const [state, action, pending] = useSafeActionState(submit, initial);
  const error = state.fieldErrors.reason ? t(state.fieldErrors.reason) : undefined;
  const errors = [
    ...(state.formError ? [{ message: t(state.formError) }] : []),
    ...(error ? [{ fieldId: "reason", message: error }] : []),
  ];
  return (
    <form action={action} noValidate key={JSON.stringify(state.values)}>
      <ErrorSummary title={t("restriction.errorSummaryTitle")} errors={errors} />
      <FormRecovery state={state} />
      <TextArea
        id="reason"
        name="reason"
        rows={4}
        defaultValue={state.values.reason ?? ""}
        error={error}
        label={t(`restriction.${label}`)}
        hint={t(`restriction.${hint}`)}
        after={<LanguageAdvice forId="reason" />}
      />
      <SubmitButton
        pending={pending}
        label={t(`restriction.${submitLabel}`)}
        pendingLabel={t("restriction.submitting")}
      />
    </form>
  );
}

"use client";

import { useTranslations } from "@/components/translations";
import { ErrorSummary } from "@/components/form/error-summary";
import { useSafeActionState } from "@/lib/forms/use-safe-action-state";
import { FormRecovery } from "@/components/form/form-recovery";
import { TextArea } from "@/components/form/text-area";
import { LanguageAdvice } from "@/components/language-advice";
import { SubmitButton } from "@/components/form/submit-button";
import type { NotRecordedValues } from "@/lib/crime-recording/schema";
import type { NotRecordedState } from "./actions";

type Props = {
  action: (state: NotRecordedState, form: FormData) => Promise<NotRecordedState>;
  defaults: Partial<NotRecordedValues>;
};

export function NotRecordedForm({ action, defaults }: Props) {
  const t = useTranslations();
  const [state, formAction, pending] = useSafeActionState(action, {
    status: "idle",
    values: defaults,
    fieldErrors: {},
  } satisfies NotRecordedState);
  const fieldError = state.fieldErrors.crimeNotRecordedWhy;
  const errors = [
    ...(state.formError ? [{ message: t(state.formError) }] : []),
    ...(fieldError ? [{ fieldId: "crimeNotRecordedWhy", message: t(fieldError) }] : []),
  ];
  return (
    <form action={formAction} noValidate key={JSON.stringify(state.values)}>
      <ErrorSummary title={t("caseCrimeRecording.errorSummaryTitle")} errors={errors} />
      <FormRecovery state={state} />
      <TextArea
        id="crimeNotRecordedWhy"
        name="crimeNotRecordedWhy"
        rows={4}
        label={t("caseCrimeRecording.reasonLabel")}
        hint={t("caseCrimeRecording.reasonHint")}
        error={fieldError ? t(fieldError) : undefined}
        defaultValue={state.values.crimeNotRecordedWhy ?? ""}
        after={<LanguageAdvice forId="crimeNotRecordedWhy" />}
      />
      <SubmitButton
        pending={pending}
        label={t("caseCrimeRecording.submit")}
        pendingLabel={t("caseCrimeRecording.submitting")}
      />
    </form>
  );
}

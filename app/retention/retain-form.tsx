"use client";

import { useTranslations } from "@/components/translations";
import { ErrorSummary } from "@/components/form/error-summary";
import { FormRecovery } from "@/components/form/form-recovery";
import { SubmitButton } from "@/components/form/submit-button";
import { TextArea } from "@/components/form/text-area";
import { TextField } from "@/components/form/text-field";
import { useSafeActionState } from "@/lib/forms/use-safe-action-state";
import type { FormState } from "@/lib/forms";

export type RetainState = FormState<{ reason: string; reviewOn: string }>;

const initial: RetainState = { status: "idle", values: {}, fieldErrors: {} };

// "Keep this record": why, and when to look again. Ids are per person (several forms a page).
export function RetainForm({
  personId,
  submit,
}: {
  personId: string;
  submit: (prev: RetainState, form: FormData) => Promise<RetainState>;
}) {
  const t = useTranslations();
  const [state, action, pending] = useSafeActionState(submit, initial);
  const reasonId = `reason-${personId}`;
  const dateId = `review-on-${personId}`;
  const reasonError = state.fieldErrors.reason ? t(state.fieldErrors.reason) : undefined;
  const dateError = state.fieldErrors.reviewOn ? t(state.fieldErrors.reviewOn) : undefined;
  const errors = [
    ...(state.formError ? [{ message: t(state.formError) }] : []),
    ...(reasonError ? [{ fieldId: reasonId, message: reasonError }] : []),
    ...(dateError ? [{ fieldId: dateId, message: dateError }] : []),
  ];
  return (
    <form action={action} noValidate key={JSON.stringify(state.values)}>
      <ErrorSummary title={t("retention.errorSummaryTitle")} errors={errors} />
      <FormRecovery state={state} />
      <TextArea
        id={reasonId}
        name="reason"
        rows={3}
        defaultValue={state.values.reason ?? ""}
        error={reasonError}
        label={t("retention.reasonLabel")}
        hint={t("retention.reasonHint")}
      />
      <TextField
        id={dateId}
        name="reviewOn"
        type="date"
        defaultValue={state.values.reviewOn ?? ""}
        error={dateError}
        label={t("retention.reviewOnLabel")}
      />
      <SubmitButton pending={pending} label={t("retention.retain")} pendingLabel={t("retention.saving")} />
    </form>
  );
}

"use client";

import { useTranslations } from "@/components/translations";
import { ErrorSummary } from "@/components/form/error-summary";
import { useSafeActionState } from "@/lib/forms/use-safe-action-state";
import { FormRecovery } from "@/components/form/form-recovery";
import { ChoiceGroup } from "@/components/form/choice-group";
import { TextArea } from "@/components/form/text-area";
import { SubmitButton } from "@/components/form/submit-button";
import { LanguageAdvice } from "@/components/language-advice";
import type { FormState } from "@/lib/forms";

export type LifecycleValues = { closeReason: string; notes: string };
export type LifecycleState = FormState<LifecycleValues>;

type Props = {
  // "close" asks for a reason from the list and words; "reopen" for words only.
  kind: "close" | "reopen";
  reasons: string[];
  // The server action, already bound to the report.
  submit: (prev: LifecycleState, form: FormData) => Promise<LifecycleState>;
};

const initial: LifecycleState = { status: "idle", values: {}, fieldErrors: {} };

// A supervisor's decision to close or reopen a report, with the reason kept on the timeline.
export function LifecycleForm({ kind, reasons, submit }: Props) {
  const t = useTranslations();
  const [state, action, pending] = useSafeActionState(submit, initial);
  const v = state.values;
  const fields: (keyof LifecycleValues)[] = kind === "close" ? ["closeReason", "notes"] : ["notes"];
  const error = (f: keyof LifecycleValues) => (state.fieldErrors[f] ? t(state.fieldErrors[f]) : undefined);
  const errors = [
    ...(state.formError ? [{ message: t(state.formError) }] : []),
    ...fields.flatMap((f) =>
      state.fieldErrors[f] ? [{ fieldId: f, message: t(state.fieldErrors[f]) }] : [],
    ),
  ];
  return (
    <form action={action} noValidate key={JSON.stringify(v)}>
      <ErrorSummary title={t("lifecycle.errorSummaryTitle")} errors={errors} />
      <FormRecovery state={state} />
      {kind === "close" && (
        <ChoiceGroup
          name="closeReason"
          type="radio"
          legend={t("lifecycle.closeReason")}
          error={error("closeReason")}
          options={reasons.map((value) => ({ value, label: t(`enums.CloseReason.${value}`) }))}
          selected={v.closeReason ? [v.closeReason] : []}
        />
      )}
      <TextArea
        id="notes"
        name="notes"
        rows={4}
        defaultValue={v.notes ?? ""}
        error={error("notes")}
        label={t(kind === "close" ? "lifecycle.closeNotes" : "lifecycle.reopenNotes")}
        hint={t(kind === "close" ? "lifecycle.closeNotesHint" : "lifecycle.reopenNotesHint")}
        after={<LanguageAdvice forId="notes" />}
      />
      <SubmitButton
        pending={pending}
        label={t(kind === "close" ? "lifecycle.closeSubmit" : "lifecycle.reopenSubmit")}
        pendingLabel={t("lifecycle.submitting")}
      />
    </form>
  );
}

"use client";

import { useTranslations } from "@/components/translations";
import { ErrorSummary } from "@/components/form/error-summary";
import { useSafeActionState } from "@/lib/forms/use-safe-action-state";
import { FormRecovery } from "@/components/form/form-recovery";
import { ChoiceGroup } from "@/components/form/choice-group";
import { TextArea } from "@/components/form/text-area";
import { SubmitButton } from "@/components/form/submit-button";
import type { FormState } from "@/lib/forms";

type State = FormState<Record<string, string>>;

export type AnswerField =
  | { kind: "text"; name: string; label: string; hint?: string; rows: number; maxLength: number }
  | { kind: "radio"; name: string; legend: string; options: { value: string; label: string }[] };

type Props = {
  // Distinguishes several answer forms on one page (ids of their fields and summary).
  id: string;
  heading: string;
  action: (state: State, form: FormData) => Promise<State>;
  fields: AnswerField[];
  submitLabel: string;
};

// One of a partner's answers to a referral, in the project's form pattern: errors in a
// summary and beside each field, what was typed put back after a refusal.
export function AnswerForm({ id, heading, action, fields, submitLabel }: Props) {
  const t = useTranslations();
  const [state, formAction, pending] = useSafeActionState(
    action,
    {
      status: "idle",
      values: {},
      fieldErrors: {},
    } as State,
    id,
  );
  const error = (name: string) => (state.fieldErrors[name] ? t(state.fieldErrors[name]) : undefined);
  const errors = [
    ...(state.formError ? [{ message: t(state.formError) }] : []),
    ...fields.flatMap((f) => {
      const message = error(f.name);
      // A radio group's first option carries the group's name as its id.
      return message ? [{ fieldId: f.kind === "text" ? `${id}-${f.name}` : f.name, message }] : [];
    }),
  ];
  return (
    <section aria-labelledby={`${id}-heading`} className="mb-8 max-w-3xl">
      <h2 id={`${id}-heading`} className="mb-2 text-xl font-bold">
        {heading}
      </h2>
      <form action={formAction} noValidate key={JSON.stringify(state.values)}>
        <ErrorSummary title={t("referrals.errorSummaryTitle")} errors={errors} />
        <FormRecovery state={state} />
        {fields.map((f) =>
          f.kind === "text" ? (
            <TextArea
              key={f.name}
              id={`${id}-${f.name}`}
              name={f.name}
              label={f.label}
              hint={f.hint}
              error={error(f.name)}
              defaultValue={state.values[f.name] ?? ""}
              rows={f.rows}
              maxLength={f.maxLength}
            />
          ) : (
            <ChoiceGroup
              key={f.name}
              name={f.name}
              type="radio"
              legend={f.legend}
              error={error(f.name)}
              options={f.options}
              selected={state.values[f.name] ? [state.values[f.name]!] : []}
            />
          ),
        )}
        <SubmitButton pending={pending} label={submitLabel} pendingLabel={t("referrals.sending")} />
      </form>
    </section>
  );
}

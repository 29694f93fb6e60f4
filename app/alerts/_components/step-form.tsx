"use client";

import { useTranslations } from "@/components/translations";
import { ErrorSummary } from "@/components/form/error-summary";
import { useSafeActionState } from "@/lib/forms/use-safe-action-state";
import { FormRecovery } from "@/components/form/form-recovery";
import { TextArea } from "@/components/form/text-area";
import { SubmitButton } from "@/components/form/submit-button";
import { LanguageAdvice } from "@/components/language-advice";
import { REASON_MAX } from "@/lib/alerts/fields";
import type { FormState } from "@/lib/forms";
import { DateInput } from "@/components/form/date-parts";

type State = FormState<Record<string, string>>;

type Props = {
  // Distinguishes several step forms on one page (ids of their fields).
  id: string;
  heading: string;
  body?: string;
  action: (state: State, form: FormData) => Promise<State>;
  // A reason box, or the expiry day with its default, or nothing.
  field?: { kind: "reason"; hint: string } | { kind: "expires"; day: string; month: string; year: string };
  submitLabel: string;
};

// One step in an alert's way to partners (send, approve, return, withdraw), in the project's
// form pattern: errors in a summary and beside the field, what was typed put back.
export function StepForm({ id, heading, body, action, field, submitLabel }: Props) {
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
  const v = state.values;
  const error = (name: string) => (state.fieldErrors[name] ? t(state.fieldErrors[name]) : undefined);
  const fieldName = field?.kind === "reason" ? "reason" : "expiresDay";
  // The day boxes' ids are their names, which the server reads: one expiry form per page.
  const fieldId = field?.kind === "reason" ? `${id}-reason` : "expiresDay";
  const errors = [
    ...(state.formError ? [{ message: t(state.formError) }] : []),
    ...(error(fieldName) ? [{ fieldId, message: error(fieldName)! }] : []),
  ];
  return (
    <section aria-labelledby={`${id}-heading`} className="mb-8 max-w-3xl">
      <h2 id={`${id}-heading`} className="mb-2 text-xl font-bold">
        {heading}
      </h2>
      {body && <p className="mb-3">{body}</p>}
      <form action={formAction} noValidate key={JSON.stringify(v)}>
        <ErrorSummary title={t("alerts.errorSummaryTitle")} errors={errors} />
        <FormRecovery state={state} />
        {field?.kind === "reason" && (
          <TextArea
            id={`${id}-reason`}
            name="reason"
            rows={3}
            label={t("alerts.reasonLabel")}
            hint={field.hint}
            error={error("reason")}
            defaultValue={v.reason ?? ""}
            maxLength={REASON_MAX}
            after={<LanguageAdvice forId={`${id}-reason`} />}
          />
        )}
        {field?.kind === "expires" && (
          <DateInput
            id="expires"
            legend={t("alerts.expiresLegend")}
            hint={t("alerts.expiresHint")}
            error={error("expiresDay")}
            labels={{ day: t("alerts.day"), month: t("alerts.month"), year: t("alerts.year") }}
            values={{
              day: v.expiresDay ?? field.day,
              month: v.expiresMonth ?? field.month,
              year: v.expiresYear ?? field.year,
            }}
          />
        )}
        <SubmitButton pending={pending} label={submitLabel} pendingLabel={t("alerts.sending")} />
      </form>
    </section>
  );
}

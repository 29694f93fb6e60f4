"use client";

import { useTranslations } from "@/components/translations";
import { ErrorSummary } from "@/components/form/error-summary";
import { useSafeActionState } from "@/lib/forms/use-safe-action-state";
import { FormRecovery } from "@/components/form/form-recovery";
import { ChoiceGroup } from "@/components/form/choice-group";
import { TextArea } from "@/components/form/text-area";
import { TextField } from "@/components/form/text-field";
import { LanguageAdvice } from "@/components/language-advice";
import { SubmitButton } from "@/components/form/submit-button";
import { SafeguardingConcern } from "@/lib/generated/prisma/enums";
import { SAFEGUARDING_FIELDS, type SafeguardingField } from "@/lib/safeguarding/fields";
import type { SafeguardingFormState } from "./actions";

type Props = { action: (state: SafeguardingFormState, form: FormData) => Promise<SafeguardingFormState> };

const initial: SafeguardingFormState = { status: "idle", values: {}, fieldErrors: {} };

// Each concern's duty (the duty to report a child at risk, the National Referral Mechanism
// and the duty to notify) sits under its option, so it is read before the choice is made.
export function SafeguardingForm({ action }: Props) {
  const t = useTranslations();
  const [state, formAction, pending] = useSafeActionState(action, initial);
  const v = state.values;
  const error = (f: SafeguardingField) => (state.fieldErrors[f] ? t(state.fieldErrors[f]) : undefined);
  const errors = [
    ...(state.formError ? [{ message: t(state.formError) }] : []),
    ...SAFEGUARDING_FIELDS.flatMap((f) => {
      const message = error(f);
      return message ? [{ fieldId: f, message }] : [];
    }),
  ];
  const one = (value: string | undefined) => (value ? [value] : []);

  return (
    <form action={formAction} noValidate key={JSON.stringify(v)}>
      <ErrorSummary title={t("caseSafeguarding.errorSummaryTitle")} errors={errors} />
      <FormRecovery state={state} />
      <ChoiceGroup
        name="concern"
        type="radio"
        legend={t("caseSafeguarding.concernLegend")}
        error={error("concern")}
        options={Object.values(SafeguardingConcern).map((value) => ({
          value,
          label: t(`enums.SafeguardingConcern.${value}`),
          hint: t(`caseSafeguarding.concernHints.${value}`),
        }))}
        selected={one(v.concern)}
      />
      <ChoiceGroup
        name="referralMade"
        type="radio"
        legend={t("caseSafeguarding.referralLegend")}
        error={error("referralMade")}
        options={[
          { value: "yes", label: t("caseSafeguarding.yes") },
          { value: "no", label: t("caseSafeguarding.no") },
        ]}
        selected={one(v.referralMade)}
      />
      <TextField
        id="referredTo"
        name="referredTo"
        label={t("caseSafeguarding.referredToLabel")}
        hint={t("caseSafeguarding.referredToHint")}
        error={error("referredTo")}
        defaultValue={v.referredTo ?? ""}
        autoComplete="off"
      />
      <TextArea
        id="notMadeReason"
        name="notMadeReason"
        rows={3}
        label={t("caseSafeguarding.notMadeReasonLabel")}
        hint={t("caseSafeguarding.notMadeReasonHint")}
        error={error("notMadeReason")}
        defaultValue={v.notMadeReason ?? ""}
        after={<LanguageAdvice forId="notMadeReason" />}
      />
      <SubmitButton
        pending={pending}
        label={t("caseSafeguarding.submit")}
        pendingLabel={t("caseSafeguarding.submitting")}
      />
    </form>
  );
}

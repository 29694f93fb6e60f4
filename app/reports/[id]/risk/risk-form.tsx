"use client";

import { useTranslations } from "@/components/translations";
import { ErrorSummary } from "@/components/form/error-summary";
import { useSafeActionState } from "@/lib/forms/use-safe-action-state";
import { FormRecovery } from "@/components/form/form-recovery";
import { ChoiceGroup } from "@/components/form/choice-group";
import { TextArea } from "@/components/form/text-area";
import { LanguageAdvice } from "@/components/language-advice";
import { SubmitButton } from "@/components/form/submit-button";
import { RiskFactor, RiskLevel } from "@/lib/generated/prisma/enums";
import type { RiskField } from "@/lib/risk/schema";
import { DateInput } from "@/components/form/date-parts";
import type { RiskFormState } from "./actions";

type Props = {
  action: (state: RiskFormState, form: FormData) => Promise<RiskFormState>;
  reviewHint: string;
};

// Error summary order follows the page, top to bottom.
const SUMMARY_ORDER: RiskField[] = ["factors", "level", "rationale", "safetyPlan", "reviewOnDay"];
const initial: RiskFormState = { status: "idle", values: {}, fieldErrors: {} };

export function RiskForm({ action, reviewHint }: Props) {
  const t = useTranslations();
  const [state, formAction, pending] = useSafeActionState(action, initial);
  const v = state.values;
  const error = (f: RiskField) => (state.fieldErrors[f] ? t(state.fieldErrors[f]) : undefined);
  const errors = [
    ...(state.formError ? [{ message: t(state.formError) }] : []),
    ...SUMMARY_ORDER.flatMap((f) =>
      state.fieldErrors[f] ? [{ fieldId: f, message: t(state.fieldErrors[f]) }] : [],
    ),
  ];
  const list = (value: string | undefined) => (value ? value.split(",") : []);

  // A new key after each answer from the server puts the submitted values back in the fields.
  return (
    <form action={formAction} noValidate key={JSON.stringify(v)}>
      <ErrorSummary title={t("caseRisk.errorSummaryTitle")} errors={errors} />
      <FormRecovery state={state} />
      <ChoiceGroup
        name="factors"
        type="checkbox"
        legend={t("caseRisk.factorsLegend")}
        hint={t("caseRisk.factorsHint")}
        error={error("factors")}
        options={Object.values(RiskFactor).map((value) => ({
          value,
          label: t(`enums.RiskFactor.${value}`),
          hint: t(`caseRisk.factorHints.${value}`),
        }))}
        selected={list(v.factors)}
      />
      <ChoiceGroup
        name="level"
        type="radio"
        legend={t("caseRisk.levelLegend")}
        hint={t("caseRisk.levelHint")}
        error={error("level")}
        options={Object.values(RiskLevel).map((value) => ({
          value,
          label: t(`enums.RiskLevel.${value}`),
          hint: t(`caseRisk.levelHints.${value}`),
        }))}
        selected={list(v.level)}
      />
      <TextArea
        id="rationale"
        name="rationale"
        rows={4}
        label={t("caseRisk.rationaleLabel")}
        hint={t("caseRisk.rationaleHint")}
        error={error("rationale")}
        defaultValue={v.rationale ?? ""}
        after={<LanguageAdvice forId="rationale" />}
      />
      <TextArea
        id="safetyPlan"
        name="safetyPlan"
        rows={4}
        label={t("caseRisk.safetyPlanLabel")}
        hint={t("caseRisk.safetyPlanHint")}
        error={error("safetyPlan")}
        defaultValue={v.safetyPlan ?? ""}
        after={<LanguageAdvice forId="safetyPlan" />}
      />
      <DateInput
        id="reviewOn"
        legend={t("caseRisk.reviewLegend")}
        hint={reviewHint}
        error={error("reviewOnDay")}
        labels={{ day: t("caseRisk.day"), month: t("caseRisk.month"), year: t("caseRisk.year") }}
        values={{ day: v.reviewOnDay, month: v.reviewOnMonth, year: v.reviewOnYear }}
      />
      <SubmitButton pending={pending} label={t("caseRisk.submit")} pendingLabel={t("caseRisk.submitting")} />
    </form>
  );
}

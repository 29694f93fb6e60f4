"use client";

import Link from "next/link";
import { useTranslations } from "@/components/translations";
import { ErrorSummary } from "@/components/form/error-summary";
import { useSafeActionState } from "@/lib/forms/use-safe-action-state";
import { FormRecovery } from "@/components/form/form-recovery";
import { ChoiceGroup } from "@/components/form/choice-group";
import { TextArea } from "@/components/form/text-area";
import { SubmitButton } from "@/components/form/submit-button";
import { LanguageAdvice } from "@/components/language-advice";
import type { FormState } from "@/lib/forms";
import type { EnhancedRightsField, EnhancedRightsValues } from "@/lib/victims-code/change-enhanced-rights";

type Props = {
  action: (
    state: FormState<EnhancedRightsValues>,
    form: FormData,
  ) => Promise<FormState<EnhancedRightsValues>>;
  defaults: Partial<EnhancedRightsValues>;
  cancelHref: string;
};

const FIELDS: EnhancedRightsField[] = ["enhancedRights", "reason"];

export function EnhancedRightsForm({ action, defaults, cancelHref }: Props) {
  const t = useTranslations();
  const [state, formAction, pending] = useSafeActionState(action, {
    status: "idle",
    values: defaults,
    fieldErrors: {},
  } satisfies FormState<EnhancedRightsValues>);
  const values = state.values;
  const error = (field: EnhancedRightsField) =>
    state.fieldErrors[field] ? t(state.fieldErrors[field]) : undefined;
  const errors = [
    ...(state.formError ? [{ message: t(state.formError) }] : []),
    ...FIELDS.flatMap((field) => {
      const message = error(field);
      return message ? [{ fieldId: field, message }] : [];
    }),
  ];
  return (
    <form action={formAction} noValidate className="max-w-3xl" key={JSON.stringify(values)}>
      <ErrorSummary title={t("enhancedRights.errorSummaryTitle")} errors={errors} />
      <FormRecovery state={state} />
      <ChoiceGroup
        name="enhancedRights"
        type="radio"
        legend={t("enhancedRights.legend")}
        error={error("enhancedRights")}
        options={[
          { value: "yes", label: t("enhancedRights.yes") },
          { value: "no", label: t("enhancedRights.no") },
        ]}
        selected={values.enhancedRights ? [values.enhancedRights] : []}
      />
      <TextArea
        id="reason"
        name="reason"
        label={t("enhancedRights.reasonLabel")}
        hint={t("enhancedRights.reasonHint")}
        error={error("reason")}
        defaultValue={values.reason ?? ""}
        rows={4}
        after={<LanguageAdvice forId="reason" />}
      />
      <div className="flex items-center gap-6">
        <SubmitButton
          pending={pending}
          label={t("enhancedRights.submit")}
          pendingLabel={t("enhancedRights.submitting")}
        />
        <Link href={cancelHref}>{t("enhancedRights.cancel")}</Link>
      </div>
    </form>
  );
}

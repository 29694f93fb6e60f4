"use client";

import Link from "next/link";
import { useTranslations } from "@/components/translations";
import { ErrorSummary } from "@/components/form/error-summary";
import { useSafeActionState } from "@/lib/forms/use-safe-action-state";
import { FormRecovery } from "@/components/form/form-recovery";
import { ChoiceGroup } from "@/components/form/choice-group";
import { DateParts } from "@/components/form/date-parts";
import { SubmitButton } from "@/components/form/submit-button";
import { ConsentMethod } from "@/lib/generated/prisma/enums";
import type { WithdrawFormField, WithdrawFormValues } from "@/lib/consent/schema";
import type { FormState } from "@/lib/forms";

type Props = {
  action: (state: FormState<WithdrawFormValues>, form: FormData) => Promise<FormState<WithdrawFormValues>>;
  defaults: Partial<WithdrawFormValues>;
  cancelHref: string;
};

export function WithdrawForm({ action, defaults, cancelHref }: Props) {
  const t = useTranslations();
  const [state, formAction, pending] = useSafeActionState(action, {
    status: "idle",
    values: defaults,
    fieldErrors: {},
  } satisfies FormState<WithdrawFormValues>);
  const values = state.values;
  const error = (field: WithdrawFormField) =>
    state.fieldErrors[field] ? t(state.fieldErrors[field]) : undefined;
  const errors = [
    ...(state.formError ? [{ message: t(state.formError) }] : []),
    ...(["method", "withdrawnOnDay"] as const).flatMap((field) => {
      const message = error(field);
      return message ? [{ fieldId: field, message }] : [];
    }),
  ];
  const parts = (
    [
      ["withdrawnOnDay", "consents.day", "w-16", 2],
      ["withdrawnOnMonth", "consents.month", "w-16", 2],
      ["withdrawnOnYear", "consents.year", "w-24", 4],
    ] as const
  ).map(([name, label, width, maxLength]) => ({
    name,
    label: t(label),
    value: values[name] ?? "",
    width,
    maxLength,
    invalid: Boolean(error("withdrawnOnDay")),
  }));
  return (
    <form action={formAction} noValidate className="max-w-3xl" key={JSON.stringify(values)}>
      <ErrorSummary title={t("consents.errorSummaryTitle")} errors={errors} />
      <FormRecovery state={state} />
      <ChoiceGroup
        name="method"
        type="radio"
        legend={t("consents.withdrawMethodLegend")}
        error={error("method")}
        options={Object.values(ConsentMethod).map((m) => ({
          value: m,
          label: t(`enums.ConsentMethod.${m}`),
        }))}
        selected={values.method ? [values.method] : []}
      />
      <DateParts
        id="withdrawnOn"
        legend={t("consents.withdrawnLegend")}
        hint={t("consents.givenHint")}
        errors={[error("withdrawnOnDay")].filter((e): e is string => Boolean(e))}
        parts={parts}
      />
      <div className="flex items-center gap-6">
        <SubmitButton
          pending={pending}
          label={t("consents.withdrawSubmit")}
          pendingLabel={t("consents.submitting")}
        />
        <Link href={cancelHref}>{t("consents.cancel")}</Link>
      </div>
    </form>
  );
}

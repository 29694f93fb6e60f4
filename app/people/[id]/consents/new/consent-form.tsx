"use client";

import Link from "next/link";
import { useTranslations } from "@/components/translations";
import { ErrorSummary } from "@/components/form/error-summary";
import { useSafeActionState } from "@/lib/forms/use-safe-action-state";
import { FormRecovery } from "@/components/form/form-recovery";
import { ChoiceGroup } from "@/components/form/choice-group";
import { DateParts } from "@/components/form/date-parts";
import { TextArea } from "@/components/form/text-area";
import { SubmitButton } from "@/components/form/submit-button";
import { ConsentMethod } from "@/lib/generated/prisma/enums";
import { CONSENT_FIELDS } from "@/lib/consent/state";
import type { ConsentFormField, ConsentFormValues } from "@/lib/consent/schema";
import type { FormState } from "@/lib/forms";

type Props = {
  action: (state: FormState<ConsentFormValues>, form: FormData) => Promise<FormState<ConsentFormValues>>;
  defaults: Partial<ConsentFormValues>;
  agencies: { id: string; name: string }[];
  cancelHref: string;
};

const SUMMARY_ORDER: ConsentFormField[] = [
  "agencyId",
  "fields",
  "method",
  "givenOnDay",
  "expiresOnDay",
  "note",
];

export function ConsentForm({ action, defaults, agencies, cancelHref }: Props) {
  const t = useTranslations();
  const [state, formAction, pending] = useSafeActionState(action, {
    status: "idle",
    values: defaults,
    fieldErrors: {},
  } satisfies FormState<ConsentFormValues>);
  const values = state.values;
  const error = (field: ConsentFormField) =>
    state.fieldErrors[field] ? t(state.fieldErrors[field]) : undefined;
  const errors = [
    ...(state.formError ? [{ message: t(state.formError) }] : []),
    ...SUMMARY_ORDER.flatMap((field) => {
      const message = error(field);
      return message ? [{ fieldId: field, message }] : [];
    }),
  ];
  const dayMonthYear = (prefix: "givenOn" | "expiresOn") =>
    (
      [
        ["Day", "consents.day", "w-16", 2],
        ["Month", "consents.month", "w-16", 2],
        ["Year", "consents.year", "w-24", 4],
      ] as const
    ).map(([part, label, width, maxLength]) => ({
      name: `${prefix}${part}`,
      label: t(label),
      value: values[`${prefix}${part}`] ?? "",
      width,
      maxLength,
      invalid: Boolean(error(`${prefix}Day`)),
    }));
  return (
    // A new key after each answer puts the submitted values back in the uncontrolled fields.
    <form action={formAction} noValidate className="max-w-3xl" key={JSON.stringify(values)}>
      <ErrorSummary title={t("consents.errorSummaryTitle")} errors={errors} />
      <FormRecovery state={state} />
      <div className={`mb-6 ${error("agencyId") ? "border-l-4 border-danger pl-3" : ""}`}>
        <label htmlFor="agencyId" className="mb-1 block font-bold">
          {t("consents.agencyLabel")}
        </label>
        <p id="agencyId-hint" className="mb-1 text-muted">
          {t("consents.agencyHint")}
        </p>
        {error("agencyId") && (
          <p id="agencyId-error" className="mb-1 font-bold text-danger">
            <span className="sr-only">Error: </span>
            {error("agencyId")}
          </p>
        )}
        <select
          id="agencyId"
          name="agencyId"
          defaultValue={values.agencyId ?? ""}
          aria-invalid={error("agencyId") ? true : undefined}
          aria-describedby={error("agencyId") ? "agencyId-hint agencyId-error" : "agencyId-hint"}
          className="block max-w-md border-2 border-ink px-2 py-1.5"
        >
          <option value="">{t("consents.agencyChoose")}</option>
          {agencies.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <ChoiceGroup
        name="fields"
        type="checkbox"
        legend={t("consents.fieldsLegend")}
        hint={t("consents.fieldsHint")}
        error={error("fields")}
        options={CONSENT_FIELDS.map((f) => ({ value: f, label: t(`enums.ConsentField.${f}`) }))}
        selected={(values.fields ?? "").split(",")}
      />
      <ChoiceGroup
        name="method"
        type="radio"
        legend={t("consents.methodLegend")}
        error={error("method")}
        options={Object.values(ConsentMethod).map((m) => ({
          value: m,
          label: t(`enums.ConsentMethod.${m}`),
        }))}
        selected={values.method ? [values.method] : []}
      />
      <DateParts
        id="givenOn"
        legend={t("consents.givenLegend")}
        hint={t("consents.givenHint")}
        errors={[error("givenOnDay")].filter((e): e is string => Boolean(e))}
        parts={dayMonthYear("givenOn")}
      />
      <DateParts
        id="expiresOn"
        legend={t("consents.expiresLegend")}
        hint={t("consents.expiresHint")}
        errors={[error("expiresOnDay")].filter((e): e is string => Boolean(e))}
        parts={dayMonthYear("expiresOn")}
      />
      <TextArea
        id="note"
        name="note"
        label={t("consents.noteLabel")}
        hint={t("consents.noteHint")}
        error={error("note")}
        defaultValue={values.note ?? ""}
        rows={3}
      />
      <div className="flex items-center gap-6">
        <SubmitButton
          pending={pending}
          label={t("consents.submit")}
          pendingLabel={t("consents.submitting")}
        />
        <Link href={cancelHref}>{t("consents.cancel")}</Link>
      </div>
    </form>
  );
}

"use client";

import Link from "next/link";
import { useTranslations } from "@/components/translations";
import { ErrorSummary } from "@/components/form/error-summary";
import { useSafeActionState } from "@/lib/forms/use-safe-action-state";
import { FormRecovery } from "@/components/form/form-recovery";
import { ChoiceGroup } from "@/components/form/choice-group";
import { TextArea } from "@/components/form/text-area";
import { TextField } from "@/components/form/text-field";
import { SubmitButton } from "@/components/form/submit-button";
import { LawfulBasis, type ConsentField } from "@/lib/generated/prisma/enums";
import type { ReferralFormField, ReferralFormValues } from "@/lib/referrals/schema";
import type { FormState } from "@/lib/forms";

type Props = {
  action: (state: FormState<ReferralFormValues>, form: FormData) => Promise<FormState<ReferralFormValues>>;
  defaults: Partial<ReferralFormValues>;
  // On a consent: its id, and only the fields it allows are offered. Without one, the
  // supervisor's share without consent: agency, lawful basis and reason are asked.
  consentId: string | null;
  agencies: { id: string; name: string }[];
  allowedFields: ConsentField[];
  reports: { id: string; label: string }[];
  cancelHref: string;
};

const SUMMARY_ORDER: ReferralFormField[] = [
  "agencyId",
  "basis",
  "overrideReason",
  "reportId",
  "reason",
  "supportNeeded",
  "sharedFields",
  "officerContact",
];

function Select({
  id,
  label,
  hint,
  error,
  value,
  empty,
  options,
}: {
  id: string;
  label: string;
  hint: string;
  error?: string;
  value: string;
  empty: string;
  options: { id: string; label: string }[];
}) {
  return (
    <div className={`mb-6 ${error ? "border-l-4 border-danger pl-3" : ""}`}>
      <label htmlFor={id} className="mb-1 block font-bold">
        {label}
      </label>
      <p id={`${id}-hint`} className="mb-1 text-muted">
        {hint}
      </p>
      {error && (
        <p id={`${id}-error`} className="mb-1 font-bold text-danger">
          <span className="sr-only">Error: </span>
          {error}
        </p>
      )}
      <select
        id={id}
        name={id}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        className="block max-w-md border-2 border-ink px-2 py-1.5"
      >
        <option value="">{empty}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ReferralForm({
  action,
  defaults,
  consentId,
  agencies,
  allowedFields,
  reports,
  cancelHref,
}: Props) {
  const t = useTranslations();
  const [state, formAction, pending] = useSafeActionState(action, {
    status: "idle",
    values: defaults,
    fieldErrors: {},
  } satisfies FormState<ReferralFormValues>);
  const values = state.values;
  const error = (field: ReferralFormField) =>
    state.fieldErrors[field] ? t(state.fieldErrors[field]) : undefined;
  const errors = [
    ...(state.formError ? [{ message: t(state.formError) }] : []),
    ...SUMMARY_ORDER.flatMap((field) => {
      const message = error(field);
      return message ? [{ fieldId: field, message }] : [];
    }),
  ];
  return (
    <form action={formAction} noValidate className="max-w-3xl" key={JSON.stringify(values)}>
      <ErrorSummary title={t("referrals.errorSummaryTitle")} errors={errors} />
      <FormRecovery state={state} />
      {consentId ? (
        <input type="hidden" name="consentId" value={consentId} />
      ) : (
        <>
          <p className="mb-6 border-l-4 border-danger bg-panel p-3 font-bold">
            {t("referrals.overrideWarning")}
          </p>
          <Select
            id="agencyId"
            label={t("referrals.agencyLabel")}
            hint={t("referrals.agencyHint")}
            error={error("agencyId")}
            value={values.agencyId ?? ""}
            empty={t("referrals.agencyChoose")}
            options={agencies.map((a) => ({ id: a.id, label: a.name }))}
          />
          <ChoiceGroup
            name="basis"
            type="radio"
            legend={t("referrals.basisLegend")}
            hint={t("referrals.basisHint")}
            error={error("basis")}
            options={Object.values(LawfulBasis).map((b) => ({
              value: b,
              label: t(`enums.LawfulBasis.${b}`),
            }))}
            selected={values.basis ? [values.basis] : []}
          />
          <TextArea
            id="overrideReason"
            name="overrideReason"
            label={t("referrals.overrideReasonLabel")}
            hint={t("referrals.overrideReasonHint")}
            error={error("overrideReason")}
            defaultValue={values.overrideReason ?? ""}
            rows={4}
          />
        </>
      )}
      {reports.length > 0 && (
        <Select
          id="reportId"
          label={t("referrals.reportLabel")}
          hint={t("referrals.reportHint")}
          error={error("reportId")}
          value={values.reportId ?? ""}
          empty={t("referrals.reportNone")}
          options={reports}
        />
      )}
      <TextArea
        id="reason"
        name="reason"
        label={t("referrals.reasonLabel")}
        hint={t("referrals.reasonHint")}
        error={error("reason")}
        defaultValue={values.reason ?? ""}
        rows={3}
      />
      <TextArea
        id="supportNeeded"
        name="supportNeeded"
        label={t("referrals.supportLabel")}
        error={error("supportNeeded")}
        defaultValue={values.supportNeeded ?? ""}
        rows={3}
      />
      <ChoiceGroup
        name="sharedFields"
        type="checkbox"
        legend={t("referrals.sharedLegend")}
        hint={consentId ? t("referrals.sharedHintConsent") : t("referrals.sharedHintOverride")}
        error={error("sharedFields")}
        options={allowedFields.map((f) => ({ value: f, label: t(`enums.ConsentField.${f}`) }))}
        selected={(values.sharedFields ?? "").split(",")}
      />
      <TextField
        id="officerContact"
        name="officerContact"
        label={t("referrals.officerContactLabel")}
        hint={t("referrals.officerContactHint")}
        error={error("officerContact")}
        defaultValue={values.officerContact ?? ""}
        maxLength={200}
      />
      <div className="flex items-center gap-6">
        <SubmitButton
          pending={pending}
          label={t("referrals.submit")}
          pendingLabel={t("referrals.submitting")}
        />
        <Link href={cancelHref}>{t("referrals.cancel")}</Link>
      </div>
    </form>
  );
}

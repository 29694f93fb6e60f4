"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/form/error-summary";
import { ChoiceGroup } from "@/components/form/choice-group";
import { TextArea } from "@/components/form/text-area";
import { LanguageAdvice } from "@/components/language-advice";
import { CONTACT_FIELDS, type ContactField, type ContactFormValues } from "@/lib/contacts/schema";
import { ContactMethod, ContactType } from "@/lib/generated/prisma/enums";
import type { FormState } from "@/lib/forms";
import { DateParts } from "@/components/form/date-parts";
import { SubmitButton } from "@/components/form/submit-button";

type Props = {
  action: (state: FormState<ContactFormValues>, form: FormData) => Promise<FormState<ContactFormValues>>;
  defaults: Partial<ContactFormValues>;
  reports: { id: string; label: string }[];
  cancelHref: string;
};

// Error summary order follows the page, top to bottom.
const SUMMARY_ORDER: ContactField[] = CONTACT_FIELDS.filter(
  (f) => !["occurredAtMonth", "occurredAtYear", "followUpOnMonth", "followUpOnYear"].includes(f),
);

export function ContactForm({ action, defaults, reports, cancelHref }: Props) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(action, {
    status: "idle",
    values: defaults,
    fieldErrors: {},
  } satisfies FormState<ContactFormValues>);
  const values = state.values;
  const error = (field: ContactField) => (state.fieldErrors[field] ? t(state.fieldErrors[field]) : undefined);
  // Day, month and year boxes for one date; the error sits on the day, where the summary links.
  const dayMonthYear = (prefix: "occurredAt" | "followUpOn") =>
    (
      [
        ["Day", "contacts.day", "w-16", 2],
        ["Month", "contacts.month", "w-16", 2],
        ["Year", "contacts.year", "w-24", 4],
      ] as const
    ).map(([part, label, width, maxLength]) => ({
      name: `${prefix}${part}`,
      label: t(label),
      value: values[`${prefix}${part}`] ?? "",
      width,
      maxLength,
      invalid: Boolean(error(`${prefix}Day`)),
    }));
  const errors = [
    ...(state.formError ? [{ message: t(state.formError) }] : []),
    ...SUMMARY_ORDER.flatMap((field) => {
      const message = error(field);
      return message ? [{ fieldId: field, message }] : [];
    }),
  ];
  // A new key after each answer from the server puts the submitted values back in the
  // uncontrolled fields.
  const round = JSON.stringify(values);
  const options = (values: Record<string, string>, prefix: string) =>
    Object.values(values).map((value) => ({ value, label: t(`${prefix}.${value}`) }));

  return (
    <form action={formAction} noValidate className="max-w-3xl" key={round}>
      <ErrorSummary title={t("contacts.errorSummaryTitle")} errors={errors} />
      <ChoiceGroup
        name="type"
        type="radio"
        legend={t("contacts.typeLegend")}
        hint={t("contacts.typeHint")}
        error={error("type")}
        options={options(ContactType, "contacts.types")}
        selected={values.type ? [values.type] : []}
      />
      <ChoiceGroup
        name="method"
        type="radio"
        legend={t("contacts.methodLegend")}
        error={error("method")}
        options={options(ContactMethod, "enums.ContactMethod")}
        selected={values.method ? [values.method] : []}
      />
      <DateParts
        id="occurredAt"
        legend={t("contacts.occurredAtLegend")}
        hint={t("contacts.occurredAtHint")}
        errors={[error("occurredAtDay"), error("occurredAtTime")].filter((e): e is string => Boolean(e))}
        parts={[
          ...dayMonthYear("occurredAt"),
          {
            name: "occurredAtTime",
            label: t("contacts.time"),
            value: values.occurredAtTime ?? "",
            width: "w-24",
            maxLength: 5,
            invalid: Boolean(error("occurredAtTime")),
          },
        ]}
      />
      <TextArea
        id="notes"
        name="notes"
        label={t("contacts.notesLabel")}
        hint={t("contacts.notesHint")}
        error={error("notes")}
        defaultValue={values.notes ?? ""}
        rows={5}
        after={<LanguageAdvice forId="notes" />}
      />
      <DateParts
        id="followUpOn"
        legend={t("contacts.followUpLegend")}
        hint={t("contacts.followUpHint")}
        errors={[error("followUpOnDay")].filter((e): e is string => Boolean(e))}
        parts={[...dayMonthYear("followUpOn")]}
      />
      {reports.length > 0 && (
        <div className={`mb-6 ${error("reportId") ? "border-l-4 border-danger pl-3" : ""}`}>
          <label htmlFor="reportId" className="mb-1 block font-bold">
            {t("contacts.reportLabel")}
          </label>
          <p id="reportId-hint" className="mb-1 text-muted">
            {t("contacts.reportHint")}
          </p>
          {error("reportId") && (
            <p id="reportId-error" className="mb-1 font-bold text-danger">
              <span className="sr-only">Error: </span>
              {error("reportId")}
            </p>
          )}
          <select
            id="reportId"
            name="reportId"
            defaultValue={values.reportId ?? ""}
            aria-invalid={error("reportId") ? true : undefined}
            aria-describedby={error("reportId") ? "reportId-hint reportId-error" : "reportId-hint"}
            className="block max-w-md border-2 border-ink px-2 py-1.5"
          >
            <option value="">{t("contacts.reportNone")}</option>
            {reports.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="flex items-center gap-6">
        <SubmitButton
          pending={pending}
          label={t("contacts.submit")}
          pendingLabel={t("contacts.submitting")}
        />
        <Link href={cancelHref}>{t("contacts.cancel")}</Link>
      </div>
    </form>
  );
}

"use client";

import Link from "next/link";
import { useState } from "react";
import { useTranslations } from "@/components/translations";
import { ErrorSummary } from "@/components/form/error-summary";
import { useSafeActionState } from "@/lib/forms/use-safe-action-state";
import { FormRecovery } from "@/components/form/form-recovery";
import { ChoiceGroup } from "@/components/form/choice-group";
import { TextArea } from "@/components/form/text-area";
import { LanguageAdvice } from "@/components/language-advice";
import {
  CONTACT_FIELDS,
  tickedUpdateIds,
  type ContactField,
  type ContactFormValues,
} from "@/lib/contacts/fields";
import { ContactMethod, ContactType } from "@/lib/generated/prisma/enums";
import type { FormState } from "@/lib/forms";
import { DateParts } from "@/components/form/date-parts";
import { SubmitButton } from "@/components/form/submit-button";
import { CaseUpdateChoices, type UpdateOption } from "./case-update-choices";

type Props = {
  action: (state: FormState<ContactFormValues>, form: FormData) => Promise<FormState<ContactFormValues>>;
  defaults: Partial<ContactFormValues>;
  reports: { id: string; label: string }[];
  openUpdates: UpdateOption[];
  cancelHref: string;
  // Made when the page rendered the form: a resent submit is the same contact.
  idempotencyKey: string;
};

// Error summary order follows the page, top to bottom.
const SUMMARY_ORDER: ContactField[] = CONTACT_FIELDS.filter(
  (f) => !["occurredAtMonth", "occurredAtYear", "followUpOnMonth", "followUpOnYear"].includes(f),
);

export function ContactForm({ action, defaults, reports, openUpdates, cancelHref, idempotencyKey }: Props) {
  const t = useTranslations();
  const [state, formAction, pending] = useSafeActionState(action, {
    status: "idle",
    values: defaults,
    fieldErrors: {},
  } satisfies FormState<ContactFormValues>);
  const values = state.values;
  // The kind of contact and the report decide whether the case-update choices show. They
  // follow the fields as the officer changes them, and the submitted values after a save.
  const [chosen, setChosen] = useState({ type: values.type ?? "", reportId: values.reportId ?? "" });
  const [answered, setAnswered] = useState(values);
  if (answered !== values) {
    setAnswered(values);
    setChosen({ type: values.type ?? "", reportId: values.reportId ?? "" });
  }
  const caseUpdate = chosen.type === "CASE_UPDATE";
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
    <form
      action={formAction}
      noValidate
      className="max-w-3xl"
      key={round}
      onChange={(event) => {
        // React types a form's change target as the form; it is the field that changed.
        const field: EventTarget = event.target;
        if (!(field instanceof HTMLInputElement || field instanceof HTMLSelectElement)) return;
        const { name, value } = field;
        if (name === "type" || name === "reportId") setChosen((c) => ({ ...c, [name]: value }));
      }}
    >
      <ErrorSummary title={t("contacts.errorSummaryTitle")} errors={errors} />
      <FormRecovery state={state} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
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
      {(reports.length > 0 || caseUpdate) && (
        <div className={`mb-6 ${error("reportId") ? "border-l-4 border-danger pl-3" : ""}`}>
          <label htmlFor="reportId" className="mb-1 block font-bold">
            {caseUpdate ? t("caseUpdates.reportLabel") : t("contacts.reportLabel")}
          </label>
          <p id="reportId-hint" className="mb-1 text-muted">
            {caseUpdate ? t("caseUpdates.reportHint") : t("contacts.reportHint")}
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
      {caseUpdate && (
        <CaseUpdateChoices
          reportId={chosen.reportId}
          options={openUpdates}
          ticked={tickedUpdateIds(values)}
          error={error("updateIds")}
        />
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

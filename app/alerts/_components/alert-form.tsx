"use client";

import { useTranslations } from "@/components/translations";
import { ErrorSummary } from "@/components/form/error-summary";
import { useSafeActionState } from "@/lib/forms/use-safe-action-state";
import { FormRecovery } from "@/components/form/form-recovery";
import { ChoiceGroup } from "@/components/form/choice-group";
import { TextArea } from "@/components/form/text-area";
import { TextField } from "@/components/form/text-field";
import { SubmitButton } from "@/components/form/submit-button";
import { LanguageAdvice } from "@/components/language-advice";
import type { FormState } from "@/lib/forms";
import { LIMITS, type AlertField, type AlertFormValues } from "@/lib/alerts/fields";
import { DateInput } from "@/components/form/date-parts";

type State = FormState<AlertFormValues>;

type Props = {
  action: (state: State, form: FormData) => Promise<State>;
  // What the form starts with: the prefill from the reports, or the alert being edited.
  initial: Partial<AlertFormValues>;
  agencies: { id: string; name: string }[];
  // Which report fields each part was built from, shown under the part.
  builtFrom: Partial<
    Record<"description" | "vehicles" | "phoneNumbers" | "onlineHandles" | "area" | "whatHappened", string>
  >;
};

// Error summary order follows the page, top to bottom.
const SUMMARY_ORDER: AlertField[] = [
  "reports",
  "title",
  "description",
  "vehicles",
  "phoneNumbers",
  "onlineHandles",
  "area",
  "whatHappened",
  "periodFromDay",
  "periodToDay",
  "agencies",
];

const TEXT_PARTS = [
  "description",
  "vehicles",
  "phoneNumbers",
  "onlineHandles",
  "area",
  "whatHappened",
] as const;
const ROWS: Record<(typeof TEXT_PARTS)[number], number> = {
  description: 4,
  vehicles: 2,
  phoneNumbers: 2,
  onlineHandles: 2,
  area: 2,
  whatHappened: 4,
};
// The language check runs on the parts people write in sentences.
const ADVISED = new Set<string>(["description", "whatHappened"]);

export function AlertForm({ action, initial, agencies, builtFrom }: Props) {
  const t = useTranslations();
  const [state, formAction, pending] = useSafeActionState(action, {
    status: "idle",
    values: initial,
    fieldErrors: {},
  } as State);
  const v = state.values;
  const error = (f: AlertField) => (state.fieldErrors[f] ? t(state.fieldErrors[f]) : undefined);
  const errors = [
    ...(state.formError ? [{ message: t(state.formError) }] : []),
    ...SUMMARY_ORDER.flatMap((f) => {
      const message = error(f);
      // The reports are hidden fields: their error links to the list of reports above the form.
      const fieldId = f === "reports" ? "sources-heading" : f;
      return message ? [{ fieldId, message }] : [];
    }),
  ];
  const reportIds = (v.reports ?? "").split(",").filter(Boolean);
  const hint = (part: (typeof TEXT_PARTS)[number] | "title") => (
    <>
      {t(`alerts.${part}Hint`)}
      {part !== "title" && builtFrom[part] && (
        <span className="block">
          {t("alerts.builtFrom")}: {builtFrom[part]}
        </span>
      )}
    </>
  );
  const labels = { day: t("alerts.day"), month: t("alerts.month"), year: t("alerts.year") };

  // A new key after each answer from the server puts the submitted values back in the fields.
  return (
    <form action={formAction} noValidate key={JSON.stringify(v)}>
      <ErrorSummary title={t("alerts.errorSummaryTitle")} errors={errors} />
      <FormRecovery state={state} />
      {reportIds.map((id) => (
        <input key={id} type="hidden" name="reports" value={id} />
      ))}
      <TextField
        id="title"
        name="title"
        label={t("alerts.titleLabel")}
        hint={hint("title")}
        error={error("title")}
        defaultValue={v.title ?? ""}
        maxLength={LIMITS.title}
      />
      {TEXT_PARTS.map((part) => (
        <TextArea
          key={part}
          id={part}
          name={part}
          rows={ROWS[part]}
          label={t(`alerts.${part}Label`)}
          hint={hint(part)}
          error={error(part)}
          defaultValue={v[part] ?? ""}
          maxLength={LIMITS[part]}
          after={ADVISED.has(part) ? <LanguageAdvice forId={part} /> : undefined}
        />
      ))}
      <DayFields values={v} error={error} labels={labels} />
      {agencies.length === 0 ? (
        <p className="mb-6 font-bold">{t("alerts.agenciesNone")}</p>
      ) : (
        <ChoiceGroup
          name="agencies"
          type="checkbox"
          legend={t("alerts.agenciesLegend")}
          hint={t("alerts.agenciesHint")}
          error={error("agencies")}
          options={agencies.map((a) => ({ value: a.id, label: a.name }))}
          selected={(v.agencies ?? "").split(",")}
        />
      )}
      <SubmitButton pending={pending} label={t("alerts.saveDraft")} pendingLabel={t("alerts.saving")} />
    </form>
  );
}

function DayFields({
  values,
  error,
  labels,
}: {
  values: Partial<AlertFormValues>;
  error: (f: AlertField) => string | undefined;
  labels: { day: string; month: string; year: string };
}) {
  const t = useTranslations();
  return (
    <>
      <DateInput
        id="periodFrom"
        legend={t("alerts.periodFromLegend")}
        hint={t("alerts.periodHint")}
        error={error("periodFromDay")}
        labels={labels}
        values={{ day: values.periodFromDay, month: values.periodFromMonth, year: values.periodFromYear }}
      />
      <DateInput
        id="periodTo"
        legend={t("alerts.periodToLegend")}
        hint={t("alerts.periodHint")}
        error={error("periodToDay")}
        labels={labels}
        values={{ day: values.periodToDay, month: values.periodToMonth, year: values.periodToYear }}
      />
    </>
  );
}

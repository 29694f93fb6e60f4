"use client";

import { useTranslations } from "@/components/translations";
import { ErrorSummary } from "@/components/form/error-summary";
import { useSafeActionState } from "@/lib/forms/use-safe-action-state";
import { FormRecovery } from "@/components/form/form-recovery";
import { TextField } from "@/components/form/text-field";
import { TextArea } from "@/components/form/text-area";
import { ChoiceGroup } from "@/components/form/choice-group";
import { LanguageAdvice } from "@/components/language-advice";
import {
  CourtResult,
  HomeOfficeOutcome,
  ReleaseType,
  WithdrawalReason,
  type CaseEventType,
} from "@/lib/generated/prisma/enums";
import type { CaseEventValues } from "@/lib/outcomes/schema";
import { DateInput } from "@/components/form/date-parts";
import type { CaseEventState } from "./actions";
import { SubmitButton } from "@/components/form/submit-button";

const initial: CaseEventState = { status: "idle", values: {}, fieldErrors: {} };

type Field = keyof CaseEventValues;

// The fields each kind of event asks for, in page order (which the error summary follows).
// Without a recorded crime, an outcome asks for the crime too: it is recorded in the same step.
function fieldsFor(type: CaseEventType, crimeRecorded: boolean): Field[] {
  const crimeInStep: Field[] = crimeRecorded ? [] : ["crimeReference", "crimeRecordedOnDay"];
  const specific: Partial<Record<CaseEventType, Field[]>> = {
    CRIME_RECORDED: ["crimeReference"],
    RELEASED: ["releaseType"],
    CHARGED: ["offence"],
    COURT_RESULT: ["courtResult", "offence"],
    SENTENCE: ["sentence"],
    OUTCOME_RECORDED: [
      ...crimeInStep,
      "outcome",
      "withdrawalReasons",
      "otherReason",
      "rationale",
      "personInformed",
      "diversionaryActivity",
    ],
  };
  const notes: Field[] = type === "OUTCOME_RECORDED" ? [] : ["notes"];
  return ["occurredOnDay", "dateExplanation", ...(specific[type] ?? []), ...notes];
}

type Props = {
  type: CaseEventType;
  // Whether the trail has a recorded crime; if not, an outcome records one in the same step.
  crimeRecorded: boolean;
  // The server action, already bound to the report.
  record: (prev: CaseEventState, form: FormData) => Promise<CaseEventState>;
  // Made when the page rendered the form: a resent submit is the same event.
  idempotencyKey: string;
};

export function EventForm({ type, crimeRecorded, record, idempotencyKey }: Props) {
  const t = useTranslations();
  const [state, action, pending] = useSafeActionState(record, initial);
  const v = state.values;
  const fields = fieldsFor(type, crimeRecorded);
  const has = (f: Field) => fields.includes(f);
  const error = (f: Field) => (state.fieldErrors[f] ? t(state.fieldErrors[f]) : undefined);
  const errors = [
    ...(state.fieldErrors.type ? [{ message: t(state.fieldErrors.type) }] : []),
    ...fields.flatMap((f) =>
      state.fieldErrors[f] ? [{ fieldId: f, message: t(state.fieldErrors[f]) }] : [],
    ),
  ];
  const list = (value: string | undefined) => (value ? value.split(",") : []);
  const text = (f: Field) => ({ id: f, name: f, defaultValue: v[f] ?? "", error: error(f) });

  return (
    <form action={action} noValidate key={JSON.stringify(v)}>
      <ErrorSummary title={t("caseEvents.errorSummaryTitle")} errors={errors} />
      <FormRecovery state={state} />
      <input type="hidden" name="type" value={type} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <DateInput
        id="occurredOn"
        legend={t("caseEvents.date")}
        hint={t("caseEvents.dateHint")}
        error={error("occurredOnDay")}
        labels={{ day: t("caseEvents.day"), month: t("caseEvents.month"), year: t("caseEvents.year") }}
        values={{ day: v.occurredOnDay, month: v.occurredOnMonth, year: v.occurredOnYear }}
      />
      <TextArea
        {...text("dateExplanation")}
        rows={2}
        label={t("lifecycle.dateExplanation")}
        hint={t("lifecycle.dateExplanationHint")}
        after={<LanguageAdvice forId="dateExplanation" />}
      />
      {has("crimeReference") && type === "OUTCOME_RECORDED" && (
        <fieldset className="mb-6 border-l-4 border-brand pl-3">
          <legend className="mb-1 font-bold">{t("lifecycle.crimeInStepLegend")}</legend>
          <p className="mb-3 text-muted">{t("lifecycle.crimeInStepHint")}</p>
          <TextField
            {...text("crimeReference")}
            label={t("caseEvents.crimeReference")}
            autoComplete="off"
            spellCheck={false}
          />
          <DateInput
            id="crimeRecordedOn"
            legend={t("lifecycle.crimeRecordedOn")}
            hint={t("caseEvents.dateHint")}
            error={error("crimeRecordedOnDay")}
            labels={{ day: t("caseEvents.day"), month: t("caseEvents.month"), year: t("caseEvents.year") }}
            values={{ day: v.crimeRecordedOnDay, month: v.crimeRecordedOnMonth, year: v.crimeRecordedOnYear }}
          />
        </fieldset>
      )}
      {has("crimeReference") && type !== "OUTCOME_RECORDED" && (
        <TextField
          {...text("crimeReference")}
          label={t("caseEvents.crimeReference")}
          hint={t("caseEvents.crimeReferenceHint")}
          autoComplete="off"
          spellCheck={false}
        />
      )}
      {has("releaseType") && (
        <ChoiceGroup
          name="releaseType"
          type="radio"
          legend={t("caseEvents.releaseType")}
          error={error("releaseType")}
          options={Object.values(ReleaseType).map((value) => ({
            value,
            label: t(`enums.ReleaseType.${value}`),
          }))}
          selected={list(v.releaseType)}
        />
      )}
      {has("courtResult") && (
        <ChoiceGroup
          name="courtResult"
          type="radio"
          legend={t("caseEvents.courtResult")}
          error={error("courtResult")}
          options={Object.values(CourtResult).map((value) => ({
            value,
            label: t(`enums.CourtResult.${value}`),
          }))}
          selected={list(v.courtResult)}
        />
      )}
      {has("offence") &&
        (type === "CHARGED" ? (
          <TextField {...text("offence")} label={t("caseEvents.offence")} autoComplete="off" />
        ) : (
          <TextField
            {...text("offence")}
            label={t("caseEvents.offenceAlternative")}
            hint={t("caseEvents.offenceAlternativeHint")}
            autoComplete="off"
          />
        ))}
      {has("sentence") && <TextArea {...text("sentence")} rows={2} label={t("caseEvents.sentence")} />}
      {has("outcome") && <OutcomeSelect defaultValue={v.outcome ?? ""} error={error("outcome")} />}
      {has("withdrawalReasons") && (
        <ChoiceGroup
          name="withdrawalReasons"
          type="checkbox"
          legend={t("caseEvents.withdrawalReasons")}
          hint={t("caseEvents.withdrawalReasonsHint")}
          error={error("withdrawalReasons")}
          options={Object.values(WithdrawalReason).map((value) => ({
            value,
            label: t(`enums.WithdrawalReason.${value}`),
          }))}
          selected={list(v.withdrawalReasons)}
        />
      )}
      {has("otherReason") && (
        <TextArea
          {...text("otherReason")}
          rows={2}
          label={t("caseEvents.otherReason")}
          hint={t("caseEvents.otherReasonHint")}
          after={<LanguageAdvice forId="otherReason" />}
        />
      )}
      {has("rationale") && (
        <TextArea
          {...text("rationale")}
          rows={3}
          label={t("caseEvents.rationale")}
          hint={t("lifecycle.rationaleHint")}
          after={<LanguageAdvice forId="rationale" />}
        />
      )}
      {has("personInformed") && (
        <ChoiceGroup
          name="personInformed"
          type="checkbox"
          legend={t("caseEvents.personInformed")}
          hint={t("lifecycle.personInformedHint")}
          error={error("personInformed")}
          options={[{ value: "yes", label: t("caseEvents.personInformedLabel") }]}
          selected={list(v.personInformed)}
        />
      )}
      {has("diversionaryActivity") && (
        <TextArea
          {...text("diversionaryActivity")}
          rows={2}
          label={t("lifecycle.diversionaryActivity")}
          hint={t("lifecycle.diversionaryActivityHint")}
        />
      )}
      {has("notes") && (
        <TextArea
          {...text("notes")}
          rows={3}
          label={t("caseEvents.notes")}
          after={<LanguageAdvice forId="notes" />}
        />
      )}
      <SubmitButton
        pending={pending}
        label={t("caseEvents.submit")}
        pendingLabel={t("caseEvents.submitting")}
      />
    </form>
  );
}

function OutcomeSelect({ defaultValue, error }: { defaultValue: string; error?: string }) {
  const t = useTranslations();
  const errorId = error ? "outcome-error" : undefined;
  return (
    <div className={`mb-6 ${error ? "border-l-4 border-danger pl-3" : ""}`}>
      <label htmlFor="outcome" className="mb-1 block font-bold">
        {t("caseEvents.outcome")}
      </label>
      <p id="outcome-hint" className="mb-1 text-muted">
        {t("caseEvents.outcomeHint")}
      </p>
      {error && (
        <p id={errorId} className="mb-1 font-bold text-danger">
          <span className="sr-only">Error: </span>
          {error}
        </p>
      )}
      <select
        id="outcome"
        name="outcome"
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={["outcome-hint", errorId].filter(Boolean).join(" ")}
        className={`block w-full max-w-3xl border-2 bg-white px-2 py-1.5 ${error ? "border-danger" : "border-ink"}`}
      >
        <option value="">{t("caseEvents.chooseOutcome")}</option>
        {Object.values(HomeOfficeOutcome).map((value) => (
          <option key={value} value={value}>
            {t(`enums.HomeOfficeOutcome.${value}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

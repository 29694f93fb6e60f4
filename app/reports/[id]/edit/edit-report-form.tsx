"use client";

import Link from "next/link";
import { useTranslations } from "@/components/translations";
import { ErrorSummary } from "@/components/form/error-summary";
import { useSafeActionState } from "@/lib/forms/use-safe-action-state";
import { FormRecovery } from "@/components/form/form-recovery";
import { TextField } from "@/components/form/text-field";
import { TextArea } from "@/components/form/text-area";
import { ChoiceGroup } from "@/components/form/choice-group";
import { LanguageAdvice } from "@/components/language-advice";
import { IncidentType, PerpetratorRelationship, PersonWants } from "@/lib/generated/prisma/enums";
import type { ConflictView, ReportEditState, ReportEditValues } from "./actions";
import { SubmitButton } from "@/components/form/submit-button";

type Props = {
  save: (prev: ReportEditState, form: FormData) => Promise<ReportEditState>;
  saved: ReportEditValues;
  caseHref: string;
};

const FIELDS = ["narrative", "area", "incidentTypes", "relationship", "personWants"] as const;

export function EditReportForm({ save, saved, caseHref }: Props) {
  const t = useTranslations();
  const [state, action, pending] = useSafeActionState(save, {
    status: "idle",
    values: saved,
    fieldErrors: {},
  });
  const v = { ...saved, ...state.values };
  const error = (f: keyof ReportEditValues) => (state.fieldErrors[f] ? t(state.fieldErrors[f]) : undefined);
  const errors = [
    ...(state.conflict ? [{ fieldId: "conflict", message: t("reportEdit.conflictTitle") }] : []),
    ...(["version", ...FIELDS] as const).flatMap((f) =>
      state.fieldErrors[f]
        ? [{ fieldId: f === "version" ? "narrative" : f, message: t(state.fieldErrors[f]) }]
        : [],
    ),
  ];
  const list = (value: string | undefined) => (value ? value.split(",") : []);

  return (
    <>
      <ErrorSummary title={t("reportEdit.errorSummaryTitle")} errors={errors} />
      <FormRecovery state={state} />
      {state.conflict && <Conflict theirs={state.conflict} yours={v} />}
      <form action={action} noValidate key={JSON.stringify(state.values)}>
        <input type="hidden" name="version" value={v.version} />
        <TextArea
          id="narrative"
          name="narrative"
          rows={10}
          label={t("reportEdit.narrative")}
          hint={t("reportEdit.narrativeHint")}
          defaultValue={v.narrative}
          error={error("narrative")}
          after={<LanguageAdvice forId="narrative" />}
        />
        <TextField
          id="area"
          name="area"
          label={t("reportEdit.area")}
          hint={t("reportEdit.areaHint")}
          defaultValue={v.area}
          error={error("area")}
        />
        <ChoiceGroup
          name="incidentTypes"
          type="checkbox"
          legend={t("reportEdit.incidentTypes")}
          hint={t("reportEdit.incidentTypesHint")}
          error={error("incidentTypes")}
          options={Object.values(IncidentType).map((value) => ({
            value,
            label: t(`enums.IncidentType.${value}`),
          }))}
          selected={list(v.incidentTypes)}
        />
        <ChoiceGroup
          name="relationship"
          type="radio"
          legend={t("reportEdit.relationship")}
          hint={t("reportEdit.relationshipHint")}
          error={error("relationship")}
          options={Object.values(PerpetratorRelationship).map((value) => ({
            value,
            label: t(`enums.PerpetratorRelationship.${value}`),
          }))}
          selected={[v.relationship]}
        />
        <ChoiceGroup
          name="personWants"
          type="radio"
          legend={t("reportEdit.personWants")}
          hint={t("reportEdit.personWantsHint")}
          error={error("personWants")}
          options={Object.values(PersonWants).map((value) => ({
            value,
            label: t(`enums.PersonWants.${value}`),
          }))}
          selected={[v.personWants]}
        />
        <div className="flex flex-wrap items-center gap-6">
          <SubmitButton
            pending={pending}
            label={t("reportEdit.submit")}
            pendingLabel={t("reportEdit.submitting")}
          />
          <Link href={caseHref}>{t("reportEdit.cancel")}</Link>
        </div>
      </form>
    </>
  );
}

// Both versions side by side, so the officer can see what changed before saving again.
function Conflict({ theirs, yours }: { theirs: ConflictView; yours: ReportEditValues }) {
  const t = useTranslations();
  const types = (values: string[]) => values.map((i) => t(`enums.IncidentType.${i}`)).join(", ");
  const rows: [string, string, string][] = [
    [t("reportEdit.narrative"), theirs.narrative, yours.narrative],
    [t("reportEdit.area"), theirs.area, yours.area],
    [
      t("reportEdit.incidentTypes"),
      types(theirs.incidentTypes),
      types(yours.incidentTypes ? yours.incidentTypes.split(",") : []),
    ],
    [
      t("reportEdit.relationship"),
      t(`enums.PerpetratorRelationship.${theirs.relationship}`),
      yours.relationship ? t(`enums.PerpetratorRelationship.${yours.relationship}`) : "",
    ],
    [
      t("reportEdit.personWants"),
      t(`enums.PersonWants.${theirs.personWants}`),
      yours.personWants ? t(`enums.PersonWants.${yours.personWants}`) : "",
    ],
  ];
  const shown = (value: string) => value || t("reportEdit.notGiven");
  return (
    <section
      id="conflict"
      tabIndex={-1}
      aria-labelledby="conflict-heading"
      className="mb-8 border-l-4 border-danger p-4"
    >
      <h2 id="conflict-heading" className="mb-2 text-xl font-bold">
        {t("reportEdit.conflictTitle")}
      </h2>
      <p className="mb-4">{t("reportEdit.conflictBody")}</p>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left">
          <caption className="mb-2 text-left font-bold">{t("reportEdit.conflictCaption")}</caption>
          <thead>
            <tr>
              <th scope="col" className="border-b-2 border-ink px-2 py-2">
                {t("reportEdit.conflictField")}
              </th>
              <th scope="col" className="border-b-2 border-ink px-2 py-2">
                {t("reportEdit.conflictTheirs", { at: theirs.savedAt })}
              </th>
              <th scope="col" className="border-b-2 border-ink px-2 py-2">
                {t("reportEdit.conflictYours")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([field, saved, mine]) => (
              <tr key={field} className="border-b border-line align-top">
                <th scope="row" className="px-2 py-2">
                  {field}
                </th>
                <td className="whitespace-pre-wrap px-2 py-2">{shown(saved)}</td>
                <td className="whitespace-pre-wrap px-2 py-2">
                  {saved === mine ? t("reportEdit.conflictSame") : shown(mine)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

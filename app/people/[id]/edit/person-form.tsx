"use client";

import Link from "next/link";
import { useTranslations } from "@/components/translations";
import { ErrorSummary } from "@/components/form/error-summary";
import { useSafeActionState } from "@/lib/forms/use-safe-action-state";
import { FormRecovery } from "@/components/form/form-recovery";
import { ChoiceGroup } from "@/components/form/choice-group";
import { TextField } from "@/components/form/text-field";
import { TextArea } from "@/components/form/text-area";
import { LanguageAdvice } from "@/components/language-advice";
import { AgeBand, ContactMethod, Language, WorkSetting } from "@/lib/generated/prisma/enums";
import { PERSON_FIELDS, type PersonField, type PersonFormValues } from "@/lib/people/fields";
import type { PersonFormState } from "./actions";
import { SubmitButton } from "@/components/form/submit-button";

type Props = {
  action: (state: PersonFormState, form: FormData) => Promise<PersonFormState>;
  saved: PersonFormValues;
  cancelHref: string;
};

export function PersonForm({ action, saved, cancelHref }: Props) {
  const t = useTranslations();
  const [state, formAction, pending] = useSafeActionState(action, {
    status: "idle",
    values: saved,
    fieldErrors: {},
  } satisfies PersonFormState);
  const values = state.values;
  const error = (field: PersonField) => (state.fieldErrors[field] ? t(state.fieldErrors[field]) : undefined);
  const errors = [
    ...(state.formError && !state.current ? [{ message: t(state.formError) }] : []),
    ...PERSON_FIELDS.flatMap((field) => {
      const message = error(field);
      return message ? [{ fieldId: field, message }] : [];
    }),
  ];
  const options = (values: Record<string, string>, prefix: string) =>
    Object.values(values).map((value) => ({ value, label: t(`${prefix}.${value}`) }));
  const notAnswered = { value: "", label: t("people.notAnswered") };
  const current = state.current;
  const differences = current
    ? PERSON_FIELDS.filter((f) => f !== "version" && (values[f] ?? "") !== current[f])
    : [];
  const shown = (field: PersonField, value: string) => {
    if (value === "") return t("people.notAnswered");
    if (field === "safeContactMethods")
      return value
        .split(",")
        .map((m) => t(`enums.ContactMethod.${m}`))
        .join(", ");
    if (field === "ageBand") return t(`enums.AgeBand.${value}`);
    if (field === "workSetting") return t(`enums.WorkSetting.${value}`);
    if (field === "language") return t(`enums.Language.${value}`);
    return value;
  };
  const labels: Record<Exclude<PersonField, "version">, string> = {
    workingName: t("people.workingNameLabel"),
    selfDescription: t("people.selfDescriptionLabel"),
    ageBand: t("people.ageBandLegend"),
    workSetting: t("people.workSettingLegend"),
    language: t("people.languageLegend"),
    interpreterNeeds: t("people.interpreterLabel"),
    accessNeeds: t("people.accessLabel"),
    safeContactMethods: t("people.safeMethods"),
    safeContactTimes: t("people.safeTimesLabel"),
    doNotContactRules: t("people.doNotRulesLabel"),
  };

  return (
    <form action={formAction} noValidate className="max-w-3xl" key={JSON.stringify(values)}>
      <ErrorSummary title={t("contacts.errorSummaryTitle")} errors={errors} />
      <FormRecovery state={state} />
      {current && (
        <div role="alert" className="mb-6 border-4 border-danger p-4">
          <h2 className="mb-2 text-lg font-bold">{t("people.conflictTitle")}</h2>
          <p className="mb-2">{t("people.conflictBody")}</p>
          <dl>
            {differences.map((f) =>
              f === "version" ? null : (
                <div key={f} className="mb-1">
                  <dt className="font-bold">{labels[f]}</dt>
                  <dd className="whitespace-pre-wrap">
                    {t("people.conflictSaved", { value: shown(f, current[f]) })}
                  </dd>
                </div>
              ),
            )}
          </dl>
        </div>
      )}
      <input type="hidden" name="version" value={values.version ?? ""} />
      <TextField
        id="workingName"
        name="workingName"
        label={labels.workingName}
        hint={t("people.workingNameHint")}
        error={error("workingName")}
        defaultValue={values.workingName ?? ""}
        maxLength={100}
        autoComplete="off"
        spellCheck={false}
      />
      <TextField
        id="selfDescription"
        name="selfDescription"
        label={labels.selfDescription}
        hint={t("people.selfDescriptionHint")}
        error={error("selfDescription")}
        defaultValue={values.selfDescription ?? ""}
        maxLength={200}
      />
      <ChoiceGroup
        name="language"
        type="radio"
        legend={labels.language}
        error={error("language")}
        options={options(Language, "enums.Language")}
        selected={values.language ? [values.language] : []}
      />
      <ChoiceGroup
        name="safeContactMethods"
        type="checkbox"
        legend={labels.safeContactMethods}
        hint={t("people.safeMethodsHint")}
        error={error("safeContactMethods")}
        options={options(ContactMethod, "enums.ContactMethod")}
        selected={(values.safeContactMethods ?? "").split(",")}
      />
      <TextField
        id="safeContactTimes"
        name="safeContactTimes"
        label={labels.safeContactTimes}
        error={error("safeContactTimes")}
        defaultValue={values.safeContactTimes ?? ""}
        maxLength={200}
      />
      <TextArea
        id="doNotContactRules"
        name="doNotContactRules"
        label={labels.doNotContactRules}
        hint={t("people.doNotRulesHint")}
        error={error("doNotContactRules")}
        defaultValue={values.doNotContactRules ?? ""}
        maxLength={1000}
        rows={3}
        after={<LanguageAdvice forId="doNotContactRules" />}
      />
      <TextField
        id="interpreterNeeds"
        name="interpreterNeeds"
        label={labels.interpreterNeeds}
        error={error("interpreterNeeds")}
        defaultValue={values.interpreterNeeds ?? ""}
        maxLength={300}
      />
      <TextField
        id="accessNeeds"
        name="accessNeeds"
        label={labels.accessNeeds}
        error={error("accessNeeds")}
        defaultValue={values.accessNeeds ?? ""}
        maxLength={300}
      />
      <ChoiceGroup
        name="ageBand"
        type="radio"
        legend={labels.ageBand}
        error={error("ageBand")}
        options={[notAnswered, ...options(AgeBand, "enums.AgeBand")]}
        selected={[values.ageBand ?? ""]}
      />
      <ChoiceGroup
        name="workSetting"
        type="radio"
        legend={labels.workSetting}
        error={error("workSetting")}
        options={[notAnswered, ...options(WorkSetting, "enums.WorkSetting")]}
        selected={[values.workSetting ?? ""]}
      />
      <div className="flex items-center gap-6">
        <SubmitButton pending={pending} label={t("people.submitDetails")} pendingLabel={t("people.saving")} />
        <Link href={cancelHref}>{t("people.cancel")}</Link>
      </div>
    </form>
  );
}

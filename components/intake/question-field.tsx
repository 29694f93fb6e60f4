"use client";

import { useTranslations } from "next-intl";
import type { Question, RawValues } from "@/lib/intake/questions";
import { ChoiceGroup } from "@/components/form/choice-group";
import { TextField } from "@/components/form/text-field";
import { TextArea } from "@/components/form/text-area";
import { FieldShell, describedBy } from "@/components/form/field-shell";
import { LanguageAdvice } from "@/components/language-advice";

export type PersonOption = { id: string; workingName: string; selfDescription: string | null };
export type AgencyOption = { id: string; name: string };

type Props = {
  question: Question;
  values: RawValues;
  error?: string;
  people: PersonOption[];
  agencies: AgencyOption[];
};

export function QuestionField({ question: q, values, error, people, agencies }: Props) {
  const t = useTranslations("intake");
  const tAll = useTranslations();
  const key = `questions.${q.name}`;
  const label = t(`${key}.label`);
  const hintText = t.has(`${key}.hint`) ? t(`${key}.hint`) : null;
  const hint =
    hintText || q.why ? (
      <>
        {hintText && <p>{hintText}</p>}
        {q.why && (
          <details className="mt-1">
            <summary className="cursor-pointer text-link underline">{t("whyWeAsk")}</summary>
            <p className="mt-1 border-l-4 border-line pl-3">{t(`${key}.why`)}</p>
          </details>
        )}
      </>
    ) : undefined;
  // Errors are catalogue keys; anything else (a type error from a crafted request) gets a
  // general message rather than raw validator text.
  const errorText = error ? (tAll.has(error) ? tAll(error) : tAll("intake.errors.invalid")) : undefined;
  const value = values[q.name];
  const single = typeof value === "string" ? value : "";

  switch (q.kind) {
    case "radio":
    case "checkbox":
      return (
        <ChoiceGroup
          name={q.name}
          type={q.kind}
          legend={label}
          hint={hint}
          error={errorText}
          selected={Array.isArray(value) ? value : single ? [single] : []}
          options={q.options.map((o) => ({ value: o, label: tAll(`${q.labels}.${o}`) }))}
        />
      );
    case "person":
      return (
        <ChoiceGroup
          name={q.name}
          type="radio"
          legend={label}
          hint={hint}
          error={errorText}
          selected={[single || "NEW"]}
          options={[
            ...people.map((p) => ({
              value: p.id,
              label: p.selfDescription ? `${p.workingName} (${p.selfDescription})` : p.workingName,
            })),
            { value: "NEW", label: t("newPerson") },
          ]}
        />
      );
    case "agency":
      return (
        <FieldShell id={q.name} label={label} error={errorText}>
          <select
            id={q.name}
            name={q.name}
            defaultValue={single}
            aria-invalid={errorText ? true : undefined}
            aria-describedby={describedBy(q.name, null, errorText)}
            className="block border-2 border-ink px-2 py-1.5"
          >
            <option value="">{t("chooseAgency")}</option>
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </FieldShell>
      );
    case "textarea":
    case "lines":
      return (
        <TextArea
          id={q.name}
          name={q.name}
          label={label}
          hint={hint}
          error={errorText}
          defaultValue={single}
          rows={q.kind === "textarea" ? q.rows : 3}
          maxLength={q.maxLength}
          after={q.kind === "textarea" && q.languageCheck ? <LanguageAdvice forId={q.name} /> : undefined}
        />
      );
    case "date":
    case "time":
      return (
        <TextField
          id={q.name}
          name={q.name}
          type={q.kind}
          label={label}
          hint={hint}
          error={errorText}
          defaultValue={single}
          className="max-w-xs"
        />
      );
    case "text":
      return (
        <TextField
          id={q.name}
          name={q.name}
          label={label}
          hint={hint}
          error={errorText}
          defaultValue={single}
          maxLength={q.maxLength}
          autoComplete={q.autoComplete}
        />
      );
  }
}

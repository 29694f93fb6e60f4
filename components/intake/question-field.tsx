"use client";

import { useTranslations } from "@/components/translations";
import type { Question, RawValues } from "@/lib/intake/questions";
import { ChoiceGroup } from "@/components/form/choice-group";
import { TextField } from "@/components/form/text-field";
import { TextArea } from "@/components/form/text-area";
import { FieldShell, describedBy } from "@/components/form/field-shell";
import { DateParts } from "@/components/form/date-parts";
import { LanguageAdvice } from "@/components/language-advice";
import { dayParts } from "@/lib/intake/dates";
import { optionText, questionText } from "@/lib/intake/wording";

export type PersonOption = { id: string; workingName: string; selfDescription: string | null };
export type AgencyOption = { id: string; name: string };

type Props = {
  question: Question;
  values: RawValues;
  error?: string;
  people: PersonOption[];
  agencies: AgencyOption[];
  // The person is under 18: questions worded for adults in sex work use their child wording.
  child?: boolean;
};

export function QuestionField({ question: q, values, error, people, agencies, child = false }: Props) {
  const t = useTranslations("intake");
  const tAll = useTranslations();
  const label = questionText(t, q.name, "label", child) ?? q.name;
  const hintText = questionText(t, q.name, "hint", child);
  const hint =
    hintText || q.why ? (
      <>
        {hintText && <p>{hintText}</p>}
        {q.why && (
          <details className="mt-1">
            <summary className="cursor-pointer text-link underline">{t("whyWeAsk")}</summary>
            <p className="mt-1 border-l-4 border-line pl-3">{questionText(t, q.name, "why", child)}</p>
          </details>
        )}
      </>
    ) : undefined;
  const optionLabel = (labels: string, o: string) => optionText(tAll, q.name, labels, o, child);
  const advice = <LanguageAdvice forId={q.name} subjectIsChild={child} />;
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
          options={q.options.map((o) => ({ value: o, label: optionLabel(q.labels, o) }))}
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
          after={q.kind === "textarea" ? advice : undefined}
        />
      );
    case "day": {
      // Boxes named reportedAtDay, reportedAtMonth, reportedAtYear; the error summary links
      // to the day box.
      const typed = dayParts(single);
      const parts = (
        [
          ["day", "Day", "w-16", 2],
          ["month", "Month", "w-16", 2],
          ["year", "Year", "w-24", 4],
        ] as const
      ).map(([part, suffix, width, maxLength]) => ({
        name: `${q.name}${suffix}`,
        label: t(`dayParts.${part}`),
        value: typed[part],
        width,
        maxLength,
        invalid: Boolean(errorText),
      }));
      return (
        <DateParts
          id={q.name}
          legend={label}
          hint={hintText ?? ""}
          errors={errorText ? [errorText] : []}
          parts={parts}
        />
      );
    }
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
        <>
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
          {q.languageCheck !== false && advice}
        </>
      );
  }
}

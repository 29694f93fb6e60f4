"use client";

import { useState, type ReactNode } from "react";
import { useTranslations } from "@/components/translations";
import { ErrorSummary } from "@/components/form/error-summary";
import { useSafeActionState } from "@/lib/forms/use-safe-action-state";
import { FormRecovery } from "@/components/form/form-recovery";
import { ChoiceGroup } from "@/components/form/choice-group";
import { FieldShell, describedBy } from "@/components/form/field-shell";
import { SubmitButton } from "@/components/form/submit-button";
import { QuestionField } from "@/components/intake/question-field";
import { PartnerSafeguardingPanel } from "@/components/third-party/partner-safeguarding-panel";
import type { Question, RawValues } from "@/lib/intake/questions";
import { activeConcerns } from "@/lib/intake/safeguarding";
import type { SafeguardingConcern } from "@/lib/generated/prisma/enums";
import { submitThirdPartyAction, type PartnerFormState } from "../actions";

type Section = { id: string; questions: Question[] };

type Props = {
  sections: Section[];
  workingName: Question;
  units: { id: string; name: string }[];
  wishes: string[];
  idempotencyKey: string;
  // London's today, for a date of birth under 18.
  today: string;
};

// The answers that decide the safeguarding panels, by the intake's own rule
// (lib/intake/safeguarding.ts): the same shape an intake draft has.
function concernsOf(v: RawValues, today: string): SafeguardingConcern[] {
  return activeConcerns(
    {
      person: { ageBand: v.ageBand ?? "", dateOfBirth: v.dateOfBirth ?? "" },
      "what-happened": {
        whenKnown: v.whenKnown ?? "",
        incidentDate: v.incidentDate ?? "",
        periodFrom: v.periodFrom ?? "",
      },
      safety: { safeguardingSigns: v.safeguardingSigns ?? [] },
    },
    today,
  );
}

// Panels after the questions that raise them: the child's after the age, the others after
// the signs.
const PANELS_AFTER: Record<string, SafeguardingConcern[]> = {
  about: ["CHILD_AT_RISK"],
  signs: ["ADULT_AT_RISK", "MODERN_SLAVERY"],
};

// The partner's report on one page: the intake's own questions (QuestionField), grouped by
// topic, with the partner's choices of unit, anonymity and wish. "Are they safe now?" comes
// first; a safeguarding panel for the partner appears the moment an answer raises it (and,
// without JavaScript, after a refused submit), and a child is worded as a child. A refused
// submit puts back everything typed; the idempotency key stays the same so a resend is one
// report.
export function PartnerReportForm({ sections, workingName, units, wishes, idempotencyKey, today }: Props) {
  const t = useTranslations();
  const [state, action, pending] = useSafeActionState<PartnerFormState>(submitThirdPartyAction, {
    status: "idle",
    values: {},
    fieldErrors: {},
  });
  // The answers as they stand in the browser; reset to what was submitted after each submit.
  const [live, setLive] = useState(state.values);
  const [liveFrom, setLiveFrom] = useState(state);
  if (liveFrom !== state) {
    setLiveFrom(state);
    setLive(state.values);
  }
  const lists = sections.flatMap((s) => s.questions.filter((q) => q.kind === "checkbox").map((q) => q.name));
  const read = (form: HTMLFormElement): RawValues => {
    const data = new FormData(form);
    const out: RawValues = {};
    for (const key of new Set(data.keys())) {
      const all = data.getAll(key).filter((v): v is string => typeof v === "string");
      out[key] = lists.includes(key) ? all : (all[0] ?? "");
    }
    return out;
  };
  const concerns = concernsOf(live, today);
  const child = concerns.includes("CHILD_AT_RISK");
  const message = (key: string | undefined) =>
    key ? (t.has(key) ? t(key) : t("intake.errors.invalid")) : undefined;
  const own = (name: string) => message(state.fieldErrors[name]);
  const single = (name: string) => {
    const v = state.values[name];
    return typeof v === "string" ? v : "";
  };
  const order = [
    "unitId",
    ...sections.flatMap((s) => [
      ...(s.id === "about" ? ["anonymous", "workingName"] : []),
      ...s.questions.map((q) => q.name),
    ]),
    "wish",
  ];
  const errors = [
    ...(state.formError ? [{ message: t(state.formError) }] : []),
    ...order.flatMap((name) => {
      const text = own(name);
      return text ? [{ fieldId: name, message: text }] : [];
    }),
  ];
  const field = (q: Question) => (
    <QuestionField
      key={q.name}
      question={q}
      values={state.values}
      error={state.fieldErrors[q.name]}
      people={[]}
      agencies={[]}
      child={child}
    />
  );
  const section = (id: string, children: ReactNode) => (
    <section key={id} aria-labelledby={`section-${id}`} className="mb-4">
      <h2 id={`section-${id}`} className="mb-3 text-2xl font-bold">
        {t(`thirdParty.sections.${id}`)}
      </h2>
      {children}
    </section>
  );
  return (
    <form action={action} noValidate className="max-w-3xl" onChange={(e) => setLive(read(e.currentTarget))}>
      <ErrorSummary title={t("thirdParty.errorSummaryTitle")} errors={errors} />
      <FormRecovery state={state} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      {/* Tells screen-reader users that a safeguarding panel has appeared. */}
      <p role="status" className="sr-only">
        {concerns.map((c) => t(`thirdParty.panels.${c}.title`)).join(". ")}
      </p>
      {/* key: after a refused submit, fields are rebuilt with what was submitted. */}
      <div key={JSON.stringify(state.values)}>
        {units.length === 1 ? (
          <input type="hidden" name="unitId" value={units[0]!.id} />
        ) : (
          <FieldShell
            id="unitId"
            label={t("thirdParty.unit")}
            hint={t("thirdParty.unitHint")}
            error={own("unitId")}
          >
            <select
              id="unitId"
              name="unitId"
              defaultValue={single("unitId")}
              aria-invalid={own("unitId") ? true : undefined}
              aria-describedby={describedBy("unitId", t("thirdParty.unitHint"), own("unitId"))}
              className="block border-2 border-ink px-2 py-1.5"
            >
              <option value="">{t("thirdParty.chooseUnit")}</option>
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </FieldShell>
        )}
        {sections.map((s) =>
          section(
            s.id,
            <>
              {s.id === "about" && (
                <>
                  <ChoiceGroup
                    name="anonymous"
                    type="radio"
                    legend={t("thirdParty.anonymous")}
                    hint={t("thirdParty.anonymousHint")}
                    error={own("anonymous")}
                    selected={single("anonymous") ? [single("anonymous")] : []}
                    options={(["YES", "NO"] as const).map((v) => ({
                      value: v,
                      label: t(`thirdParty.anonymousOptions.${v}`),
                    }))}
                  />
                  {field(workingName)}
                </>
              )}
              {s.questions.map(field)}
              {(PANELS_AFTER[s.id] ?? []).map((c) => (
                <PartnerSafeguardingPanel key={c} concern={c} shown={concerns.includes(c)} />
              ))}
            </>,
          ),
        )}
        {section(
          "wish",
          <>
            {child && (
              <p className="mb-4 border-l-4 border-danger bg-panel p-4 font-bold">
                {t("thirdParty.childWishNote")}
              </p>
            )}
            <ChoiceGroup
              name="wish"
              type="radio"
              legend={t("thirdParty.wishLegend")}
              hint={t("thirdParty.wishHint")}
              error={own("wish")}
              selected={single("wish") ? [single("wish")] : []}
              options={wishes.map((w) => ({ value: w, label: t(`enums.SubmissionWish.${w}`) }))}
            />
          </>,
        )}
      </div>
      <SubmitButton pending={pending} label={t("thirdParty.send")} pendingLabel={t("thirdParty.sending")} />
    </form>
  );
}

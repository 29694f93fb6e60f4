"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/form/error-summary";
import { useSafeActionState } from "@/lib/forms/use-safe-action-state";
import { FormRecovery } from "@/components/form/form-recovery";
import { ChoiceGroup } from "@/components/form/choice-group";
import { FieldShell, describedBy } from "@/components/form/field-shell";
import { SubmitButton } from "@/components/form/submit-button";
import { QuestionField } from "@/components/intake/question-field";
import type { Question } from "@/lib/intake/questions";
import { submitThirdPartyAction, type PartnerFormState } from "../actions";

type Section = { id: string; questions: Question[] };

type Props = {
  sections: Section[];
  workingName: Question;
  units: { id: string; name: string }[];
  wishes: string[];
  idempotencyKey: string;
};

// The partner's report on one page: the intake's own questions (QuestionField), grouped by
// topic, with the partner's choices of unit, anonymity and wish. A refused submit puts back
// everything typed; the idempotency key stays the same so a resend is one report.
export function PartnerReportForm({ sections, workingName, units, wishes, idempotencyKey }: Props) {
  const t = useTranslations();
  const [state, action, pending] = useSafeActionState<PartnerFormState>(submitThirdPartyAction, {
    status: "idle",
    values: {},
    fieldErrors: {},
  });
  const message = (key: string | undefined) =>
    key ? (t.has(key) ? t(key) : t("intake.errors.invalid")) : undefined;
  const own = (name: string) => message(state.fieldErrors[name]);
  const single = (name: string) => {
    const v = state.values[name];
    return typeof v === "string" ? v : "";
  };
  const order = [
    "unitId",
    "anonymous",
    "workingName",
    ...sections.flatMap((s) => s.questions.map((q) => q.name)),
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
    <form action={action} noValidate className="max-w-3xl">
      <ErrorSummary title={t("thirdParty.errorSummaryTitle")} errors={errors} />
      <FormRecovery state={state} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
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
        {section(
          "about",
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
          </>,
        )}
        {sections.map((s) => section(s.id, s.questions.map(field)))}
        {section(
          "wish",
          <ChoiceGroup
            name="wish"
            type="radio"
            legend={t("thirdParty.wishLegend")}
            hint={t("thirdParty.wishHint")}
            error={own("wish")}
            selected={single("wish") ? [single("wish")] : []}
            options={wishes.map((w) => ({ value: w, label: t(`enums.SubmissionWish.${w}`) }))}
          />,
        )}
      </div>
      <SubmitButton pending={pending} label={t("thirdParty.send")} pendingLabel={t("thirdParty.sending")} />
    </form>
  );
}

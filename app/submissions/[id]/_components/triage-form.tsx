"use client";

import { useTranslations } from "@/components/translations";
import { ErrorSummary } from "@/components/form/error-summary";
import { useSafeActionState } from "@/lib/forms/use-safe-action-state";
import { FormRecovery } from "@/components/form/form-recovery";
import { ChoiceGroup } from "@/components/form/choice-group";
import { TextArea } from "@/components/form/text-area";
import { SubmitButton } from "@/components/form/submit-button";
import type { FormState } from "@/lib/forms";
import type { SearchState } from "../actions";

type State = FormState<Record<string, string>>;

type Props = {
  triage: (state: State, form: FormData) => Promise<State>;
  search: (state: SearchState, form: FormData) => Promise<SearchState>;
};

const DECISIONS = ["NEW_PERSON", "EXISTING_PERSON", "NOT_OPENED"] as const;

// The unit's decision on a submission. Finding someone the unit knows is a separate POST
// form above the decision, so no working name travels in a URL.
export function TriageForm({ triage, search }: Props) {
  const t = useTranslations("thirdParty");
  const [state, action, pending] = useSafeActionState(triage, {
    status: "idle",
    values: {},
    fieldErrors: {},
  });
  const tAll = useTranslations();
  const [found, searchAction, searching] = useSafeActionState(
    search,
    { status: "idle", values: {}, fieldErrors: {} },
    "triage-search",
  );
  const people = found.status === "done" ? (found.people ?? []) : [];
  // Errors are whole-catalogue keys; anything unknown (a crafted request) reads generally.
  const text = (key: string) => {
    const short = key.replace(/^thirdParty\./, "");
    return t.has(short) ? t(short) : t("errors.invalid");
  };
  const error = (name: string) => (state.fieldErrors[name] ? text(state.fieldErrors[name]) : undefined);
  const errors = [
    ...(state.formError ? [{ message: text(state.formError) }] : []),
    ...["decision", "personId", "notOpenedReason"].flatMap((name) => {
      const message = error(name);
      return message ? [{ fieldId: name, message }] : [];
    }),
  ];
  return (
    <section aria-labelledby="triage-heading" className="max-w-3xl">
      <h2 id="triage-heading" className="mb-3 text-2xl font-bold">
        {t("triageHeading")}
      </h2>
      <ErrorSummary title={t("errorSummaryTitle")} errors={errors} />
      <FormRecovery state={state} />
      <form action={searchAction} role="search" className="mb-6 flex flex-wrap items-end gap-2 bg-panel p-4">
        <h3 className="w-full font-bold">{t("searchHeading")}</h3>
        <div>
          <label htmlFor="query" className="mb-1 block">
            {t("searchLabel")}
          </label>
          <input
            id="query"
            name="query"
            defaultValue={found.values.query ?? ""}
            key={`query-${found.values.query ?? ""}`}
            maxLength={100}
            autoComplete="off"
            className="border-2 border-ink px-2 py-1.5"
          />
        </div>
        <button
          type="submit"
          disabled={searching}
          className="rounded border-2 border-brand px-4 py-1.5 font-bold text-brand"
        >
          {t("searchButton")}
        </button>
        <FormRecovery state={found} />
        <p role="status" className={`w-full ${found.formError ? "font-bold text-danger" : ""}`}>
          {found.formError
            ? tAll(found.formError)
            : found.status === "done"
              ? t("searchResults", { count: people.length })
              : ""}
        </p>
      </form>
      <form action={action} noValidate key={JSON.stringify(state.values)}>
        <ChoiceGroup
          name="decision"
          type="radio"
          legend={t("decision")}
          error={error("decision")}
          selected={state.values.decision ? [state.values.decision] : []}
          options={DECISIONS.map((d) => ({ value: d, label: t(`decisions.${d}`) }))}
        />
        {people.length > 0 ? (
          <ChoiceGroup
            name="personId"
            type="radio"
            legend={t("personLegend")}
            hint={t("personHint")}
            error={error("personId")}
            selected={state.values.personId ? [state.values.personId] : []}
            options={people.map((p) => ({
              value: p.id,
              label: p.selfDescription ? `${p.workingName} (${p.selfDescription})` : p.workingName,
            }))}
          />
        ) : (
          <p
            id="personId"
            tabIndex={-1}
            className={`mb-6 ${error("personId") ? "font-bold text-danger" : "text-muted"}`}
          >
            {error("personId") ?? t("noPeopleYet")}
          </p>
        )}
        <TextArea
          id="notOpenedReason"
          name="notOpenedReason"
          label={t("notOpenedReason")}
          hint={t("notOpenedReasonHint")}
          error={error("notOpenedReason")}
          defaultValue={state.values.notOpenedReason ?? ""}
          rows={3}
          maxLength={2000}
        />
        <SubmitButton pending={pending} label={t("decide")} pendingLabel={t("deciding")} />
      </form>
    </section>
  );
}

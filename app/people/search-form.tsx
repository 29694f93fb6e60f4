"use client";

import Link from "next/link";
import { useTranslations } from "@/components/translations";
import { ErrorSummary } from "@/components/form/error-summary";
import { TextField } from "@/components/form/text-field";
import { searchPeopleAction, type PeopleSearchState } from "./actions";
import { SubmitButton } from "@/components/form/submit-button";
import { FormRecovery } from "@/components/form/form-recovery";
import { useSafeActionState } from "@/lib/forms/use-safe-action-state";

const initial: PeopleSearchState = {
  status: "idle",
  values: {},
  fieldErrors: {},
  results: [],
  limited: false,
};

export function PeopleSearchForm({ limit }: { limit: number }) {
  const t = useTranslations("people");
  const tAll = useTranslations();
  const [state, action, pending] = useSafeActionState<PeopleSearchState>(searchPeopleAction, initial);
  const error = state.status === "invalid" ? t("searchError") : undefined;
  const query = state.values.query ?? "";
  return (
    <>
      <form action={action} noValidate className="mb-6 max-w-md" role="search">
        <ErrorSummary
          title={t("errorSummaryTitle")}
          errors={[
            // The database unreachable, the session lapsed, the network gone.
            ...(state.formError ? [{ message: tAll(state.formError) }] : []),
            ...(error ? [{ fieldId: "query", message: error }] : []),
          ]}
        />
        <FormRecovery state={state} />
        <TextField
          id="query"
          name="query"
          type="search"
          label={t("searchLabel")}
          hint={t("searchHint")}
          error={error}
          autoComplete="off"
          spellCheck={false}
          defaultValue={query}
          key={`query-${query}`}
        />
        <SubmitButton pending={pending} label={t("searchSubmit")} pendingLabel={t("searching")} />
      </form>
      <div aria-live="polite">
        {state.status === "done" && (
          <section aria-labelledby="results-heading">
            <h2 id="results-heading" className="mb-2 text-xl font-bold">
              {t("searchResults", { count: state.results.length })}
            </h2>
            {state.limited && <p className="mb-2">{t("searchLimit", { limit })}</p>}
            <ul className="max-w-3xl">
              {state.results.map((p) => (
                <li key={p.id} className="border-b border-line py-2">
                  <Link href={`/people/${p.id}`} className="font-bold">
                    {p.workingName}
                  </Link>
                  {p.selfDescription && <span className="block text-muted">{p.selfDescription}</span>}
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </>
  );
}

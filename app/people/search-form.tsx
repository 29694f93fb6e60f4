"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/form/error-summary";
import { TextField } from "@/components/form/text-field";
import { searchPeopleAction, type PeopleSearchState } from "./actions";
import { SubmitButton } from "@/components/form/submit-button";

const initial: PeopleSearchState = { status: "idle", query: "", results: [], limited: false };

export function PeopleSearchForm({ limit }: { limit: number }) {
  const t = useTranslations("people");
  const [state, action, pending] = useActionState(searchPeopleAction, initial);
  const error = state.status === "invalid" ? t("searchError") : undefined;
  return (
    <>
      <form action={action} noValidate className="mb-6 max-w-md" role="search">
        <ErrorSummary
          title={t("errorSummaryTitle")}
          errors={error ? [{ fieldId: "query", message: error }] : []}
        />
        <TextField
          id="query"
          name="query"
          type="search"
          label={t("searchLabel")}
          hint={t("searchHint")}
          error={error}
          autoComplete="off"
          spellCheck={false}
          defaultValue={state.query}
          key={`query-${state.query}`}
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

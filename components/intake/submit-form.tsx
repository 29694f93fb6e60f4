"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { submitIntakeAction, type SubmitState } from "@/app/reports/new/actions";
import { SubmitButton } from "@/components/form/submit-button";

export function SubmitForm({ draftId }: { draftId: string }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(submitIntakeAction.bind(null, draftId), {
    errors: [],
  } as SubmitState);
  return (
    <form action={action}>
      {state.errors.length > 0 && (
        <div role="alert" aria-labelledby="submit-errors-title" className="mb-6 border-4 border-danger p-4">
          <h2 id="submit-errors-title" className="mb-2 text-lg font-bold">
            {t("intake.errorSummaryTitle")}
          </h2>
          <ul>
            {state.errors.map((e) => (
              <li key={`${e.step}-${e.field}`}>
                <a
                  href={`/reports/new/${draftId}/${e.step}?return=check#${e.field === "reportedAt" ? "reportedAtDay" : e.field}`}
                  className="font-bold text-danger"
                >
                  {t(`intake.questions.${e.field}.label`)}:{" "}
                  {t.has(e.message) ? t(e.message) : t("intake.errors.invalid")}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {/* Disabled while sending so a double click sends once; the server is idempotent anyway. */}
      <SubmitButton pending={pending} label={t("intake.submit")} pendingLabel={t("intake.submitting")} />
    </form>
  );
}

"use client";

import { useTranslations } from "@/components/translations";
import { ErrorSummary } from "@/components/form/error-summary";
import { FormRecovery } from "@/components/form/form-recovery";
import type { AdminActionState } from "./action-state";

// What every administration form shows above itself: the error summary (each field error
// linking to its field), a way back after a lapsed session, and the success notice.
export function FormMessages({
  state,
  fields = [],
}: {
  state: AdminActionState;
  fields?: readonly string[];
}) {
  const t = useTranslations();
  const errors = [
    ...(state.formError ? [{ message: t(state.formError) }] : []),
    ...fields.flatMap((f) => {
      const key = state.fieldErrors[f];
      return key ? [{ fieldId: f, message: t(key) }] : [];
    }),
  ];
  return (
    <>
      <ErrorSummary title={t("admin.errorSummaryTitle")} errors={errors} />
      <FormRecovery state={state} />
      {state.status === "done" && state.notice && (
        <p role="status" className="mb-4 border-l-4 border-brand bg-panel p-3 font-bold">
          {t(state.notice, state.noticeValues)}
        </p>
      )}
    </>
  );
}

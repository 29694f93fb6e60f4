"use client";

import { useTranslations } from "@/components/translations";
import { ErrorSummary } from "@/components/form/error-summary";
import { useSafeActionState } from "@/lib/forms/use-safe-action-state";
import { FormRecovery } from "@/components/form/form-recovery";
import { TextArea } from "@/components/form/text-area";
import { SubmitButton } from "@/components/form/submit-button";
import type { FormState } from "@/lib/forms";

export type UnitUpdateState = FormState<{ text: string }> & { sent?: boolean };

type Props = {
  referralId: string;
  agencyName: string;
  // The longest update allowed (lib/referrals/schema UPDATE_MAX), passed from the server.
  maxLength: number;
  action: (state: UnitUpdateState, form: FormData) => Promise<UnitUpdateState>;
};

// The officer's short update to the agency, folded away under each open referral so the
// table stays readable; it opens by itself when there is an error to show.
export function UnitUpdateForm({ referralId, agencyName, maxLength, action }: Props) {
  const t = useTranslations();
  const [state, formAction, pending] = useSafeActionState(
    action,
    {
      status: "idle",
      values: {},
      fieldErrors: {},
    } as UnitUpdateState,
    `unit-update-${referralId}`,
  );
  const id = `unit-update-${referralId}`;
  const fieldError = state.fieldErrors.text ? t(state.fieldErrors.text) : undefined;
  const errors = [
    ...(state.formError ? [{ message: t(state.formError) }] : []),
    ...(fieldError ? [{ fieldId: id, message: fieldError }] : []),
  ];
  return (
    <>
      {state.sent && (
        <p role="status" className="mt-2 font-bold">
          {t("referralUpdates.sent")}
        </p>
      )}
      <details className="mt-2" open={errors.length > 0 || undefined}>
        <summary className="cursor-pointer text-link underline">
          {t("referralUpdates.open", { agency: agencyName })}
        </summary>
        <form action={formAction} noValidate key={JSON.stringify(state)} className="mt-2">
          <ErrorSummary title={t("referralUpdates.errorSummaryTitle")} errors={errors} />
          <FormRecovery state={state} />
          <TextArea
            id={id}
            name="text"
            label={t("referralUpdates.label")}
            hint={t("referralUpdates.hint", { max: maxLength })}
            error={fieldError}
            defaultValue={state.values.text ?? ""}
            rows={3}
            maxLength={maxLength}
          />
          <SubmitButton
            pending={pending}
            label={t("referralUpdates.submit")}
            pendingLabel={t("referralUpdates.sending")}
          />
        </form>
      </details>
    </>
  );
}

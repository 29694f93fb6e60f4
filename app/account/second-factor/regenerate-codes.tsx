"use client";

import { useTranslations } from "@/components/translations";
import { SubmitButton } from "@/components/form/submit-button";
import { FormRecovery } from "@/components/form/form-recovery";
import { useSafeActionState } from "@/lib/forms/use-safe-action-state";
import { RecoveryCodes } from "@/components/account/recovery-codes";
import { regenerateRecoveryCodesAction, type RegenerateState } from "./actions";

const initial: RegenerateState = { status: "idle", values: {}, fieldErrors: {} };

export function RegenerateCodes() {
  const t = useTranslations();
  const [state, action, pending] = useSafeActionState<RegenerateState>(
    regenerateRecoveryCodesAction,
    initial,
  );
  if (state.recoveryCodes) return <RecoveryCodes codes={state.recoveryCodes} />;
  return (
    <form action={action}>
      {state.status === "failed" && (
        <p role="alert" className="mb-4 font-bold text-danger">
          {t(state.formError ?? "secondFactor.failed")}
        </p>
      )}
      <FormRecovery state={state} />
      <SubmitButton
        pending={pending}
        label={t("secondFactor.regenerate")}
        pendingLabel={t("secondFactor.regenerating")}
      />
    </form>
  );
}

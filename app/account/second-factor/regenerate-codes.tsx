"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/form/submit-button";
import { RecoveryCodes } from "@/components/account/recovery-codes";
import { regenerateRecoveryCodesAction, type RegenerateState } from "./actions";

const initial: RegenerateState = { status: "idle" };

export function RegenerateCodes() {
  const t = useTranslations("secondFactor");
  const [state, action, pending] = useActionState(regenerateRecoveryCodesAction, initial);
  if (state.recoveryCodes) return <RecoveryCodes codes={state.recoveryCodes} />;
  return (
    <form action={action}>
      {state.status === "failed" && (
        <p role="alert" className="mb-4 font-bold text-danger">
          {t("failed")}
        </p>
      )}
      <SubmitButton pending={pending} label={t("regenerate")} pendingLabel={t("regenerating")} />
    </form>
  );
}

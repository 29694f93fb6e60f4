"use client";

import { useTranslations } from "@/components/translations";
import { ErrorSummary } from "@/components/form/error-summary";
import { TextField } from "@/components/form/text-field";
import { SubmitButton } from "@/components/form/submit-button";
import { FormRecovery } from "@/components/form/form-recovery";
import { useSafeActionState } from "@/lib/forms/use-safe-action-state";
import { changePasswordAction, type ChangePasswordState } from "./actions";

const initial: ChangePasswordState = { status: "idle", values: {}, fieldErrors: {} };
const FIELDS = ["currentPassword", "newPassword", "confirmPassword"] as const;

export function ChangePasswordForm({ email }: { email: string }) {
  const t = useTranslations();
  const [state, action, pending] = useSafeActionState<ChangePasswordState>(changePasswordAction, initial);
  const errors = [
    // The database unreachable, the session lapsed, the network gone (lib/forms/safe-action.ts).
    ...(state.formError ? [{ message: t(state.formError) }] : []),
    ...FIELDS.flatMap((f) => {
      const key = state.fieldErrors[f];
      return key ? [{ fieldId: f, message: t(key) }] : [];
    }),
  ];
  const error = (f: (typeof FIELDS)[number]) => (state.fieldErrors[f] ? t(state.fieldErrors[f]) : undefined);
  return (
    <form action={action} noValidate className="max-w-md">
      {state.changed && (
        <p role="status" className="mb-6 border-l-4 border-brand bg-panel p-3">
          {t("accountPassword.done")}
        </p>
      )}
      <ErrorSummary title={t("accountPassword.errorSummaryTitle")} errors={errors} />
      <FormRecovery state={state} />
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <TextField
        id="currentPassword"
        name="currentPassword"
        type="password"
        label={t("password.current")}
        autoComplete="current-password"
        error={error("currentPassword")}
        required
      />
      <TextField
        id="newPassword"
        name="newPassword"
        type="password"
        label={t("password.new")}
        hint={t("password.newHint")}
        autoComplete="new-password"
        error={error("newPassword")}
        required
      />
      <TextField
        id="confirmPassword"
        name="confirmPassword"
        type="password"
        label={t("password.confirm")}
        autoComplete="new-password"
        error={error("confirmPassword")}
        required
      />
      <SubmitButton
        pending={pending}
        label={t("accountPassword.submit")}
        pendingLabel={t("accountPassword.submitting")}
      />
    </form>
  );
}

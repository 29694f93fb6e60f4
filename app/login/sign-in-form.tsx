"use client";

import { useTranslations } from "@/components/translations";
import { ErrorSummary } from "@/components/form/error-summary";
import { TextField } from "@/components/form/text-field";
import { signInAction, type SignInState } from "./actions";
import { SubmitButton } from "@/components/form/submit-button";
import { useSafeActionState } from "@/lib/forms/use-safe-action-state";

const initial: SignInState = { status: "idle", values: {}, fieldErrors: {} };

export function SignInForm({ next }: { next: string }) {
  const t = useTranslations();
  // Through the form-action wrapper's client half: if the answer never comes (the network is
  // gone), the email comes back with the reason instead of an error page.
  const [state, action, pending] = useSafeActionState<SignInState>(signInAction, initial);
  // The wrapper's general "not saved" wording does not fit a sign-in.
  const formError = state.formError === "forms.unexpected" ? "signIn.errors.unexpected" : state.formError;
  const errors = [
    ...(formError ? [{ fieldId: "email", message: t(formError, { minutes: state.waitMinutes ?? 1 }) }] : []),
    ...(["email", "password", "code"] as const).flatMap((f) => {
      const key = state.fieldErrors[f];
      return key ? [{ fieldId: f, message: t(key) }] : [];
    }),
  ];
  return (
    <form action={action} noValidate className="max-w-md">
      <ErrorSummary title={t("signIn.errorSummaryTitle")} errors={errors} />
      <input type="hidden" name="next" value={next} />
      <TextField
        id="email"
        name="email"
        type="email"
        label={t("signIn.email")}
        autoComplete="username"
        spellCheck={false}
        defaultValue={state.values.email ?? ""}
        key={`email-${state.values.email ?? ""}`}
        error={state.fieldErrors.email ? t(state.fieldErrors.email) : undefined}
        required
      />
      <TextField
        id="password"
        name="password"
        type="password"
        label={t("signIn.password")}
        autoComplete="current-password"
        error={state.fieldErrors.password ? t(state.fieldErrors.password) : undefined}
        required
      />
      <TextField
        id="code"
        name="code"
        type="text"
        label={t("signIn.code")}
        hint={t("signIn.codeHint")}
        inputMode="text"
        autoComplete="one-time-code"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={32}
        className="max-w-48 font-mono"
        error={state.fieldErrors.code ? t(state.fieldErrors.code) : undefined}
        required
      />
      <SubmitButton pending={pending} label={t("signIn.submit")} pendingLabel={t("signIn.submitting")} />
    </form>
  );
}

"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/form/error-summary";
import { TextField } from "@/components/form/text-field";
import { signInAction, type SignInState } from "./actions";
import { SubmitButton } from "@/components/form/submit-button";

const initial: SignInState = { status: "idle", values: {}, fieldErrors: {} };

export function SignInForm({ next }: { next: string }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(signInAction, initial);
  const errors = [
    ...(state.formError
      ? [{ fieldId: "email", message: t(state.formError, { minutes: state.waitMinutes ?? 1 }) }]
      : []),
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

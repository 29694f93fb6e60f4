"use client";

import Link from "next/link";
import { useTranslations } from "@/components/translations";
import { ErrorSummary } from "@/components/form/error-summary";
import { TextField } from "@/components/form/text-field";
import { SubmitButton } from "@/components/form/submit-button";
import { FormRecovery } from "@/components/form/form-recovery";
import { useSafeActionState } from "@/lib/forms/use-safe-action-state";
import type { FormState } from "@/lib/forms";
import { reauthenticateAction, type ReauthValues } from "./actions";

const initial: FormState<ReauthValues> = { status: "idle", values: {}, fieldErrors: {} };

export function ReauthForm({ next, email }: { next: string; email: string }) {
  const t = useTranslations();
  const [state, action, pending] = useSafeActionState<FormState<ReauthValues>>(reauthenticateAction, initial);
  const errors = [
    ...(state.formError ? [{ message: t(state.formError) }] : []),
    ...(state.fieldErrors.password ? [{ fieldId: "password", message: t(state.fieldErrors.password) }] : []),
  ];
  // Too many wrong passwords ended the session: signing in again is the only way on. Any
  // other failure (database, network, a lapsed session) keeps the form, with the reason.
  if (state.formError === "reauth.errors.too-many")
    return (
      <>
        <ErrorSummary title={t("reauth.errorSummaryTitle")} errors={errors} />
        <Link href="/login" className="font-bold underline">
          {t("signIn.title")}
        </Link>
      </>
    );
  return (
    <form action={action} noValidate className="max-w-md">
      <ErrorSummary title={t("reauth.errorSummaryTitle")} errors={errors} />
      <FormRecovery state={state} />
      <input type="hidden" name="next" value={next} />
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <TextField
        id="password"
        name="password"
        type="password"
        label={t("reauth.password")}
        autoComplete="current-password"
        error={state.fieldErrors.password ? t(state.fieldErrors.password) : undefined}
        required
      />
      <SubmitButton pending={pending} label={t("reauth.submit")} pendingLabel={t("reauth.submitting")} />
    </form>
  );
}

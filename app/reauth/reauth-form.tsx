"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/form/error-summary";
import { TextField } from "@/components/form/text-field";
import { SubmitButton } from "@/components/form/submit-button";
import type { FormState } from "@/lib/forms";
import { reauthenticateAction, type ReauthValues } from "./actions";

const initial: FormState<ReauthValues> = { status: "idle", values: {}, fieldErrors: {} };

export function ReauthForm({ next, email }: { next: string; email: string }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(reauthenticateAction, initial);
  const errors = [
    ...(state.formError ? [{ message: t(state.formError) }] : []),
    ...(state.fieldErrors.password ? [{ fieldId: "password", message: t(state.fieldErrors.password) }] : []),
  ];
  if (state.formError)
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

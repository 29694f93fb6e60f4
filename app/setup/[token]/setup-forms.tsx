"use client";

import Link from "next/link";
import { useTranslations } from "@/components/translations";
import { ErrorSummary } from "@/components/form/error-summary";
import { TextField } from "@/components/form/text-field";
import { SubmitButton } from "@/components/form/submit-button";
import { RecoveryCodes } from "@/components/account/recovery-codes";
import type { FormState } from "@/lib/forms";
import { useSafeActionState } from "@/lib/forms/use-safe-action-state";
import type { EnrolState, SetupPasswordValues } from "./actions";

type PasswordAction = (
  prev: FormState<SetupPasswordValues>,
  form: FormData,
) => Promise<FormState<SetupPasswordValues>>;
type EnrolAction = (prev: EnrolState, form: FormData) => Promise<EnrolState>;

export function SetupPasswordForm({ action, email }: { action: PasswordAction; email: string }) {
  const t = useTranslations();
  const [state, submit, pending] = useSafeActionState<FormState<SetupPasswordValues>>(action, {
    status: "idle",
    values: {},
    fieldErrors: {},
  });
  const errors = [
    // The database unreachable or the network gone (lib/forms/safe-action.ts).
    ...(state.formError ? [{ message: t(state.formError) }] : []),
    ...(["newPassword", "confirmPassword"] as const).flatMap((f) => {
      const key = state.fieldErrors[f];
      return key ? [{ fieldId: f, message: t(key) }] : [];
    }),
  ];
  return (
    <form action={submit} noValidate className="max-w-md">
      <ErrorSummary title={t("setup.errorSummaryTitle")} errors={errors} />
      {/* Lets a password manager save the new password against the right account. */}
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <TextField
        id="newPassword"
        name="newPassword"
        type="password"
        label={t("password.new")}
        hint={t("password.newHint")}
        autoComplete="new-password"
        error={state.fieldErrors.newPassword ? t(state.fieldErrors.newPassword) : undefined}
        required
      />
      <TextField
        id="confirmPassword"
        name="confirmPassword"
        type="password"
        label={t("password.confirm")}
        autoComplete="new-password"
        error={state.fieldErrors.confirmPassword ? t(state.fieldErrors.confirmPassword) : undefined}
        required
      />
      <SubmitButton
        pending={pending}
        label={t("setup.passwordSubmit")}
        pendingLabel={t("setup.passwordSubmitting")}
      />
    </form>
  );
}

export function EnrolForm({
  action,
  groupedSecret,
  uri,
}: {
  action: EnrolAction;
  groupedSecret: string;
  uri: string;
}) {
  const t = useTranslations();
  const [state, submit, pending] = useSafeActionState<EnrolState>(action, {
    status: "idle",
    values: {},
    fieldErrors: {},
  });
  if (state.recoveryCodes) {
    return (
      <div>
        <p role="status" className="mb-4 border-l-4 border-brand bg-panel p-3 font-bold">
          {t("setup.done")}
        </p>
        <RecoveryCodes codes={state.recoveryCodes} />
        <Link
          href="/login"
          className="inline-block rounded bg-brand px-5 py-2 font-bold text-white print:hidden"
        >
          {t("setup.signIn")}
        </Link>
      </div>
    );
  }
  const errors = [
    ...(state.formError ? [{ fieldId: "code", message: t(state.formError) }] : []),
    ...(state.fieldErrors.code ? [{ fieldId: "code", message: t(state.fieldErrors.code) }] : []),
  ];
  return (
    <>
      <dl className="mb-6">
        <dt className="font-bold">{t("setup.secretLabel")}</dt>
        <dd className="mb-2 font-mono text-xl tracking-wide" translate="no" data-testid="totp-secret">
          {groupedSecret}
        </dd>
        <dd className="mb-4 text-muted">{t("setup.settings")}</dd>
        <dt className="font-bold">{t("setup.uriLabel")}</dt>
        <dd>
          <a href={uri} className="underline">
            {t("setup.uriLink")}
          </a>
        </dd>
      </dl>
      <form action={submit} noValidate className="max-w-md">
        <ErrorSummary title={t("setup.errorSummaryTitle")} errors={errors} />
        <TextField
          id="code"
          name="code"
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          className="max-w-32 font-mono"
          label={t("setup.codeLabel")}
          hint={t("setup.codeHint")}
          error={state.fieldErrors.code ? t(state.fieldErrors.code) : undefined}
          required
        />
        <SubmitButton pending={pending} label={t("setup.confirm")} pendingLabel={t("setup.confirming")} />
      </form>
    </>
  );
}

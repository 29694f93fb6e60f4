"use server";

// Redeeming a set-up link (issued by an administrator, lib/accounts/setup-links.ts): first a
// password, then the authenticator app (lib/auth/account-credentials.ts). The link is spent
// only when the app is confirmed; until then the same link leads back to the current step.
import { redirect } from "next/navigation";
import { z } from "zod";
import { fieldErrorsOf, type FormState, submittedForm } from "@/lib/forms";
import { safePublicAction } from "@/lib/forms/safe-action";
import { chooseSetupPassword, completeSetup } from "@/lib/auth/account-credentials";
import { PASSWORD_PROBLEM_MESSAGES, newPasswordFields } from "@/lib/auth/password-policy";

export type SetupPasswordValues = { newPassword: string; confirmPassword: string };
export type EnrolValues = { code: string };
export type EnrolState = FormState<EnrolValues> & { recoveryCodes?: string[] };

const tokenSchema = z.string().max(100);
const passwordSchema = z.strictObject(newPasswordFields);
const codeSchema = z.strictObject({
  code: z
    .string({ error: "setup.errors.codeMissing" })
    .trim()
    .regex(/^\d{3} ?\d{3}$/, { error: "setup.errors.codeMissing" }),
});

function setupPath(token: string): string {
  return `/setup/${encodeURIComponent(token)}`;
}

// Both steps run before anyone is signed in, in the public form wrapper: with the database
// unreachable the page says so instead of failing. Passwords and codes are never echoed.
export async function choosePasswordAction(
  token: string,
  _prev: FormState<SetupPasswordValues>,
  submitted: unknown,
): Promise<FormState<SetupPasswordValues>> {
  const form = submittedForm(submitted);
  return safePublicAction<FormState<SetupPasswordValues>>("Choosing a password", {}, async () => {
    const link = tokenSchema.safeParse(token);
    if (!link.success) redirect("/setup/invalid");
    const parsed = passwordSchema.safeParse({
      newPassword: form.get("newPassword") ?? undefined,
      confirmPassword: form.get("confirmPassword") ?? undefined,
    });
    if (!parsed.success) return { status: "invalid", values: {}, fieldErrors: fieldErrorsOf(parsed.error) };
    const result = await chooseSetupPassword(link.data, parsed.data.newPassword, parsed.data.confirmPassword);
    // Chosen, or the link stopped working meanwhile: either way the page shows what is next.
    if (result.ok || result.reason === "link") redirect(setupPath(link.data));
    const field = result.reason === "mismatch" ? "confirmPassword" : "newPassword";
    return {
      status: "invalid",
      values: {},
      fieldErrors: { [field]: PASSWORD_PROBLEM_MESSAGES[result.reason] },
    };
  });
}

export async function confirmEnrolmentAction(
  token: string,
  _prev: EnrolState,
  submitted: unknown,
): Promise<EnrolState> {
  const form = submittedForm(submitted);
  return safePublicAction<EnrolState>("Confirming an authenticator", {}, async () => {
    const link = tokenSchema.safeParse(token);
    if (!link.success) redirect("/setup/invalid");
    const parsed = codeSchema.safeParse({ code: form.get("code") ?? undefined });
    if (!parsed.success) return { status: "invalid", values: {}, fieldErrors: fieldErrorsOf(parsed.error) };
    const result = await completeSetup(link.data, parsed.data.code.replace(/\s/g, ""));
    if (result.ok)
      return { status: "idle", values: {}, fieldErrors: {}, recoveryCodes: result.recoveryCodes };
    if (result.reason === "link")
      return { status: "failed", values: {}, fieldErrors: {}, formError: "setup.errors.link" };
    return { status: "invalid", values: {}, fieldErrors: { code: "setup.errors.code" } };
  });
}

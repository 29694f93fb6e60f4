"use server";

import { z } from "zod";
import { fieldErrorsOf, type FormState, submittedForm } from "@/lib/forms";
import { safeAction } from "@/lib/forms/safe-action";
import { changePassword } from "@/lib/auth/account-credentials";
import { PASSWORD_PROBLEM_MESSAGES, newPasswordFields } from "@/lib/auth/password-policy";

export type ChangePasswordValues = { currentPassword: string; newPassword: string; confirmPassword: string };
export type ChangePasswordState = FormState<ChangePasswordValues> & { changed?: boolean };

const schema = z.strictObject({
  currentPassword: z
    .string({ error: "password.errors.currentMissing" })
    .min(1, { error: "password.errors.currentMissing" })
    .max(1024, { error: "password.errors.current" }),
  ...newPasswordFields,
});

// Every signed-in user may change their own password, with the current one. No password is
// ever sent back to the browser, nor sealed when the session has lapsed (the wrapper keeps
// only the values it is given: none here).
export async function changePasswordAction(
  _prev: ChangePasswordState,
  submitted: unknown,
): Promise<ChangePasswordState> {
  const form = submittedForm(submitted);
  return safeAction<ChangePasswordState>("Changing a password", {}, async (user) => {
    const parsed = schema.safeParse({
      currentPassword: form.get("currentPassword") ?? undefined,
      newPassword: form.get("newPassword") ?? undefined,
      confirmPassword: form.get("confirmPassword") ?? undefined,
    });
    if (!parsed.success) return { status: "invalid", values: {}, fieldErrors: fieldErrorsOf(parsed.error) };
    const { currentPassword, newPassword, confirmPassword } = parsed.data;
    const result = await changePassword(user, currentPassword, newPassword, confirmPassword);
    if (result.ok) return { status: "idle", values: {}, fieldErrors: {}, changed: true };
    const fieldErrors: ChangePasswordState["fieldErrors"] =
      result.reason === "current"
        ? { currentPassword: "password.errors.current" }
        : result.reason === "mismatch"
          ? { confirmPassword: PASSWORD_PROBLEM_MESSAGES.mismatch }
          : { newPassword: PASSWORD_PROBLEM_MESSAGES[result.reason] };
    return { status: "invalid", values: {}, fieldErrors };
  });
}

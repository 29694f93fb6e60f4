"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { fieldErrorsOf, type FormState, submittedForm } from "@/lib/forms";
import { safeAction } from "@/lib/forms/safe-action";
import { reauthenticate } from "@/lib/auth/account-credentials";
import { safeReturnPath } from "@/lib/auth/return-path";

export type ReauthValues = { password: string };

const schema = z.strictObject({
  password: z
    .string({ error: "reauth.errors.password" })
    .min(1, { error: "reauth.errors.password" })
    .max(1024, { error: "reauth.errors.invalid" }),
});

// The password again, for the operations that need a recent check (lib/auth/recent-auth.ts);
// then back to where the user was going (a path on this site only).
export async function reauthenticateAction(
  _prev: FormState<ReauthValues>,
  submitted: unknown,
): Promise<FormState<ReauthValues>> {
  const form = submittedForm(submitted);
  const next = safeReturnPath(form.get("next"));
  // The password is never sent back, nor sealed: the wrapper is given no values.
  return safeAction<FormState<ReauthValues>>("Checking a password again", {}, async (user) => {
    const parsed = schema.safeParse({ password: form.get("password") ?? undefined });
    if (!parsed.success) return { status: "invalid", values: {}, fieldErrors: fieldErrorsOf(parsed.error) };
    const result = await reauthenticate(user, parsed.data.password);
    if (result === "ok") redirect(next);
    if (result === "signed-out")
      return { status: "failed", values: {}, fieldErrors: {}, formError: "reauth.errors.too-many" };
    return { status: "invalid", values: {}, fieldErrors: { password: "reauth.errors.invalid" } };
  });
}

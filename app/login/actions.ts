"use server";

import { CredentialsSignin } from "next-auth";
import { signIn, TooManyAttempts } from "@/lib/auth/next-auth";
import { signInSchema } from "@/lib/auth/sign-in";
import { fieldErrorsOf, type FormState, submittedForm } from "@/lib/forms";
import { safePublicAction } from "@/lib/forms/safe-action";
import { safeReturnPath } from "@/lib/auth/return-path";

export type SignInValues = { email: string; password: string; code: string };
// A throttled attempt says how long to wait (lib/auth/throttle.ts).
export type SignInState = FormState<SignInValues> & { waitMinutes?: number };

// Signing in runs in the public form wrapper (lib/forms/safe-action.ts): with the database
// unreachable the form comes back with the email and "Liaison cannot reach its database",
// never an error page. The password and the code are never sent back to the browser.
export async function signInAction(_prev: SignInState, submitted: unknown): Promise<SignInState> {
  const form = submittedForm(submitted);
  const values = { email: String(form.get("email") ?? "").slice(0, 320) };
  return safePublicAction<SignInState>("Signing in", values, async () => {
    // `next` rides along to the redirect only, so it is not part of the credentials schema.
    const parsed = signInSchema.safeParse({
      email: form.get("email"),
      password: form.get("password"),
      code: form.get("code"),
    });
    if (!parsed.success) {
      return { status: "invalid", values, fieldErrors: fieldErrorsOf<keyof SignInValues>(parsed.error) };
    }
    try {
      // Success arrives as a redirect, which Next.js delivers by throwing (passed on by the wrapper).
      await signIn("credentials", {
        ...parsed.data,
        redirectTo: safeReturnPath(form.get("next")),
      });
    } catch (error) {
      // Any other failure (the database went away during the check, say) is the wrapper's to tell.
      if (!(error instanceof CredentialsSignin)) throw error;
      const key = ["too-many-attempts", "no-second-factor", "busy"].includes(error.code)
        ? error.code
        : "invalid";
      const waitMinutes =
        error instanceof TooManyAttempts ? Math.max(1, Math.ceil(error.retryAfterSeconds / 60)) : undefined;
      return { status: "failed", values, fieldErrors: {}, formError: `signIn.errors.${key}`, waitMinutes };
    }
    return { status: "idle", values, fieldErrors: {} };
  });
}

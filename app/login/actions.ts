"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn, TooManyAttempts } from "@/lib/auth/next-auth";
import { signInSchema } from "@/lib/auth/sign-in";
import { fieldErrorsOf, type FormState } from "@/lib/forms";
import { safeReturnPath } from "@/lib/auth/return-path";

export type SignInValues = { email: string; password: string; code: string };
// A throttled attempt says how long to wait (lib/auth/throttle.ts).
export type SignInState = FormState<SignInValues> & { waitMinutes?: number };

export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  // The password and the code are never sent back to the browser.
  const values = { email: String(form.get("email") ?? "").slice(0, 320) };
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
    await signIn("credentials", { ...parsed.data, redirectTo: safeReturnPath(form.get("next")) });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      const key = ["too-many-attempts", "no-second-factor", "busy"].includes(error.code)
        ? error.code
        : "invalid";
      const waitMinutes =
        error instanceof TooManyAttempts ? Math.max(1, Math.ceil(error.retryAfterSeconds / 60)) : undefined;
      return { status: "failed", values, fieldErrors: {}, formError: `signIn.errors.${key}`, waitMinutes };
    }
    if (error instanceof AuthError) {
      console.error("Sign-in failed unexpectedly", error.type);
      return { status: "failed", values, fieldErrors: {}, formError: "signIn.errors.unexpected" };
    }
    // Success arrives as a redirect, which Next.js delivers by throwing.
    throw error;
  }
  return { status: "idle", values, fieldErrors: {} };
}

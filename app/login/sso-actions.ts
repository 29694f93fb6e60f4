"use server";

// Starts single sign-on (lib/auth/oidc.ts): Auth.js sends the browser to the force's
// identity provider with PKCE, state and nonce; it comes back to /api/auth/callback/oidc.
import { signIn } from "@/lib/auth/next-auth";
import { OIDC_PROVIDER_ID } from "@/lib/auth/oidc";
import { oidcConfig } from "@/lib/auth/oidc-config";
import { safeReturnPath } from "@/lib/auth/return-path";
import { submittedForm } from "@/lib/forms";

export async function ssoSignInAction(submitted: unknown): Promise<void> {
  const form = submittedForm(submitted);
  // Off unless configured: the button is not shown then, and a forged post does nothing.
  if (!oidcConfig()) return;
  await signIn(OIDC_PROVIDER_ID, { redirectTo: safeReturnPath(form.get("next")) });
}

// "Sign in with <force IdP>", shown under the password form when single sign-on is set up
// (lib/auth/oidc-config.ts), and the reason when the IdP's answer was refused.
import { getTranslations } from "next-intl/server";
import { oidcConfig } from "@/lib/auth/oidc-config";
import { ssoSignInAction } from "./sso-actions";

const REASONS = ["no-role", "no-organisation", "disabled", "email-taken", "no-mfa", "invalid"] as const;

// `sso`: our refusal (lib/auth/oidc.ts); `error`: Auth.js's, e.g. the IdP sent an error back.
export function ssoRefusal(params: Record<string, string | string[]>): (typeof REASONS)[number] | null {
  if (!oidcConfig()) return null;
  const sso = params.sso;
  if (typeof sso === "string") return REASONS.find((r) => r === sso) ?? "invalid";
  return params.error ? "invalid" : null;
}

export async function SsoRefusal({ reason }: { reason: (typeof REASONS)[number] }) {
  const t = await getTranslations("sso");
  return (
    <div
      role="alert"
      aria-labelledby="sso-refused-title"
      className="mb-6 border-l-4 border-danger bg-panel p-3"
    >
      <h2 id="sso-refused-title" className="mb-1 font-bold">
        {t("refusedTitle")}
      </h2>
      <p>{t(`refused.${reason}`)}</p>
    </div>
  );
}

export async function SsoSignIn({ next }: { next: string }) {
  const config = oidcConfig();
  if (!config) return null;
  const t = await getTranslations("sso");
  return (
    <section aria-labelledby="sso-heading" className="mt-8 max-w-md border-t border-line pt-6">
      <h2 id="sso-heading" className="mb-3 text-lg font-bold">
        {t("or")}
      </h2>
      <form action={ssoSignInAction}>
        <input type="hidden" name="next" value={next} />
        <button type="submit" className="rounded border-2 border-brand px-5 py-2 font-bold text-brand">
          {t("button", { name: config.name })}
        </button>
      </form>
    </section>
  );
}

import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session-user";
import { SignInForm } from "./sign-in-form";
import { safeReturnPath } from "@/lib/auth/return-path";
import { SsoRefusal, SsoSignIn, ssoRefusal } from "./sso-sign-in";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("title") };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const params = await searchParams;
  const next = safeReturnPath(params.next);
  if (await getCurrentUser()) redirect(next);
  const t = await getTranslations("signIn");
  const refused = ssoRefusal(params);
  return (
    <div className="max-w-xl">
      {refused && <SsoRefusal reason={refused} />}
      {params.signedOut && (
        <p role="status" className="mb-6 border-l-4 border-brand bg-panel p-3">
          {t("signedOut")}
        </p>
      )}
      {params.expired && !params.signedOut && (
        <p role="status" className="mb-6 border-l-4 border-brand bg-panel p-3">
          {t("expired")}
        </p>
      )}
      <h1 className="mb-3 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 text-muted">{t("intro")}</p>
      <SignInForm next={next} />
      <p className="mt-6 max-w-md text-muted">{t("help")}</p>
      <SsoSignIn next={next} />
    </div>
  );
}

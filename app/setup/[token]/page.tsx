import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { setupState } from "@/lib/auth/account-credentials";
import { groupSecret, otpauthUri } from "@/lib/auth/totp";
import { choosePasswordAction, confirmEnrolmentAction } from "./actions";
import { EnrolForm, SetupPasswordForm } from "./setup-forms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("setup");
  // The address holds the link's secret: keep it out of search engines and referrers.
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

export default async function SetupPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("setup");
  const state = await setupState(token);
  if (!state) {
    return (
      <div className="max-w-xl">
        <h1 className="mb-3 text-3xl font-bold">{t("unusableTitle")}</h1>
        <p className="mb-3">{t("unusable")}</p>
        <p className="mb-6">{t("unusableNext")}</p>
        <Link href="/login" className="font-bold underline">
          {t("signInLink")}
        </Link>
      </div>
    );
  }
  const format = await getFormatter();
  return (
    <div className="max-w-2xl">
      <h1 className="mb-3 text-3xl font-bold">{t("title")}</h1>
      {state.step === "enrol" ? (
        <>
          <h2 className="mb-2 text-2xl font-bold">{t("enrolTitle")}</h2>
          <p className="mb-4">{t("enrolIntro")}</p>
          <EnrolForm
            action={confirmEnrolmentAction.bind(null, token)}
            groupedSecret={groupSecret(state.secret)}
            uri={otpauthUri(state.secret, state.email)}
          />
        </>
      ) : (
        <>
          <p className="mb-6">
            {t("introPassword", {
              expires: format.dateTime(state.expiresAt, { dateStyle: "long", timeStyle: "short" }),
            })}
          </p>
          <SetupPasswordForm action={choosePasswordAction.bind(null, token)} email={state.email} />
        </>
      )}
    </div>
  );
}

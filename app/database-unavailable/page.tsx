import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

// Shown, with status 503, for any page requested while the database is unreachable:
// proxy.ts rewrites the request here, so the address bar keeps the page the person asked
// for and "Try again" (an empty link: this same address) simply asks for it again.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("errorPage");
  return { title: t("unavailableTitle") };
}

export default async function DatabaseUnavailablePage() {
  const t = await getTranslations("errorPage");
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t("unavailableTitle")}</h1>
      <p className="mb-6 max-w-2xl">{t("unavailableBody")}</p>
      <a href="" className="rounded bg-brand px-4 py-2 font-bold text-white no-underline">
        {t("tryAgain")}
      </a>
    </>
  );
}

import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("app");
  const home = await getTranslations("errorPage");
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t("notFoundTitle")}</h1>
      <p className="mb-4">{t("notFoundBody")}</p>
      <Link href="/">{home("home")}</Link>
    </>
  );
}

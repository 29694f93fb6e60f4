import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session-user";
import { SEARCH_LIMIT } from "@/lib/people/queries";
import { PeopleSearchForm } from "./search-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("people");
  return { title: t("searchTitle") };
}

export default async function PeoplePage() {
  await requirePermission("person:read:unit");
  const t = await getTranslations("people");
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t("searchTitle")}</h1>
      <p className="mb-6 text-muted">{t("searchIntro")}</p>
      <PeopleSearchForm limit={SEARCH_LIMIT} />
    </>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session-user";
import { safeReturnPath } from "@/lib/auth/return-path";
import { ReauthForm } from "./reauth-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("reauth");
  return { title: t("title") };
}

export default async function ReauthPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const user = await requireUser();
  const next = safeReturnPath((await searchParams).next);
  const t = await getTranslations("reauth");
  return (
    <div className="max-w-xl">
      <h1 className="mb-3 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6">{t("intro")}</p>
      <ReauthForm next={next} email={user.email} />
    </div>
  );
}

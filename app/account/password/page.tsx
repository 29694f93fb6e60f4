import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session-user";
import { ChangePasswordForm } from "./change-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("accountPassword");
  return { title: t("title") };
}

export default async function ChangePasswordPage() {
  const user = await requireUser();
  const t = await getTranslations("accountPassword");
  return (
    <div className="max-w-xl">
      <h1 className="mb-3 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6">{t("intro")}</p>
      <ChangePasswordForm email={user.email} />
      <p className="mt-8">
        <Link href="/account/second-factor" className="underline">
          {t("secondFactorLink")}
        </Link>
      </p>
    </div>
  );
}

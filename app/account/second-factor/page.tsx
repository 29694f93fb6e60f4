import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session-user";
import { secondFactorSummary } from "@/lib/auth/account-credentials";
import { RegenerateCodes } from "./regenerate-codes";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("secondFactor");
  return { title: t("title") };
}

export default async function SecondFactorPage() {
  const user = await requireUser();
  const t = await getTranslations("secondFactor");
  const format = await getFormatter();
  const summary = await secondFactorSummary(user.id);
  return (
    <div className="max-w-2xl">
      <h1 className="mb-3 text-3xl font-bold">{t("title")}</h1>
      {summary.enrolledAt && (
        <p className="mb-2">
          {t("enrolled", { date: format.dateTime(summary.enrolledAt, { dateStyle: "long" }) })}
        </p>
      )}
      <p className="mb-6">{t("remaining", { count: summary.unusedRecoveryCodes })}</p>
      <p className="mb-4">{t("regenerateIntro")}</p>
      <RegenerateCodes />
      <p className="mt-8 mb-2">{t("lostPhone")}</p>
      <p>
        <Link href="/account/password" className="underline">
          {t("passwordLink")}
        </Link>
      </p>
    </div>
  );
}

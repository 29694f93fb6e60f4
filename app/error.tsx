"use client";

import Link from "next/link";
import { useTranslations } from "@/components/translations";

// Unexpected errors are logged on the server; the user sees a calm, generic message.
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("errorPage");
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-4">{t("body")}</p>
      <div className="flex gap-4">
        <button type="button" onClick={reset} className="rounded bg-brand px-4 py-2 font-bold text-white">
          {t("tryAgain")}
        </button>
        <Link href="/">{t("home")}</Link>
      </div>
    </>
  );
}

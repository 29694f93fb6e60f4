"use client";

import Link from "next/link";
import { useTranslations } from "@/components/translations";
import { useDatabaseDown } from "@/components/database-down";

// Unexpected errors are logged on the server; the user sees a calm, generic message, or the
// outage page's words when the database went away while the page was being made. "Try
// again" asks the server for the page afresh (Next.js's `retry`: a router refresh, then a
// reset); a reset alone would only draw the same failed page again.
export default function ErrorPage({ retry }: { error: Error; retry: () => void }) {
  const t = useTranslations("errorPage");
  const databaseDown = useDatabaseDown();
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{databaseDown ? t("unavailableTitle") : t("title")}</h1>
      <p className="mb-4" role="status">
        {databaseDown ? t("unavailableBody") : t("body")}
      </p>
      <div className="flex gap-4">
        <button type="button" onClick={retry} className="rounded bg-brand px-4 py-2 font-bold text-white">
          {t("tryAgain")}
        </button>
        <Link href="/">{t("home")}</Link>
      </div>
    </>
  );
}

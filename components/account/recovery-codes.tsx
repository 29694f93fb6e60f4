"use client";

import { useState } from "react";
import { useTranslations } from "@/components/translations";

// Recovery codes, shown once: a list to write down, print or copy. The heading takes focus
// so a screen reader announces the codes as soon as they appear.
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const t = useTranslations("setup.recoveryCodes");
  const [copyStatus, setCopyStatus] = useState<"" | "copied" | "copyFailed">("");
  async function copy() {
    try {
      await navigator.clipboard.writeText(codes.join("\n"));
      setCopyStatus("copied");
    } catch {
      setCopyStatus("copyFailed");
    }
  }
  return (
    <section aria-labelledby="recovery-codes-title" className="recovery-codes mb-6 border-2 border-ink p-4">
      <h2
        id="recovery-codes-title"
        tabIndex={-1}
        ref={(el) => el?.focus()}
        className="mb-2 text-xl font-bold"
      >
        {t("title")}
      </h2>
      <p className="mb-4">{t("intro")}</p>
      <ol aria-label={t("listLabel")} className="mb-4 grid max-w-md grid-cols-2 gap-2 font-mono text-lg">
        {codes.map((code) => (
          <li key={code} translate="no">
            {code}
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-3 print:hidden">
        <button
          type="button"
          onClick={() => window.print()}
          className="rounded border-2 border-ink px-4 py-1.5 font-bold"
        >
          {t("print")}
        </button>
        <button type="button" onClick={copy} className="rounded border-2 border-ink px-4 py-1.5 font-bold">
          {t("copy")}
        </button>
      </div>
      <p role="status" className="mt-2">
        {copyStatus ? t(copyStatus) : ""}
      </p>
    </section>
  );
}

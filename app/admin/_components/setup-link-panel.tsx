"use client";

import { useFormatter, useTranslations } from "@/components/translations";

// The one time a set-up link is shown: in a read-only field the administrator can select
// and copy, with when it expires. It is never put in a URL or stored in the page's data.
export function SetupLinkPanel({
  link,
  idPrefix,
}: {
  link: { url: string; expiresAt: string };
  idPrefix: string;
}) {
  const t = useTranslations("admin.setupLink");
  const format = useFormatter();
  const id = `${idPrefix}-setup-link`;
  return (
    <section aria-labelledby={`${id}-title`} className="mb-6 border-4 border-brand p-4">
      <h3 id={`${id}-title`} className="mb-2 text-lg font-bold">
        {t("title")}
      </h3>
      <p id={`${id}-hint`} className="mb-2">
        {t("intro", { expiresAt: format.dateTime(new Date(link.expiresAt), "dateTime") })}
      </p>
      <label htmlFor={id} className="mb-1 block font-bold">
        {t("label")}
      </label>
      <input
        id={id}
        readOnly
        value={link.url}
        aria-describedby={`${id}-hint`}
        onFocus={(e) => e.currentTarget.select()}
        className="block w-full border-2 border-ink px-2 py-1.5 font-mono text-sm"
        spellCheck={false}
        autoComplete="off"
      />
    </section>
  );
}

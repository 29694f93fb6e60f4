"use client";

import type { ReactNode } from "react";
import { useTranslations } from "@/components/translations";
import type { SafeguardingConcern } from "@/lib/generated/prisma/enums";

type Props = { concern: SafeguardingConcern; shown: boolean; children: ReactNode };

// What the officer must know and do about a safeguarding concern, with its referral
// questions. Kept in the page while hidden so answers survive changing the age back and
// forth; `hidden` takes it out of view and out of the accessibility tree.
export function SafeguardingPanel({ concern, shown, children }: Props) {
  const t = useTranslations("intake");
  const headingId = `panel-${concern}`;
  return (
    <section
      aria-labelledby={headingId}
      hidden={!shown}
      className="mb-6 border-l-8 border-danger bg-panel p-4"
    >
      <h2 id={headingId} className="mb-2 text-xl font-bold">
        {t(`panels.${concern}.title`)}
      </h2>
      <p className="mb-2">{t(`panels.${concern}.duty`)}</p>
      <p className="mb-2">{t(`panels.${concern}.action`)}</p>
      <p className="mb-4 font-bold">
        {t(`panels.${concern}.contact`, { contact: t("safeguardingContact") })}
      </p>
      {children}
    </section>
  );
}

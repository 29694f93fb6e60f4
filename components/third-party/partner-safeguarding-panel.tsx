"use client";

import { useTranslations } from "@/components/translations";
import type { SafeguardingConcern } from "@/lib/generated/prisma/enums";

type Props = { concern: SafeguardingConcern; shown: boolean };

// The intake's safeguarding panel (components/intake/safeguarding-panel.tsx) as a partner
// caseworker needs it: their own agency's duty, 999 in an emergency, and that the unit is
// told at once. The unit's own referral questions are not asked here. Kept in the page while
// hidden; `hidden` takes it out of view and out of the accessibility tree.
export function PartnerSafeguardingPanel({ concern, shown }: Props) {
  const t = useTranslations("thirdParty.panels");
  const headingId = `partner-panel-${concern}`;
  return (
    <section
      aria-labelledby={headingId}
      hidden={!shown}
      className="mb-6 border-l-8 border-danger bg-panel p-4"
    >
      <h3 id={headingId} className="mb-2 text-xl font-bold">
        {t(`${concern}.title`)}
      </h3>
      <p className="mb-2">{t(`${concern}.duty`)}</p>
      <p className="mb-2">{t(`${concern}.action`)}</p>
      <p className="mb-2 font-bold">{t("emergency")}</p>
      <p>{t("unitTold")}</p>
    </section>
  );
}

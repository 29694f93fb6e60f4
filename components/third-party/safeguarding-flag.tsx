import { useTranslations } from "next-intl";
import type { SafeguardingConcern } from "@/lib/generated/prisma/enums";

// The unit's flag on a partner's report that raises a safeguarding concern: words, not only
// colour, so it reads the same to a screen reader and in high contrast.
export function SafeguardingFlag({ concerns }: { concerns: readonly SafeguardingConcern[] }) {
  const t = useTranslations();
  return (
    <strong className="inline-block border-2 border-danger px-2 py-0.5 text-danger">
      {t("thirdParty.safeguardingFlag", {
        concerns: concerns.map((c) => t(`enums.SafeguardingConcern.${c}`)).join("; "),
      })}
    </strong>
  );
}

import { getTranslations } from "next-intl/server";
import { isDemoMode } from "@/lib/auth/demo-mode";

// On every page of the demo (lib/auth/demo-mode.ts), so that nobody mistakes it for a live
// system or types real information into it. A landmark of its own, read before the header.
export async function DemoBanner() {
  if (!isDemoMode()) return null;
  const t = await getTranslations("demo");
  return (
    <aside aria-label={t("label")} className="border-b border-amber-300 bg-amber-50 text-neutral-900">
      <p className="mx-auto max-w-6xl px-4 py-2 text-sm">{t("banner")}</p>
    </aside>
  );
}

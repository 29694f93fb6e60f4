"use client";

import { usePathname } from "next/navigation";
import { useTranslations } from "@/components/translations";
import type { ClientSafeState } from "@/lib/forms/use-safe-action-state";

// Beside the error summary of every form (lib/forms/use-safe-action-state.ts): after a
// lapsed session, the way to sign in again; after signing in, that the values are back.
// With a sealed copy kept in this tab, signing in happens here and the page comes back
// filled in; without one (no session cookie left), in a new tab, so this page keeps them.
export function FormRecovery({ state }: { state: ClientSafeState }) {
  const t = useTranslations("forms");
  const path = usePathname();
  if (state.status === "signed-out") {
    const href = `/login?expired=1&next=${encodeURIComponent(path)}`;
    return (
      <p className="mb-6 border-l-4 border-danger bg-panel p-4 font-bold">
        {state.kept ? (
          <a href={href}>{t("signInAgain")}</a>
        ) : (
          <a href={href} target="_blank" rel="noopener">
            {t("signInAgain")}
          </a>
        )}
      </p>
    );
  }
  if (state.restored)
    return (
      <p role="status" className="mb-6 border-l-4 border-brand bg-panel p-4">
        {t("restored")}
      </p>
    );
  return null;
}

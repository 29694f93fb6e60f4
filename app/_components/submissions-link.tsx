import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";

// The officer's way into the unit's third-party reports, with how many wait to be looked at.
export async function SubmissionsLink({ user, waiting }: { user: CurrentUser; waiting: number }) {
  if (!can(user, "submission:triage:unit")) return null;
  const t = await getTranslations("thirdParty");
  return (
    <p className="mb-8">
      <Link href="/submissions">{t("queueLink")}</Link>
      {waiting > 0 && <span> {t("waiting", { count: waiting })}</span>}
    </p>
  );
}

import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session-user";
import { can } from "@/lib/authz/scope";

// From the partner's home: report an incident for someone, and see the ones already made.
export async function ThirdPartyLinks() {
  const user = await getCurrentUser();
  if (!user) return null;
  const t = await getTranslations("thirdParty");
  return (
    <ul className="mb-6 list-disc pl-6">
      {can(user, "report:submit:third-party") && (
        <li>
          <Link href="/third-party-reports/new">{t("partnerLink")}</Link>
        </li>
      )}
      {can(user, "submission:read:own") && (
        <li>
          <Link href="/third-party-reports">{t("partnerListLink")}</Link>
        </li>
      )}
    </ul>
  );
}

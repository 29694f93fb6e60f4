import { getTranslations } from "next-intl/server";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/authz/scope";
import type { UnitReferralRow } from "@/lib/referrals/queries";
import { UnitReferrals } from "@/components/referrals/unit-referrals";

type Props = {
  user: CurrentUser;
  report: { id: string; reference: string; person: { id: string } };
  referrals: UnitReferralRow[];
  flags: Record<string, unknown>;
};

// Referrals made from this case, with the agencies' answers and updates; a new referral
// from here starts with the case chosen.
export async function CaseReferrals({ user, report, referrals, flags }: Props) {
  if (!can(user, "referral:read:unit")) return null;
  const t = await getTranslations();
  return (
    <UnitReferrals
      referrals={referrals}
      caption={t("referrals.unitCaption", { name: report.reference })}
      referHref={
        can(user, "referral:create:unit")
          ? `/people/${report.person.id}/referrals/new?report=${report.id}`
          : null
      }
      banner={flags.referral === "sent" ? t("referrals.sent") : null}
    />
  );
}

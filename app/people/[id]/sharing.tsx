import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/authz/scope";
import type { ConsentRow } from "@/lib/consent/queries";
import type { UnitReferralRow } from "@/lib/referrals/queries";
import { DataTable } from "@/components/data-table";
import { UnitReferrals } from "@/components/referrals/unit-referrals";

type Props = {
  user: CurrentUser;
  person: { id: string; workingName: string };
  consents: ConsentRow[];
  referrals: UnitReferralRow[];
  flags: { consent?: string | string[]; referral?: string | string[] };
};

// Consent to share and referrals on the person's page: what may go to which agency, what
// went, and what came back.
export async function Sharing({ user, person, consents, referrals, flags }: Props) {
  if (!can(user, "referral:read:unit")) return null;
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const date = (d: Date) => format.dateTime(d, "date");
  const mayRecord = can(user, "consent:record:unit");
  const consentBanner =
    flags.consent === "saved"
      ? t("consents.saved")
      : flags.consent === "withdrawn"
        ? t("consents.withdrawn")
        : null;
  return (
    <>
      <section aria-labelledby="consents-heading" className="mb-8">
        <h2 id="consents-heading" className="mb-2 text-xl font-bold">
          {t("consents.sectionTitle")}
        </h2>
        {consentBanner && (
          <p role="status" className="mb-4 max-w-3xl border-l-4 border-brand bg-panel p-3 font-bold">
            {consentBanner}
          </p>
        )}
        <p className="mb-3 max-w-3xl text-muted">{t("consents.sectionIntro")}</p>
        {mayRecord && (
          <p className="mb-4">
            <Link href={`/people/${person.id}/consents/new`}>{t("consents.record")}</Link>
          </p>
        )}
        {consents.length === 0 ? (
          <p>{t("consents.none")}</p>
        ) : (
          <DataTable
            caption={t("consents.caption", { name: person.workingName })}
            rows={consents}
            rowKey={(c) => c.id}
            columns={[
              { header: t("consents.agency"), rowHeader: true, cell: (c) => c.agencyName },
              {
                header: t("consents.fieldsColumn"),
                cell: (c) => c.fields.map((f) => t(`enums.ConsentField.${f}`)).join(", "),
              },
              {
                header: t("consents.given"),
                cell: (c) => `${date(c.givenAt)} (${t(`enums.ConsentMethod.${c.method}`)})`,
              },
              {
                header: t("consents.until"),
                cell: (c) => (c.expiresAt ? date(c.expiresAt) : t("consents.noExpiry")),
              },
              {
                header: t("consents.state"),
                cell: (c) =>
                  c.state === "withdrawn" && c.withdrawnAt
                    ? t("consents.states.withdrawn", { date: date(c.withdrawnAt) })
                    : t(`consents.states.${c.state}`),
              },
              {
                header: t("consents.actions"),
                cell: (c) =>
                  c.state === "live" && mayRecord ? (
                    <ul className="list-none">
                      {can(user, "referral:create:unit") && (
                        <li>
                          <Link
                            href={`/people/${person.id}/referrals/new?consent=${c.id}`}
                            aria-label={t("consents.referLabel", { agency: c.agencyName })}
                          >
                            {t("consents.refer", { agency: c.agencyName })}
                          </Link>
                        </li>
                      )}
                      <li>
                        <Link
                          href={`/people/${person.id}/consents/${c.id}/withdraw`}
                          aria-label={t("consents.withdrawLabel", { agency: c.agencyName })}
                        >
                          {t("consents.withdraw")}
                        </Link>
                      </li>
                    </ul>
                  ) : (
                    ""
                  ),
              },
            ]}
          />
        )}
      </section>
      <UnitReferrals
        referrals={referrals}
        caption={t("referrals.unitCaption", { name: person.workingName })}
        referHref={can(user, "referral:create:unit") ? `/people/${person.id}/referrals/new` : null}
        banner={flags.referral === "sent" ? t("referrals.sent") : null}
      />
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session-user";
import { requireRecentAuth } from "@/lib/auth/recent-auth";
import { can } from "@/lib/authz/scope";
import { isUuid } from "@/lib/ids";
import { getPersonForUser } from "@/lib/people/queries";
import { findConsentsForPerson } from "@/lib/consent/queries";
import { findPartnerAgencies } from "@/lib/organisations/queries";
import { CONSENT_FIELDS } from "@/lib/consent/state";
import { ReferralForm } from "./referral-form";
import { createReferralAction } from "./actions";
import { withoutRestricted } from "@/lib/reports/restriction";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{
    consent?: string | string[];
    report?: string | string[];
    override?: string | string[];
  }>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("referrals");
  return { title: t("newTitle") };
}

// A referral starts from a live consent (or, for a supervisor, a share without consent).
// Without one chosen, the page lists the live consents to refer on.
export default async function NewReferralPage({ params, searchParams }: Props) {
  const user = await requirePermission("referral:create:unit");
  const { id } = await params;
  const person = await getPersonForUser(user, id);
  if (!person) notFound();
  const query = await searchParams;
  const wanted = (value: string | string[] | undefined) =>
    typeof value === "string" && isUuid(value) ? value.toLowerCase() : null;
  const report = person.reports.find((r) => r.id === wanted(query.report)) ?? null;
  const [t, format, consents] = await Promise.all([
    getTranslations(),
    getFormatter(),
    findConsentsForPerson(user, person.id),
  ]);
  const live = consents.filter((c) => c.state === "live");
  const consent = live.find((c) => c.id === wanted(query.consent)) ?? null;
  const override = query.override === "1" && can(user, "consent:override:unit");
  const back = report ? `/reports/${report.id}` : `/people/${person.id}`;
  const withReport = report ? `&report=${report.id}` : "";
  // Sharing without consent asks for the password or a code again first (issue 9).
  if (override) await requireRecentAuth(user, `/people/${person.id}/referrals/new?override=1${withReport}`);
  const agencies = override ? await findPartnerAgencies(user) : [];
  const reports = withoutRestricted(person.reports).map((r) => ({
    id: r.id,
    label: `${r.reference}, ${format.dateTime(r.reportedAt, "date")}`,
  }));

  return (
    <>
      <Link href={back} className="mb-6 inline-block">
        {t("referrals.back")}
      </Link>
      <h1 className="mb-2 text-3xl font-bold">{t("referrals.newTitle")}</h1>
      {consent || override ? (
        <>
          <p className="mb-6 max-w-3xl text-muted">
            {consent
              ? t("referrals.newIntro", { name: person.workingName, agency: consent.agencyName })
              : t("referrals.overrideIntro", { name: person.workingName })}
          </p>
          <ReferralForm
            action={createReferralAction.bind(null, person.id)}
            cancelHref={back}
            consentId={consent?.id ?? null}
            agencies={agencies}
            allowedFields={consent ? consent.fields : [...CONSENT_FIELDS]}
            reports={reports}
            defaults={{ reportId: report?.id ?? "", officerContact: user.name }}
          />
        </>
      ) : (
        <section aria-labelledby="choose-heading" className="max-w-3xl">
          <h2 id="choose-heading" className="mb-2 text-xl font-bold">
            {t("referrals.chooseHeading")}
          </h2>
          {live.length === 0 ? (
            <p className="mb-4">{t("referrals.noLiveConsent")}</p>
          ) : (
            <ul className="mb-4 list-disc pl-6">
              {live.map((c) => (
                <li key={c.id}>
                  <Link href={`/people/${person.id}/referrals/new?consent=${c.id}${withReport}`}>
                    {t("consents.refer", { agency: c.agencyName })}
                  </Link>
                </li>
              ))}
            </ul>
          )}
          <p className="mb-4">
            <Link href={`/people/${person.id}/consents/new`}>{t("consents.record")}</Link>
          </p>
          {can(user, "consent:override:unit") && (
            <p>
              <Link href={`/people/${person.id}/referrals/new?override=1${withReport}`}>
                {t("referrals.overrideLink")}
              </Link>
            </p>
          )}
        </section>
      )}
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session-user";
import { getPersonForUser } from "@/lib/people/queries";
import { getConsentForUnit } from "@/lib/consent/queries";
import { londonWallClock } from "@/lib/time/london";
import { WithdrawForm } from "./withdraw-form";
import { withdrawConsentAction } from "./actions";

type Props = { params: Promise<{ id: string; consentId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("consents");
  return { title: t("withdrawTitle") };
}

export default async function WithdrawConsentPage({ params }: Props) {
  const user = await requirePermission("consent:record:unit");
  const { id, consentId } = await params;
  const person = await getPersonForUser(user, id);
  if (!person) notFound();
  const consent = await getConsentForUnit(user, person.id, consentId);
  if (!consent) notFound();
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const today = londonWallClock(new Date());
  const back = `/people/${person.id}`;
  return (
    <>
      <Link href={back} className="mb-6 inline-block">
        {t("consents.back")}
      </Link>
      <h1 className="mb-2 text-3xl font-bold">{t("consents.withdrawTitle")}</h1>
      {consent.withdrawnAt ? (
        <p>{t("consents.alreadyWithdrawn", { date: format.dateTime(consent.withdrawnAt, "date") })}</p>
      ) : (
        <>
          <p className="mb-6 max-w-3xl">
            {t("consents.withdrawIntro", { name: person.workingName, agency: consent.agencyName })}
          </p>
          <WithdrawForm
            action={withdrawConsentAction.bind(null, person.id, consent.id)}
            cancelHref={back}
            defaults={{
              withdrawnOnDay: String(today.day),
              withdrawnOnMonth: String(today.month),
              withdrawnOnYear: String(today.year),
            }}
          />
        </>
      )}
    </>
  );
}

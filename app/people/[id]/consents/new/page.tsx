import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session-user";
import { getPersonForUser } from "@/lib/people/queries";
import { findPartnerAgencies } from "@/lib/organisations/queries";
import { londonWallClock } from "@/lib/time/london";
import { ConsentForm } from "./consent-form";
import { recordConsentAction } from "./actions";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("consents");
  return { title: t("newTitle") };
}

export default async function NewConsentPage({ params }: Props) {
  const user = await requirePermission("consent:record:unit");
  const { id } = await params;
  const person = await getPersonForUser(user, id);
  if (!person) notFound();
  const [t, agencies] = await Promise.all([getTranslations(), findPartnerAgencies(user)]);
  // Consent is usually recorded the day it is given.
  const today = londonWallClock(new Date());
  return (
    <>
      <Link href={`/people/${person.id}`} className="mb-6 inline-block">
        {t("consents.back")}
      </Link>
      <h1 className="mb-2 text-3xl font-bold">{t("consents.newTitle")}</h1>
      <p className="mb-6 max-w-3xl text-muted">{t("consents.newIntro", { name: person.workingName })}</p>
      <ConsentForm
        action={recordConsentAction.bind(null, person.id)}
        cancelHref={`/people/${person.id}`}
        agencies={agencies}
        defaults={{
          givenOnDay: String(today.day),
          givenOnMonth: String(today.month),
          givenOnYear: String(today.year),
        }}
      />
    </>
  );
}

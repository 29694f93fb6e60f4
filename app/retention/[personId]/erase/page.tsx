import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/session-user";
import { requireRecentAuth } from "@/lib/auth/recent-auth";
import { unitScope } from "@/lib/authz/scope";
import { erasePreview } from "@/lib/retention/confirm";
import { eraseAction } from "../../actions";
import { ActionButton } from "@/components/form/action-button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("retention");
  return { title: t("eraseTitle") };
}

type Props = { params: Promise<{ personId: string }> };

// The confirmation step before erasure: what goes, what stays. Only after a password or
// code check within five minutes; the action checks again.
export default async function ConfirmErasePage({ params }: Props) {
  const user = await requirePermission("retention:review:unit");
  const unitId = unitScope(user, "retention:review:unit");
  const { personId } = await params;
  if (!unitId || !z.uuid().safeParse(personId).success) notFound();
  await requireRecentAuth(user, `/retention/${personId}/erase`);
  const person = await erasePreview(user, personId);
  if (!person) notFound();
  const t = await getTranslations("retention");
  const erased = [
    "erased.details",
    "erased.reports",
    "erased.suspects",
    "erased.contacts",
    "erased.referrals",
    "erased.risk",
  ];
  const kept = ["kept.rows", "kept.facts", "kept.audit"];
  return (
    <article className="max-w-3xl">
      <h1 className="mb-4 text-3xl font-bold">{t("eraseHeading", { name: person.workingName })}</h1>
      <p className="mb-4">
        {t("eraseCounts", {
          reports: person.reports,
          contacts: person.contacts,
          referrals: person.referrals,
        })}
      </p>
      <h2 className="mb-2 text-xl font-bold">{t("erasedTitle")}</h2>
      <ul className="mb-6 list-disc pl-6">
        {erased.map((k) => (
          <li key={k}>{t(k)}</li>
        ))}
      </ul>
      <h2 className="mb-2 text-xl font-bold">{t("keptTitle")}</h2>
      <ul className="mb-6 list-disc pl-6">
        {kept.map((k) => (
          <li key={k}>{t(k)}</li>
        ))}
      </ul>
      <p className="mb-4 font-bold">{t("eraseWarning")}</p>
      <div className="flex items-end gap-6">
        <ActionButton
          action={eraseAction.bind(null, person.id)}
          label={t("eraseConfirm")}
          className="rounded bg-brand px-5 py-2 font-bold text-white disabled:opacity-60"
        />
        <Link href="/retention" className="py-2">
          {t("cancel")}
        </Link>
      </div>
    </article>
  );
}

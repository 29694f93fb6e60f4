import type { Metadata } from "next";
import Link from "next/link";
import { randomUUID } from "node:crypto";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session-user";
import { findLinkedUnits } from "@/lib/third-party/submit";
import { PARTNER_SECTIONS, WORKING_NAME, sectionQuestions } from "@/lib/third-party/questions";
import { SubmissionWish } from "@/lib/generated/prisma/enums";
import { londonTodayIso } from "@/lib/intake/dates";
import { PartnerReportForm } from "./_components/partner-report-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("thirdParty");
  return { title: t("newTitle") };
}

export default async function NewThirdPartyReportPage() {
  const user = await requirePermission("report:submit:third-party");
  const units = await findLinkedUnits(user);
  const t = await getTranslations("thirdParty");
  return (
    <>
      <Link href="/third-party-reports" className="mb-6 inline-block">
        {t("back")}
      </Link>
      <h1 className="mb-2 text-3xl font-bold">{t("newTitle")}</h1>
      <p className="mb-6 max-w-3xl">{t("newIntro")}</p>
      {units.length === 0 ? (
        <p>{t("errors.unit")}</p>
      ) : (
        <PartnerReportForm
          sections={PARTNER_SECTIONS.map((s) => ({ id: s.id, questions: sectionQuestions(s.step, s.names) }))}
          workingName={WORKING_NAME}
          units={units}
          wishes={Object.values(SubmissionWish)}
          // One key per page view: a double click or a resend after a lost answer is one report.
          idempotencyKey={randomUUID()}
          today={londonTodayIso()}
        />
      )}
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session-user";
import { getSubmissionForAgency } from "@/lib/third-party/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("thirdParty");
  return { title: t("partnerTitle") };
}

// Where one of the agency's reports stands: its status and dates, and nothing of the
// police record behind it.
export default async function ThirdPartyReportPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("submission:read:own");
  const submission = await getSubmissionForAgency(user, (await params).id);
  if (!submission) notFound();
  const t = await getTranslations();
  const format = await getFormatter();
  const rows: [string, string][] = [
    [t("thirdParty.status"), t(`enums.SubmissionStatus.${submission.status}`)],
    [t("thirdParty.submitted"), format.dateTime(submission.submittedAt, "date")],
    [t("thirdParty.updated"), format.dateTime(submission.updatedAt, "date")],
    [t("thirdParty.wish"), t(`enums.SubmissionWish.${submission.wish}`)],
    [
      t("thirdParty.anonymity"),
      submission.anonymous ? t("thirdParty.anonymousYes") : t("thirdParty.anonymousNo"),
    ],
    [
      t("thirdParty.incidentTypes"),
      submission.incidentTypes.length
        ? submission.incidentTypes.map((i) => t(`enums.IncidentType.${i}`)).join(", ")
        : t("thirdParty.notSaid"),
    ],
  ];
  return (
    <>
      <Link href="/third-party-reports" className="mb-6 inline-block">
        {t("thirdParty.back")}
      </Link>
      <h1 className="mb-2 text-3xl font-bold">
        {t("thirdParty.detailTitle", { date: format.dateTime(submission.submittedAt, "date") })}
      </h1>
      <p className="mb-6 text-muted">{t("thirdParty.detailIntro")}</p>
      <dl className="grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
        {rows.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="font-bold">{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

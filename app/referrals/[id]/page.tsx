import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session-user";
import { can } from "@/lib/authz/scope";
import { getReferralForAgency } from "@/lib/referrals/queries";
import { UPDATE_MAX, REASON_MAX } from "@/lib/referrals/schema";
import { ReferralCloseReason } from "@/lib/generated/prisma/enums";
import { SharedDetails } from "./shared-details";
import { AnswerForm } from "./answer-form";
import { acceptAction, acknowledgeAction, closeAction, declineAction, updateAction } from "./actions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string | string[] }> };

// The title names the page, never the person.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("referrals");
  return { title: t("referralTitle") };
}

const DONE = ["accepted", "declined", "closed", "update", "erased"] as const;

export default async function AgencyReferralPage({ params, searchParams }: Props) {
  const user = await requirePermission("referral:read:agency");
  const { id } = await params;
  const referral = await getReferralForAgency(user, id);
  if (!referral) notFound();
  const [t, format, { done }] = await Promise.all([getTranslations(), getFormatter(), searchParams]);
  const banner = DONE.find((d) => d === done);
  const canAnswer = can(user, "referral:respond:agency");
  const date = (d: Date | null) => (d ? format.dateTime(d, "date") : t("referrals.notYet"));
  const withdrawn = referral.status === "WITHDRAWN";
  const facts: [string, string][] = [
    [t("referrals.status"), t(`enums.ReferralStatus.${referral.status}`)],
    [t("referrals.received"), date(referral.createdAt)],
    [t("referrals.answered"), date(referral.respondedAt)],
    [t("referrals.fromUnit"), referral.unitName],
    [t("referrals.officerContact"), referral.officerContact ?? t("referrals.notGiven")],
    ...(referral.declineReason
      ? [[t("referrals.declineReasonTerm"), referral.declineReason] as [string, string]]
      : []),
    ...(referral.closeReason
      ? [
          [
            t("referrals.closeReasonTerm"),
            t(`enums.ReferralCloseReason.${referral.closeReason}`) +
              (referral.closeNote ? `: ${referral.closeNote}` : ""),
          ] as [string, string],
        ]
      : []),
  ];

  return (
    <article>
      <Link href="/referrals" className="mb-6 inline-block">
        {t("referrals.backToList")}
      </Link>
      {banner && (
        <p role="status" className="mb-6 max-w-3xl border-l-4 border-brand bg-panel p-3 font-bold">
          {t(`referrals.done.${banner}`)}
        </p>
      )}
      <h1 className="mb-4 text-3xl font-bold">{t("referrals.referralTitle")}</h1>
      {withdrawn && (
        <section aria-labelledby="withdrawn-heading" className="mb-8 max-w-3xl border-4 border-danger p-4">
          <h2 id="withdrawn-heading" className="mb-2 text-xl font-bold">
            {t("referrals.withdrawnHeading")}
          </h2>
          <p className="mb-3">{t("referrals.withdrawnBody", { date: date(referral.withdrawnAt) })}</p>
          {referral.erasureAcknowledgedAt ? (
            <p className="font-bold">
              {t("referrals.erasureConfirmed", { date: date(referral.erasureAcknowledgedAt) })}
            </p>
          ) : (
            canAnswer && (
              <AnswerForm
                id="erase"
                heading={t("referrals.eraseHeading")}
                action={acknowledgeAction.bind(null, referral.id)}
                fields={[]}
                submitLabel={t("referrals.eraseSubmit")}
              />
            )
          )}
        </section>
      )}
      {referral.overrideBasis && (
        <p className="mb-6 max-w-3xl border-l-4 border-danger bg-panel p-3 font-bold">
          {t("referrals.sharedWithoutConsent", { basis: t(`enums.LawfulBasis.${referral.overrideBasis}`) })}
        </p>
      )}
      <dl className="mb-8 grid max-w-3xl grid-cols-[minmax(10rem,auto)_1fr] gap-x-6 gap-y-2">
        {facts.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="font-bold">{term}</dt>
            <dd className="whitespace-pre-wrap">{value}</dd>
          </div>
        ))}
      </dl>
      {!withdrawn && <SharedDetails shared={referral.shared} />}
      {!withdrawn && (
        <section aria-labelledby="updates-heading" className="mb-8 max-w-3xl">
          <h2 id="updates-heading" className="mb-2 text-xl font-bold">
            {t("referrals.updatesHeading")}
          </h2>
          {referral.updates.length === 0 ? (
            <p>{t("referrals.noUpdates")}</p>
          ) : (
            <ol className="list-none">
              {referral.updates.map((u) => (
                <li key={u.id} className="mb-2 border-l-4 border-brand pl-3">
                  <p className="text-muted">
                    {t(`enums.ReferralSide.${u.side}`)}, {format.dateTime(u.createdAt, "dateTime")}
                  </p>
                  <p className="whitespace-pre-wrap">{u.text}</p>
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
      {canAnswer && referral.status === "SENT" && (
        <>
          <AnswerForm
            id="accept"
            heading={t("referrals.acceptHeading")}
            action={acceptAction.bind(null, referral.id)}
            fields={[]}
            submitLabel={t("referrals.acceptSubmit")}
          />
          <AnswerForm
            id="decline"
            heading={t("referrals.declineHeading")}
            action={declineAction.bind(null, referral.id)}
            fields={[
              {
                kind: "text",
                name: "declineReason",
                label: t("referrals.declineReasonLabel"),
                hint: t("referrals.declineReasonHint"),
                rows: 3,
                maxLength: REASON_MAX,
              },
            ]}
            submitLabel={t("referrals.declineSubmit")}
          />
        </>
      )}
      {canAnswer && referral.status === "ACCEPTED" && (
        <AnswerForm
          id="close"
          heading={t("referrals.closeHeading")}
          action={closeAction.bind(null, referral.id)}
          fields={[
            {
              kind: "radio",
              name: "closeReason",
              legend: t("referrals.closeReasonLegend"),
              options: Object.values(ReferralCloseReason).map((r) => ({
                value: r,
                label: t(`enums.ReferralCloseReason.${r}`),
              })),
            },
            {
              kind: "text",
              name: "closeNote",
              label: t("referrals.closeNoteLabel"),
              hint: t("referrals.closeNoteHint"),
              rows: 3,
              maxLength: REASON_MAX,
            },
          ]}
          submitLabel={t("referrals.closeSubmit")}
        />
      )}
      {canAnswer && ["SENT", "ACCEPTED", "CLOSED"].includes(referral.status) && (
        <AnswerForm
          id="update"
          heading={t("referrals.addUpdateHeading")}
          action={updateAction.bind(null, referral.id)}
          fields={[
            {
              kind: "text",
              name: "text",
              label: t("referrals.updateLabel"),
              hint: t("referrals.updateHint", { max: UPDATE_MAX }),
              rows: 3,
              maxLength: UPDATE_MAX,
            },
          ]}
          submitLabel={t("referrals.updateSubmit")}
        />
      )}
    </article>
  );
}

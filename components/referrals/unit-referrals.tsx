import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { UnitReferralRow } from "@/lib/referrals/queries";
import { DataTable } from "@/components/data-table";
import { UPDATE_MAX } from "@/lib/referrals/schema";
import { unitUpdateAction } from "@/app/people/[id]/referrals/unit-update-actions";
import { UnitUpdateForm } from "./unit-update-form";

type Props = {
  referrals: UnitReferralRow[];
  caption: string;
  // Where "Refer to a partner agency" leads, or null when the user may not refer.
  referHref: string | null;
  banner?: string | null;
};

// The unit's view of its referrals: status and dates, the basis, what was shared, whether
// an agency confirmed erasure after a withdrawal, and the agency's updates.
export async function UnitReferrals({ referrals, caption, referHref, banner }: Props) {
  const t = await getTranslations();
  const format = await getFormatter();
  const date = (d: Date) => format.dateTime(d, "date");
  return (
    <section aria-labelledby="referrals-heading" className="mb-8">
      <h2 id="referrals-heading" className="mb-2 text-xl font-bold">
        {t("referrals.unitSectionTitle")}
      </h2>
      {banner && (
        <p role="status" className="mb-4 max-w-3xl border-l-4 border-brand bg-panel p-3 font-bold">
          {banner}
        </p>
      )}
      {referHref && (
        <p className="mb-4">
          <Link href={referHref}>{t("referrals.refer")}</Link>
        </p>
      )}
      {referrals.length === 0 ? (
        <p>{t("referrals.unitNone")}</p>
      ) : (
        <DataTable
          caption={caption}
          rows={referrals}
          rowKey={(r) => r.id}
          columns={[
            { header: t("referrals.agency"), rowHeader: true, cell: (r) => r.agencyName },
            { header: t("referrals.sentOn"), cell: (r) => date(r.createdAt) },
            {
              header: t("referrals.status"),
              cell: (r) => (
                <>
                  {t(`enums.ReferralStatus.${r.status}`)}
                  {r.respondedAt && <span className="block text-muted">{date(r.respondedAt)}</span>}
                  {r.overdue && (
                    <strong className="block text-danger">
                      {t("referrals.overdue", { date: date(r.dueBy) })}
                    </strong>
                  )}
                  {r.declineReason && <span className="block">{r.declineReason}</span>}
                  {r.closeReason && (
                    <span className="block">
                      {t(`enums.ReferralCloseReason.${r.closeReason}`)}
                      {r.closeNote ? `: ${r.closeNote}` : ""}
                    </span>
                  )}
                  {r.status === "WITHDRAWN" && (
                    <span className="block font-bold">
                      {r.erasureAcknowledgedAt
                        ? t("referrals.erasureAcknowledged", { date: date(r.erasureAcknowledgedAt) })
                        : t("referrals.erasurePending")}
                    </span>
                  )}
                </>
              ),
            },
            {
              header: t("referrals.basis"),
              cell: (r) =>
                r.override ? (
                  <>
                    <strong>
                      {t("referrals.sharedWithoutConsent", {
                        basis: t(`enums.LawfulBasis.${r.override.basis}`),
                      })}
                    </strong>
                    <span className="block whitespace-pre-wrap">{r.override.reason}</span>
                  </>
                ) : (
                  t("referrals.byConsent")
                ),
            },
            {
              header: t("referrals.fieldsShared"),
              cell: (r) => r.sharedFields.map((f) => t(`enums.ConsentField.${f}`)).join(", "),
            },
            {
              header: t("referrals.case"),
              cell: (r) =>
                r.report ? <Link href={`/reports/${r.report.id}`}>{r.report.reference}</Link> : "",
            },
            {
              header: t("referrals.updatesFromAgency"),
              cell: (r) => (
                <>
                  <ul className="list-none">
                    {r.updates.map((u) => (
                      <li key={u.id} className="mb-1">
                        <span className="text-muted">
                          {t(`enums.ReferralSide.${u.side}`)}, {format.dateTime(u.createdAt, "dateTime")}:
                        </span>{" "}
                        <span className="whitespace-pre-wrap">{u.text}</span>
                      </li>
                    ))}
                  </ul>
                  {/* Whoever may refer may also write to the agency; the action checks again. */}
                  {referHref && (r.status === "SENT" || r.status === "ACCEPTED") && (
                    <UnitUpdateForm
                      referralId={r.id}
                      agencyName={r.agencyName}
                      maxLength={UPDATE_MAX}
                      action={unitUpdateAction.bind(null, r.id)}
                    />
                  )}
                </>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}

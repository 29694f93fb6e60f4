import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/authz/scope";
import type { UnitAlertView } from "@/lib/alerts/queries";
import { DEFAULT_EXPIRY_DAYS } from "@/lib/alerts/schema";
import { dayParts } from "@/lib/alerts/form-values";
import { londonToday } from "@/lib/time/london";
import { AlertSheet } from "./alert-sheet";
import { StepForm } from "./step-form";
import { builtFromText } from "./built-from";
import { approveAlertAction, returnAlertAction, submitAlertAction, withdrawAlertAction } from "../actions";

const DONE = ["created", "updated", "submitted", "approved", "returned", "withdrawn"];

type Props = { user: CurrentUser; alert: UnitAlertView; done: string | null; now: Date };

// The unit's page for one alert: its state and history, what it was built from, the sheet
// as partners will see it, and the next steps this user may take.
export async function UnitAlert({ user, alert, done, now }: Props) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const date = (d: Date | null) => (d ? format.dateTime(d, "date") : t("alerts.notGiven"));
  const drafting = can(user, "alert:draft:unit");
  const approving = can(user, "alert:approve:unit");
  const editable = drafting && (alert.status === "DRAFT" || alert.status === "RETURNED");
  const own = alert.createdById === user.id;
  const expiry = dayParts(new Date(londonToday(now).getTime() + DEFAULT_EXPIRY_DAYS * 86_400_000));
  const status = alert.expired ? t("alerts.expiredStatus") : t(`enums.AlertStatus.${alert.status}`);
  const facts: [string, string][] = [
    [t("alerts.status"), status],
    [t("alerts.sentTo"), alert.recipients.map((r) => r.name).join(", ") || t("alerts.notGiven")],
    [t("alerts.createdBy"), alert.createdByName ?? t("alerts.notGiven")],
    ...(alert.approvedAt
      ? ([
          [t("alerts.approvedBy"), alert.approvedByName ?? t("alerts.notGiven")],
          [t("alerts.approvedOn"), date(alert.approvedAt)],
          [t("alerts.expiresOn"), date(alert.expiresAt)],
        ] as [string, string][])
      : []),
    ...(alert.status === "RETURNED" && alert.returnedReason
      ? ([[t("alerts.returnedBecause"), alert.returnedReason]] as [string, string][])
      : []),
    ...(alert.status === "WITHDRAWN"
      ? ([
          [t("alerts.withdrawnOn"), date(alert.withdrawnAt)],
          [t("alerts.withdrawnBecause"), alert.withdrawnReason ?? t("alerts.notGiven")],
        ] as [string, string][])
      : []),
  ];
  const builtFrom = builtFromText(alert.sources, t);
  return (
    <div>
      <Link href="/alerts" className="mb-6 inline-block">
        {t("alerts.backToList")}
      </Link>
      {done && DONE.includes(done) && (
        <p role="status" className="mb-6 max-w-3xl border-l-4 border-brand bg-panel p-3 font-bold">
          {t(`alerts.done.${done}`)}
        </p>
      )}
      <dl className="mb-6 grid max-w-3xl grid-cols-[minmax(10rem,auto)_1fr] gap-x-6 gap-y-2">
        {facts.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="font-bold">{term}</dt>
            <dd className="whitespace-pre-wrap">{value}</dd>
          </div>
        ))}
      </dl>
      {editable && (
        <p className="mb-6">
          <Link href={`/alerts/${alert.id}/edit`}>{t("alerts.edit")}</Link>
        </p>
      )}
      <AlertSheet alert={alert} printable={false} />
      <section aria-labelledby="built-heading" className="my-8 max-w-3xl">
        <h2 id="built-heading" className="mb-2 text-xl font-bold">
          {t("alerts.builtFromHeading")}
        </h2>
        <ul className="mb-3 flex flex-wrap gap-4">
          {alert.sourceReports.map((r) => (
            <li key={r.id}>
              <Link href={`/reports/${r.id}`}>{r.reference}</Link>
            </li>
          ))}
        </ul>
        <dl className="grid grid-cols-[minmax(10rem,auto)_1fr] gap-x-6 gap-y-1">
          {(
            [
              "description",
              "vehicles",
              "phoneNumbers",
              "onlineHandles",
              "area",
              "whatHappened",
              "period",
            ] as const
          ).map((part) => (
            <div key={part} className="contents">
              <dt className="font-bold">{t(`alerts.part.${part}`)}</dt>
              <dd>{builtFrom[part] ?? t("alerts.builtFromNothing")}</dd>
            </div>
          ))}
        </dl>
      </section>
      {editable && (
        <StepForm
          id="submit"
          heading={t("alerts.submitHeading")}
          body={t("alerts.submitBody")}
          action={submitAlertAction.bind(null, alert.id)}
          submitLabel={t("alerts.submitButton")}
        />
      )}
      {approving && alert.status === "AWAITING_APPROVAL" && (
        <>
          {own ? (
            <p className="mb-8 max-w-3xl border-l-4 border-brand bg-panel p-3">{t("alerts.ownAlertNote")}</p>
          ) : (
            <StepForm
              id="approve"
              heading={t("alerts.approveHeading")}
              body={t("alerts.approveBody")}
              action={approveAlertAction.bind(null, alert.id)}
              field={{ kind: "expires", ...expiry }}
              submitLabel={t("alerts.approveButton")}
            />
          )}
          <StepForm
            id="return"
            heading={t("alerts.returnHeading")}
            action={returnAlertAction.bind(null, alert.id)}
            field={{ kind: "reason", hint: t("alerts.returnHint") }}
            submitLabel={t("alerts.returnButton")}
          />
        </>
      )}
      {drafting && alert.status !== "WITHDRAWN" && (
        <StepForm
          id="withdraw"
          heading={t("alerts.withdrawHeading")}
          action={withdrawAlertAction.bind(null, alert.id)}
          field={{ kind: "reason", hint: t("alerts.withdrawHint") }}
          submitLabel={t("alerts.withdrawButton")}
        />
      )}
    </div>
  );
}

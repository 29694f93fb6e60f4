import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { AlertSheet as Sheet } from "@/lib/alerts/queries";
import { PrintButton } from "./print-button";

type Props = { alert: Sheet; printable: boolean };

// The alert as partners read and print it: large type, one column, only what the unit
// approved for them to see.
export async function AlertSheet({ alert, printable }: Props) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const day = (d: Date | null) => (d ? format.dateTime(d, "date") : t("alerts.notGiven"));
  const period =
    alert.periodFrom || alert.periodTo
      ? [...new Set([alert.periodFrom, alert.periodTo].map(day))].join(" – ")
      : t("alerts.notGiven");
  const parts: [string, string | null][] = [
    [t("alerts.part.description"), alert.description],
    [t("alerts.part.vehicles"), alert.vehicles],
    [t("alerts.part.phoneNumbers"), alert.phoneNumbers],
    [t("alerts.part.onlineHandles"), alert.onlineHandles],
    [t("alerts.part.area"), alert.area],
    [t("alerts.part.whatHappened"), alert.whatHappened],
    [t("alerts.part.period"), period],
  ];
  return (
    <article className="alert-sheet max-w-3xl text-lg">
      {printable && (
        <div className="no-print mb-6 flex flex-wrap items-center gap-6">
          <Link href="/referrals">{t("referrals.title")}</Link>
          <PrintButton label={t("alerts.print")} />
        </div>
      )}
      <p className="mb-1 font-bold uppercase tracking-wide">{t("alerts.viewTitle")}</p>
      <h1 className="mb-2 text-4xl font-bold">{alert.title}</h1>
      <p className="mb-6">
        {t("alerts.sheetFrom", { unit: alert.unitName })}.{" "}
        {alert.approvedAt &&
          alert.expiresAt &&
          t("alerts.sheetValid", { issued: day(alert.approvedAt), expires: day(alert.expiresAt) })}
      </p>
      {parts
        .filter((p): p is [string, string] => Boolean(p[1]))
        .map(([heading, text]) => (
          <section key={heading} className="mb-5 border-l-8 border-ink pl-4">
            <h2 className="text-2xl font-bold">{heading}</h2>
            <p className="whitespace-pre-wrap text-xl">{text}</p>
          </section>
        ))}
      <p className="mt-8 border-4 border-ink p-4 font-bold">{t("alerts.sheetUse")}</p>
    </article>
  );
}

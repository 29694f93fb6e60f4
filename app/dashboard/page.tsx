import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session-user";
import { getHeadlineForUnit } from "@/lib/dashboard/headline";
import { GWENT_BASELINE } from "@/lib/dashboard/rates";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dashboard");
  return { title: t("title") };
}

export default async function DashboardPage() {
  const user = await requirePermission("dashboard:read:unit");
  const headline = await getHeadlineForUnit(user);
  if (!headline) notFound();
  const t = await getTranslations("dashboard");
  const format = await getFormatter();
  const percent = (r: number | null) =>
    r === null ? t("noReports") : format.number(r, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const rows = [
    { label: t("received"), count: headline.received, rate: null, definition: null },
    { label: t("charged"), count: headline.charged, rate: headline.chargeRate, definition: t("chargedDefinition") },
    { label: t("convicted"), count: headline.convicted, rate: headline.convictionRate, definition: t("convictedDefinition") },
  ];
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 font-bold text-danger">{t("notForPublication")}</p>
      <table className="mb-4 w-full max-w-3xl border-collapse text-left">
        <caption className="mb-2 text-left font-bold">{t("figuresCaption")}</caption>
        <thead>
          <tr>
            <th scope="col" className="border-b-2 border-ink px-2 py-2">{t("measure")}</th>
            <th scope="col" className="border-b-2 border-ink px-2 py-2">{t("count")}</th>
            <th scope="col" className="border-b-2 border-ink px-2 py-2">{t("rate")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label} className="border-b border-line align-top">
              <th scope="row" className="px-2 py-2">
                {r.label}
                {r.definition && <span className="block text-sm font-normal text-muted">{r.definition}</span>}
              </th>
              <td className="px-2 py-2">{format.number(r.count)}</td>
              <td className="px-2 py-2">{r.definition ? percent(r.rate) : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-muted">
        {t("baseline", {
          received: GWENT_BASELINE.received,
          charge: percent(GWENT_BASELINE.chargeRate),
          conviction: percent(GWENT_BASELINE.convictionRate),
        })}
      </p>
    </>
  );
}

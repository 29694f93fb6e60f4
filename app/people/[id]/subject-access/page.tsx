import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/session-user";
import { requireRecentAuth } from "@/lib/auth/recent-auth";
import {
  subjectAccessExport,
  SubjectAccessRefused,
  type SubjectAccessExport,
} from "@/lib/subject-access/export";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("subjectAccess");
  return { title: t("title") };
}

type Props = { params: Promise<{ id: string }> };

type Value = string | number | boolean | null | undefined | readonly unknown[] | object;

function show(value: Value, none: string): string {
  if (value === null || value === undefined || value === "") return none;
  if (Array.isArray(value)) return value.length ? value.join(", ") : none;
  if (typeof value === "object") return JSON.stringify(value, null, 2);
  return String(value);
}

// Field names as words ("workingName" → "Working name"): the export's keys, readable in print.
function words(key: string): string {
  const spaced = key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

function Facts({ record, none }: { record: Record<string, unknown>; none: string }) {
  const rows = Object.entries(record).filter(([, v]) => !Array.isArray(v) || typeof v[0] !== "object");
  return (
    <dl className="mb-4 grid grid-cols-[minmax(12rem,auto)_1fr] gap-x-6 gap-y-1 break-inside-avoid">
      {rows.map(([key, value]) => (
        <div key={key} className="contents">
          <dt className="font-bold">{words(key)}</dt>
          <dd className="whitespace-pre-wrap">{show(value as Value, none)}</dd>
        </div>
      ))}
    </dl>
  );
}

function Section({ title, items, none }: { title: string; items: Record<string, unknown>[]; none: string }) {
  return (
    <section className="mb-8 break-inside-avoid-page">
      <h2 className="mb-2 text-xl font-bold">{title}</h2>
      {items.length === 0 ? (
        <p>{none}</p>
      ) : (
        items.map((item, i) => (
          <div key={i} className="mb-4 border-l-4 border-ink pl-4">
            <Facts record={item} none={none} />
          </div>
        ))
      )}
    </section>
  );
}

// Subject access: the printable copy of everything held about one person, for a
// supervisor to check and release. Print hides the site's header and the download link.
export default async function SubjectAccessPage({ params }: Props) {
  const user = await requirePermission("retention:review:unit");
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  await requireRecentAuth(user, `/people/${id.data}/subject-access`);
  let data: SubjectAccessExport;
  try {
    data = await subjectAccessExport(user, id.data, "html");
  } catch (error) {
    if (error instanceof SubjectAccessRefused) notFound();
    throw error;
  }
  const t = await getTranslations("subjectAccess");
  const none = t("none");
  return (
    <article className="max-w-4xl print:max-w-none print:text-sm">
      {/* The print stylesheet (app/globals.css, @media print) hides the menu and .no-print;
          sections avoid breaking across pages. */}
      <h1 className="mb-2 text-3xl font-bold">{t("heading", { name: data.person.workingName })}</h1>
      <p className="mb-2">{t("generated", { at: data.generatedAt })}</p>
      <p className="mb-4 max-w-3xl">{t("withheldIntro")}</p>
      <ul className="mb-6 list-disc pl-6">
        {data.withheld.map((w) => (
          <li key={w}>{t(`withheld.${w}`)}</li>
        ))}
      </ul>
      <p className="no-print mb-8">
        <a href={`/api/people/${id.data}/subject-access`} download>
          {t("download")}
        </a>
      </p>
      <section className="mb-8">
        <h2 className="mb-2 text-xl font-bold">{t("person")}</h2>
        <Facts record={data.person} none={none} />
      </section>
      <section className="mb-8">
        <h2 className="mb-2 text-xl font-bold">{t("reports")}</h2>
        {data.reports.length === 0 && <p>{none}</p>}
        {data.reports.map((r) => (
          <div key={r.reference} className="mb-6 border-l-4 border-ink pl-4">
            <h3 className="mb-2 text-lg font-bold">{r.reference}</h3>
            <Facts record={r} none={none} />
            <Section title={t("outcomes")} items={r.outcomes} none={none} />
            <Section title={t("victimsCode")} items={r.victimsCodeUpdates} none={none} />
            <Section title={t("risk")} items={r.riskAssessments} none={none} />
            <Section title={t("safeguarding")} items={r.safeguarding} none={none} />
          </div>
        ))}
      </section>
      <Section title={t("contacts")} items={data.contacts} none={none} />
      <Section title={t("consents")} items={data.consents} none={none} />
      <Section title={t("referrals")} items={data.referrals} none={none} />
    </article>
  );
}

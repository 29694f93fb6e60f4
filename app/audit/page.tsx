import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session-user";
import {
  auditActors,
  AUDIT_KINDS,
  parseAuditFilters,
  searchAudit,
  type AuditFilters,
} from "@/lib/audit/search";
import { can } from "@/lib/authz/scope";
import { DataTable } from "@/components/data-table";
import { Pagination } from "@/components/pagination";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auditLog");
  return { title: t("title") };
}

const FIELD = "block w-full max-w-xs border-2 border-ink bg-white px-2 py-1.5";

// The search's own parameters, for the pager and the export link: identifiers and fixed
// choices only, so nothing personal is ever in this page's address.
function paramsOf(f: AuditFilters): Record<string, string | undefined> {
  return {
    kind: f.kind === "all" ? undefined : f.kind,
    actor: f.actor,
    person: f.person,
    report: f.report,
    from: f.from,
    to: f.to,
  };
}

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  // Refused attempts are recorded by searchAudit before the page says "not found".
  const filters = parseAuditFilters(await searchParams);
  const allowed = can(user, "audit:read:unit") || can(user, "audit:read:all");
  const found = await searchAudit(user, filters);
  if (!found || !allowed) notFound();
  const actors = await auditActors(user);
  const t = await getTranslations();
  const format = await getFormatter();
  const keep = paramsOf(filters);
  const exportQuery = new URLSearchParams(
    Object.entries(keep).filter((e): e is [string, string] => Boolean(e[1])),
  ).toString();
  const record = filters.person
    ? { type: "person", id: filters.person }
    : filters.report
      ? { type: "report", id: filters.report }
      : null;
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t("auditLog.title")}</h1>
      <p className="mb-6 max-w-3xl text-muted">
        {can(user, "audit:read:all") ? t("auditLog.introAll") : t("auditLog.introUnit")}
      </p>
      <form
        method="get"
        action="/audit"
        className="mb-8 border-2 border-line p-4"
        aria-labelledby="audit-filters"
      >
        <h2 id="audit-filters" className="mb-3 text-xl font-bold">
          {t("auditLog.filters")}
        </h2>
        {filters.person && <input type="hidden" name="person" value={filters.person} />}
        {filters.report && <input type="hidden" name="report" value={filters.report} />}
        {record && <p className="mb-3">{t("auditLog.aboutRecord", record)}</p>}
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <div>
            <label htmlFor="audit-kind" className="mb-1 block font-bold">
              {t("auditLog.kind")}
            </label>
            <select id="audit-kind" name="kind" defaultValue={filters.kind} className={FIELD}>
              {AUDIT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`auditLog.kinds.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="audit-actor" className="mb-1 block font-bold">
              {t("auditLog.actor")}
            </label>
            <select id="audit-actor" name="actor" defaultValue={filters.actor ?? ""} className={FIELD}>
              <option value="">{t("auditLog.anyone")}</option>
              {actors.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name} ({t(`roles.${a.role}`)})
                </option>
              ))}
            </select>
          </div>
          {(["from", "to"] as const).map((key) => (
            <div key={key}>
              <label htmlFor={`audit-${key}`} className="mb-1 block font-bold">
                {t(`auditLog.${key}`)}
              </label>
              <input
                id={`audit-${key}`}
                name={key}
                type="date"
                defaultValue={filters[key]}
                className="border-2 border-ink px-2 py-1"
              />
            </div>
          ))}
        </div>
        <div className="mt-4 flex flex-wrap items-center gap-4">
          <button type="submit" className="bg-brand px-4 py-2 font-bold text-white">
            {t("auditLog.search")}
          </button>
          <Link href="/audit">{t("auditLog.clear")}</Link>
        </div>
      </form>
      {found.total === 0 ? (
        <p>{t("auditLog.none")}</p>
      ) : (
        <>
          <p className="mb-4">
            <a href={`/api/audit/export${exportQuery ? `?${exportQuery}` : ""}`} download>
              {t("auditLog.export")}
            </a>
          </p>
          <DataTable
            caption={t("auditLog.caption", { total: found.total })}
            rows={found.rows}
            rowKey={(r) => r.seq}
            columns={[
              {
                header: t("auditLog.at"),
                rowHeader: true,
                cell: (r) => format.dateTime(r.at, { dateStyle: "medium", timeStyle: "medium" }),
              },
              {
                header: t("auditLog.who"),
                cell: (r) =>
                  r.actorId ? (
                    <>
                      {r.actorName ?? r.actorId.slice(0, 8)}
                      {r.actorRole && (
                        <span className="block text-sm text-muted">{t(`roles.${r.actorRole}`)}</span>
                      )}
                    </>
                  ) : (
                    t("auditLog.unknownActor")
                  ),
              },
              { header: t("auditLog.action"), cell: (r) => <code>{r.action}</code> },
              {
                header: t("auditLog.record"),
                cell: (r) =>
                  r.reportReference ? (
                    <Link href={`/reports/${r.recordId}`}>{r.reportReference}</Link>
                  ) : r.recordType ? (
                    <>
                      {r.recordType} <code>{r.recordId?.slice(0, 8) ?? ""}</code>
                    </>
                  ) : (
                    t("auditLog.noValue")
                  ),
              },
              { header: t("auditLog.outcome"), cell: (r) => t(`auditLog.outcomes.${r.outcome}`) },
              {
                header: t("auditLog.session"),
                cell: (r) => <code>{r.sessionId?.slice(0, 8) ?? t("auditLog.noValue")}</code>,
              },
              { header: t("auditLog.address"), cell: (r) => r.clientAddress ?? t("auditLog.noValue") },
            ]}
          />
          <Pagination path="/audit" page={found.page} pageCount={found.pageCount} keep={keep} />
        </>
      )}
    </>
  );
}

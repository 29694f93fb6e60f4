import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session-user";
import { roleHas } from "@/lib/authz/permissions";
import { findUsers } from "@/lib/users/queries";
import { findOrganisations } from "@/lib/organisations/queries";
import { userFilterSchema } from "@/lib/accounts/schema";
import { pageNumberSchema } from "@/lib/pagination";
import { DataTable } from "@/components/data-table";
import { Role } from "@/lib/generated/prisma/enums";

type Props = { searchParams: Promise<{ page?: string; organisation?: string; role?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.users");
  return { title: t("title") };
}

// The filters are identifiers (an organisation's id, a role), so they may sit in the URL:
// no name or address ever does.
export default async function UsersPage({ searchParams }: Props) {
  const user = await requirePermission("user:read:all");
  const params = await searchParams;
  const page = pageNumberSchema.parse(params.page);
  const filter = userFilterSchema.parse({ organisation: params.organisation, role: params.role });
  const [users, organisations] = await Promise.all([findUsers(user, page, filter), findOrganisations(user)]);
  const t = await getTranslations();
  const query = (p: number) => {
    const q = new URLSearchParams();
    if (filter.organisation) q.set("organisation", filter.organisation);
    if (filter.role) q.set("role", filter.role);
    q.set("page", String(p));
    return `/admin/users?${q.toString()}`;
  };
  return (
    <>
      <Link href="/admin" className="mb-6 inline-block">
        {t("admin.backToAdmin")}
      </Link>
      <h1 className="mb-2 text-3xl font-bold">{t("admin.users.title")}</h1>
      <p className="mb-6 text-muted">{t("admin.users.intro")}</p>
      {roleHas(user.role, "user:manage:all") && (
        <p className="mb-6">
          <Link href="/admin/users/new" className="font-bold">
            {t("admin.createUserLink")}
          </Link>
        </p>
      )}
      <form method="get" action="/admin/users" className="mb-8 flex flex-wrap items-end gap-4 bg-panel p-4">
        <h2 className="sr-only">{t("admin.users.filtersTitle")}</h2>
        <div>
          <label htmlFor="filter-organisation" className="mb-1 block font-bold">
            {t("admin.users.organisationFilter")}
          </label>
          <select
            id="filter-organisation"
            name="organisation"
            defaultValue={filter.organisation ?? ""}
            className="border-2 border-ink bg-white px-2 py-1.5"
          >
            <option value="">{t("admin.users.any")}</option>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-role" className="mb-1 block font-bold">
            {t("admin.users.roleFilter")}
          </label>
          <select
            id="filter-role"
            name="role"
            defaultValue={filter.role ?? ""}
            className="border-2 border-ink bg-white px-2 py-1.5"
          >
            <option value="">{t("admin.users.any")}</option>
            {Object.values(Role).map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded bg-brand px-4 py-2 font-bold text-white">
          {t("admin.users.applyFilters")}
        </button>
        {(filter.organisation || filter.role) && (
          <Link href="/admin/users">{t("admin.users.clearFilters")}</Link>
        )}
      </form>
      {users.total === 0 ? (
        <p>{t("admin.users.none")}</p>
      ) : (
        <DataTable
          caption={t("admin.users.tableCaption", { total: users.total })}
          rows={users.rows}
          rowKey={(u) => u.id}
          columns={[
            {
              header: t("admin.users.name"),
              rowHeader: true,
              cell: (u) => <Link href={`/admin/users/${u.id}`}>{u.name}</Link>,
            },
            { header: t("admin.users.email"), cell: (u) => u.email },
            { header: t("admin.users.role"), cell: (u) => t(`roles.${u.role}`) },
            { header: t("admin.users.organisation"), cell: (u) => u.organisationName },
            {
              header: t("admin.users.state"),
              cell: (u) => (u.disabled ? t("admin.users.disabled") : t("admin.users.active")),
            },
          ]}
        />
      )}
      {users.pageCount > 1 && (
        <nav aria-label={t("pagination.label")} className="mt-4 flex items-center gap-4">
          {users.page > 1 && (
            <Link href={query(users.page - 1)} rel="prev">
              {t("pagination.previous")}
            </Link>
          )}
          <p aria-current="page">
            {t("pagination.status", { page: users.page, pageCount: users.pageCount })}
          </p>
          {users.page < users.pageCount && (
            <Link href={query(users.page + 1)} rel="next">
              {t("pagination.next")}
            </Link>
          )}
        </nav>
      )}
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session-user";
import { findOrganisations } from "@/lib/organisations/queries";
import { DataTable } from "@/components/data-table";
import { OrganisationForm } from "./organisation-form";
import { createOrganisationAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.organisations");
  return { title: t("title") };
}

export default async function OrganisationsPage() {
  const user = await requirePermission("organisation:manage:all");
  const t = await getTranslations("admin");
  const organisations = await findOrganisations(user);
  const forces = organisations.filter((o) => o.kind === "POLICE_FORCE" && o.active);
  return (
    <>
      <Link href="/admin" className="mb-6 inline-block">
        {t("backToAdmin")}
      </Link>
      <h1 className="mb-2 text-3xl font-bold">{t("organisations.title")}</h1>
      <p className="mb-6 text-muted">{t("organisations.intro")}</p>
      <DataTable
        caption={t("organisations.tableCaption", { count: organisations.length })}
        rows={organisations}
        rowKey={(o) => o.id}
        columns={[
          {
            header: t("organisations.name"),
            rowHeader: true,
            cell: (o) => <Link href={`/admin/organisations/${o.id}`}>{o.name}</Link>,
          },
          { header: t("organisations.kind"), cell: (o) => t(`kinds.${o.kind}`) },
          { header: t("organisations.parent"), cell: (o) => o.parentName ?? t("organisations.none") },
          {
            header: t("organisations.state"),
            cell: (o) => (o.active ? t("organisations.active") : t("organisations.deactivated")),
          },
          { header: t("organisations.activeUsers"), cell: (o) => o.activeUsers },
        ]}
      />
      <section aria-labelledby="add-organisation" className="mt-10">
        <h2 id="add-organisation" className="mb-4 text-2xl font-bold">
          {t("organisations.addTitle")}
        </h2>
        <OrganisationForm
          action={createOrganisationAction}
          forces={forces.map((f) => ({ id: f.id, name: f.name }))}
        />
      </section>
    </>
  );
}

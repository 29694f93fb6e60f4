import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session-user";
import { getOrganisation } from "@/lib/organisations/queries";
import { ActionButton } from "../../_components/action-button";
import { RenameForm } from "./rename-form";
import {
  deactivateOrganisationAction,
  reactivateOrganisationAction,
  renameOrganisationAction,
} from "../actions";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.organisations");
  return { title: t("title") };
}

export default async function OrganisationPage({ params }: Props) {
  const user = await requirePermission("organisation:manage:all");
  const { id } = await params;
  const organisation = await getOrganisation(user, id);
  if (!organisation) notFound();
  const t = await getTranslations("admin");
  return (
    <>
      <Link href="/admin/organisations" className="mb-6 inline-block">
        {t("organisations.back")}
      </Link>
      <h1 className="mb-2 text-3xl font-bold">{organisation.name}</h1>
      <dl className="mb-8 grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-1">
        <dt className="font-bold">{t("organisations.kind")}</dt>
        <dd>{t(`kinds.${organisation.kind}`)}</dd>
        <dt className="font-bold">{t("organisations.parent")}</dt>
        <dd>{organisation.parentName ?? t("organisations.none")}</dd>
        <dt className="font-bold">{t("organisations.state")}</dt>
        <dd>{organisation.active ? t("organisations.active") : t("organisations.deactivated")}</dd>
        <dt className="font-bold">{t("organisations.activeUsers")}</dt>
        <dd>
          <Link href={`/admin/users?organisation=${organisation.id}`}>
            {organisation.activeUsers} <span className="sr-only">({t("organisations.usersInIt")})</span>
          </Link>
        </dd>
      </dl>
      <section aria-labelledby="rename" className="mb-10">
        <h2 id="rename" className="mb-4 text-2xl font-bold">
          {t("organisations.renameTitle")}
        </h2>
        <RenameForm action={renameOrganisationAction.bind(null, organisation.id)} name={organisation.name} />
      </section>
      <section aria-labelledby="state">
        <h2 id="state" className="mb-4 text-2xl font-bold">
          {t("organisations.stateTitle")}
        </h2>
        <p className="mb-4 max-w-3xl">{t("organisations.deactivateExplain")}</p>
        {organisation.active ? (
          <ActionButton
            action={deactivateOrganisationAction.bind(null, organisation.id)}
            formId="deactivate-organisation"
            label={t("organisations.deactivate")}
            pendingLabel={t("organisations.deactivating")}
            danger
          />
        ) : (
          <ActionButton
            action={reactivateOrganisationAction.bind(null, organisation.id)}
            formId="reactivate-organisation"
            label={t("organisations.reactivate")}
            pendingLabel={t("organisations.reactivating")}
          />
        )}
      </section>
    </>
  );
}

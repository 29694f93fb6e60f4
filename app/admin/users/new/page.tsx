import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session-user";
import { findOrganisations } from "@/lib/organisations/queries";
import { Role } from "@/lib/generated/prisma/enums";
import { CreateUserForm } from "./create-user-form";
import { createUserAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.newUser");
  return { title: t("title") };
}

export default async function NewUserPage() {
  const user = await requirePermission("user:manage:all");
  const t = await getTranslations("admin");
  const organisations = (await findOrganisations(user)).filter((o) => o.active);
  return (
    <>
      <Link href="/admin/users" className="mb-6 inline-block">
        {t("user.back")}
      </Link>
      <h1 className="mb-2 text-3xl font-bold">{t("newUser.title")}</h1>
      <p className="mb-6 max-w-3xl text-muted">{t("newUser.intro")}</p>
      <CreateUserForm
        action={createUserAction}
        organisations={organisations.map((o) => ({ id: o.id, label: `${o.name} (${t(`kinds.${o.kind}`)})` }))}
        roles={Object.values(Role)}
      />
    </>
  );
}

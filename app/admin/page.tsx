import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session-user";
import { roleHas } from "@/lib/authz/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("title") };
}

// The administrator's home: where organisations, accounts and sessions are managed.
export default async function AdminPage() {
  const user = await requirePermission("user:read:all");
  const organisations = roleHas(user.role, "organisation:manage:all");
  const t = await getTranslations("admin");
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 text-muted">{t("intro")}</p>
      <ul className="grid gap-4">
        {organisations && (
          <li>
            <Link href="/admin/organisations" className="text-xl font-bold">
              {t("organisationsLink")}
            </Link>
            <p className="text-muted">{t("organisations.intro")}</p>
          </li>
        )}
        <li>
          <Link href="/admin/users" className="text-xl font-bold">
            {t("usersLink")}
          </Link>
          <p className="text-muted">{t("users.intro")}</p>
        </li>
        {roleHas(user.role, "user:manage:all") && (
          <li>
            <Link href="/admin/users/new" className="text-xl font-bold">
              {t("createUserLink")}
            </Link>
            <p className="text-muted">{t("newUser.intro")}</p>
          </li>
        )}
      </ul>
    </>
  );
}

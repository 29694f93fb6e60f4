import Link from "next/link";
import { unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session-user";
import { roleHas } from "@/lib/authz/permissions";

export async function SiteHeader() {
  const t = await getTranslations();
  // With the database unreachable the header still renders (without the menu), so the
  // outage page and error pages keep the app's layout.
  // Next.js's own signals (such as "this page is dynamic") still pass through.
  const user = await getCurrentUser().catch((error: unknown) => {
    unstable_rethrow(error);
    return null;
  });
  const links = user
    ? [
        { href: "/", label: t("nav.home"), show: user.role !== "PARTNER" },
        { href: "/reports/new", label: t("nav.newReport"), show: roleHas(user.role, "report:create:unit") },
        { href: "/reports/drafts", label: t("nav.drafts"), show: roleHas(user.role, "draft:manage:own") },
        { href: "/people", label: t("people.nav"), show: roleHas(user.role, "person:read:unit") },
        { href: "/referrals", label: t("nav.referrals"), show: roleHas(user.role, "referral:read:agency") },
        { href: "/alerts", label: t("alerts.nav"), show: roleHas(user.role, "alert:read:unit") },
        {
          href: "/third-party-reports",
          label: t("thirdParty.nav"),
          show: roleHas(user.role, "submission:read:own"),
        },
        {
          href: "/submissions",
          label: t("thirdParty.nav"),
          show: roleHas(user.role, "submission:triage:unit"),
        },
        {
          href: "/dashboard",
          label: t("nav.dashboard"),
          show: roleHas(user.role, "dashboard:read:unit") || roleHas(user.role, "dashboard:read:own"),
        },
        {
          href: "/retention",
          label: t("retention.nav"),
          show: roleHas(user.role, "retention:review:unit"),
        },
        {
          href: "/audit",
          label: t("auditLog.nav"),
          show: roleHas(user.role, "audit:read:unit") || roleHas(user.role, "audit:read:all"),
        },
      ].filter((l) => l.show)
    : [];
  return (
    <header className="bg-brand text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-xl font-bold text-white no-underline">
          {t("app.name")}
        </Link>
        {user && (
          <>
            <nav aria-label={t("app.mainNavigation")} className="flex-1">
              <ul className="flex gap-4">
                {links.map((l) => (
                  <li key={l.href}>
                    <Link href={l.href} className="text-white">
                      {l.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
            <p className="text-sm">
              {t("app.signedInAs", { name: user.name, role: t(`roles.${user.role}`) })}
            </p>
            <Link href="/account/password" className="text-sm text-white">
              {t("app.account")}
            </Link>
            {/* A plain post to a route handler, which can tell the browser to clear the site's data. */}
            <form action="/sign-out" method="post">
              <button
                type="submit"
                className="rounded border border-white px-3 py-1 text-sm hover:bg-white/10"
              >
                {t("app.signOut")}
              </button>
            </form>
          </>
        )}
      </div>
    </header>
  );
}

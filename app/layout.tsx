import type { Metadata } from "next";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { clientMessages, SHELL_NAMESPACES, SIGNED_OUT_NAMESPACES } from "@/i18n/client-messages";
import { getCurrentUser } from "@/lib/auth/session-user";
import { SiteHeader } from "@/components/site-header";
import { DemoBanner } from "@/components/demo-banner";
import { MessagesProvider } from "@/components/translations";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return {
    title: { default: t("name"), template: `%s · ${t("name")}` },
    robots: { index: false, follow: false },
    // public/icon.svg: served without a session (proxy.ts leaves /icon* alone).
    icons: { icon: "/icon.svg" },
  };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("app");
  // Only the shell's strings: each area's layout sends its own forms' (i18n/client-messages.ts).
  // Signed-out visitors get only the sign-in strings; if the session cannot be checked (the
  // database is down), the page is treated as signed out.
  const signedIn = Boolean(await getCurrentUser().catch(() => null));
  const messages = clientMessages(
    await getMessages(),
    signedIn ? SHELL_NAMESPACES : SIGNED_OUT_NAMESPACES,
    signedIn,
  );
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:bg-white focus:p-2"
        >
          {t("skipToContent")}
        </a>
        <MessagesProvider messages={messages}>
          <DemoBanner />
          <SiteHeader />
          <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8">
            {children}
          </main>
        </MessagesProvider>
      </body>
    </html>
  );
}

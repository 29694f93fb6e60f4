"use client";

import Link from "next/link";
import strings from "@/messages/en/error-page.json";
import { useDatabaseDown } from "@/components/database-down";
import "./globals.css";

// Shown when even the root layout fails (for example when the database cannot be reached
// while finding out who is signed in). It replaces the layout, so it brings its own page and
// its own words; nothing of the error reaches the browser, only a generic message (or the
// outage page's, when the health check says the database is down). Its words
// are a file of their own: whatever this imports is in every page's first-load JavaScript.
// "Try again" asks the server afresh (`retry`), as in app/error.tsx.
export default function GlobalError({ retry }: { error: Error & { digest?: string }; retry: () => void }) {
  const text = strings.errorPage;
  // The database going away mid-render is the usual reason the root layout fails.
  const databaseDown = useDatabaseDown();
  return (
    <html lang="en-GB">
      <body className="min-h-screen">
        <main id="main" className="mx-auto max-w-6xl px-4 py-8">
          <h1 className="mb-4 text-3xl font-bold">{databaseDown ? text.unavailableTitle : text.title}</h1>
          <p className="mb-4" role="status">
            {databaseDown ? text.unavailableBody : text.body}
          </p>
          <div className="flex gap-4">
            <button type="button" onClick={retry} className="rounded bg-brand px-4 py-2 font-bold text-white">
              {text.tryAgain}
            </button>
            <Link href="/">{text.home}</Link>
          </div>
        </main>
      </body>
    </html>
  );
}

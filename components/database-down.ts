"use client";

import { useEffect, useState } from "react";

// Whether the page failed because the database went away. The proxy answers a page load with
// the outage page when it finds the database down (lib/db/outage-response.ts), but a database
// that stops after that check, while the page is being rendered, ends in an error boundary
// instead, and the server tells the browser nothing of why. So the boundary asks the health
// check (public, and it names only which dependency failed) and, when it is the database,
// says so in the outage page's words rather than "something went wrong".
export function useDatabaseDown(): boolean {
  const [down, setDown] = useState(false);
  useEffect(() => {
    let current = true;
    fetch("/api/health", { cache: "no-store" })
      .then((response) => response.json() as Promise<{ checks?: { database?: string } }>)
      .then((health) => {
        if (current) setDown(health.checks?.database === "unavailable");
      })
      // The health check itself unreachable: the network, not the database; say nothing more.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, []);
  return down;
}

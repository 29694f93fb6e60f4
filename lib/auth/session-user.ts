// Resolves the signed-in user once per request, and the guards that pages use.
import { cache } from "react";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { safeReturnPath } from "./return-path";
import { resolveSession } from "./sessions";
import { sessionIdFromCookieHeader } from "./session-cookie";
import type { CurrentUser } from "./current-user";
import { roleHas, type Permission } from "@/lib/authz/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

// The cookie is opened with Auth.js's own decode, which refuses a token that was not made
// with AUTH_SECRET or is past its expiry, as Auth.js's auth() does; auth() would also run the
// whole of Auth.js's request handling and sign a fresh token that a page cannot send, on
// every request. Whether the session is still good is decided by resolveSession.
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const sessionId = await sessionIdFromCookieHeader((await headers()).get("cookie"), env().AUTH_SECRET);
  if (!sessionId) return null;
  return resolveSession(sessionId);
});

export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) {
    // Set by proxy.ts: signing in again brings the user back to the same page (an intake
    // step, say, whose draft is safe on the server).
    const path = safeReturnPath((await headers()).get("x-liaison-path"));
    redirect(path === "/" ? "/login?expired=1" : `/login?expired=1&next=${encodeURIComponent(path)}`);
  }
  return user;
}

// A page the user's role may not use answers "not found", like a record they may not see,
// and the refusal is recorded with the path asked for: an administrator or a partner
// reaching for case pages leaves a trace (DPA 2018 s.62).
export async function requirePermission(permission: Permission): Promise<CurrentUser> {
  const user = await requireUser();
  await ensurePermission(user, permission);
  return user;
}

// The same refusal for a user already found (a form action finds the user in its wrapper).
export async function ensurePermission(user: CurrentUser, permission: Permission): Promise<void> {
  if (roleHas(user.role, permission)) return;
  const path = safeReturnPath((await headers()).get("x-liaison-path"));
  await recordAudit(db(), {
    actor: user,
    action: "permission.refused",
    recordType: "permission",
    recordId: `${permission} ${path}`.slice(0, 300),
    outcome: "DENIED",
  });
  notFound();
}

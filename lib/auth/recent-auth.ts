// Re-authentication before the most sensitive operations. A session counts as recently
// authenticated for five minutes after its last password-or-code check: signing in is one
// (the session's creation time), and so is passing /reauth (Session.reauthenticatedAt).
import "server-only";
import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import type { CurrentUser } from "./current-user";
import { safeReturnPath } from "./return-path";

export const RECENT_AUTH_MS = 5 * 60_000;

type SessionOwner = Pick<CurrentUser, "id" | "sessionId">;

// True when the user's current session checked a password or code less than five minutes ago.
export async function hasRecentAuth(user: SessionOwner, now = new Date()): Promise<boolean> {
  const session = await db().session.findFirst({
    where: { id: user.sessionId, userId: user.id, endedAt: null },
    select: { createdAt: true, reauthenticatedAt: true },
  });
  if (!session) return false;
  const last = lastCheckOf(session);
  return isRecent(last, now);
}

// For pages and server actions: sends the user to /reauth (and back to `returnPath`
// afterwards) unless they authenticated within the last five minutes. Only the path of
// `returnPath` is kept, and only if it stays on this site.
export async function requireRecentAuth(user: SessionOwner, returnPath: string): Promise<void> {
  if (await hasRecentAuth(user)) return;
  redirect(reauthUrl(returnPath));
}

export function reauthUrl(returnPath: string): string {
  const path = safeReturnPath(returnPath);
  return path === "/" ? "/reauth" : `/reauth?next=${encodeURIComponent(path)}`;
}

export function lastCheckOf(session: { createdAt: Date; reauthenticatedAt: Date | null }): Date {
  const { createdAt, reauthenticatedAt } = session;
  return reauthenticatedAt && reauthenticatedAt > createdAt ? reauthenticatedAt : createdAt;
}

export function isRecent(lastCheck: Date, now: Date): boolean {
  const age = now.getTime() - lastCheck.getTime();
  // A clock that jumped backwards does not make a check count for longer.
  return age >= -60_000 && age < RECENT_AUTH_MS;
}

// Recorded after a successful password or code check on /reauth.
export async function markRecentAuth(user: SessionOwner, now = new Date()): Promise<void> {
  await db().session.updateMany({
    where: { id: user.sessionId, userId: user.id, endedAt: null },
    data: { reauthenticatedAt: now },
  });
}

// Server-side sessions. The signed cookie only names a session row; this module decides
// whether that session is still good (not ended, not idle too long, not past its absolute
// limit, user not disabled) on every request.
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { isUuid } from "@/lib/ids";
import { recordAudit } from "@/lib/audit/record-audit";
import type { CurrentUser } from "./current-user";
import { isIdle, needsTouch } from "./session-clock";

export async function createSession(userId: string, now = new Date()): Promise<string> {
  const session = await db().session.create({
    data: {
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + env().SESSION_MAX_HOURS * 3_600_000),
    },
    select: { id: true },
  });
  return session.id;
}

export async function resolveSession(sessionId: string, now = new Date()): Promise<CurrentUser | null> {
  const session = await db().session.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      lastSeenAt: true,
      expiresAt: true,
      endedAt: true,
      user: {
        select: {
          id: true,
          name: true,
          email: true,
          role: true,
          disabledAt: true,
          organisation: { select: { id: true, name: true, kind: true } },
        },
      },
    },
  });
  if (!session || session.endedAt || session.user.disabledAt) return null;
  const idleLimit = env().SESSION_IDLE_MINUTES * 60_000;
  if (session.expiresAt <= now || isIdle(session.lastSeenAt, now, idleLimit)) {
    await endSession(session.id, now);
    return null;
  }
  if (needsTouch(session.lastSeenAt, now, idleLimit)) {
    await db().session.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  const { user } = session;
  const org = user.organisation;
  return {
    id: user.id,
    sessionId: session.id,
    name: user.name,
    email: user.email,
    role: user.role,
    organisationId: org.id,
    organisationName: org.name,
    unitId:
      org.kind === "LIAISON_UNIT" && (user.role === "LIAISON_OFFICER" || user.role === "SUPERVISOR")
        ? org.id
        : null,
    agencyId: org.kind === "PARTNER_AGENCY" && user.role === "PARTNER" ? org.id : null,
  };
}

export async function endSession(sessionId: string, now = new Date()): Promise<void> {
  await db().session.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: now } });
}

// Signing out: ends the session and audits it, once. A second call (our button, then
// Auth.js's own sign-out event) finds it already ended and records nothing more.
export async function signOutSession(sessionId: string, now = new Date()): Promise<void> {
  if (!isUuid(sessionId)) return;
  await db().$transaction(async (tx) => {
    const ended = await tx.session.updateManyAndReturn({
      where: { id: sessionId, endedAt: null },
      data: { endedAt: now },
      select: { id: true, user: { select: { id: true, role: true } } },
    });
    const session = ended[0];
    if (!session) return;
    await recordAudit(tx, {
      actor: session.user,
      action: "auth.sign-out",
      recordType: "session",
      recordId: session.id,
      outcome: "SUCCESS",
    });
  });
}

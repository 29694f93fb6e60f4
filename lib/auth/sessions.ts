// Server-side sessions. The signed cookie only names a session row; this module decides
// whether that session is still good (not ended, not idle too long, not past its absolute
// limit, user not disabled) on every request. A change of role or organisation, or
// disabling the user, ends their sessions in the database itself (migration
// end_sessions_on_account_change), whichever route made the change.
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { isUuid } from "@/lib/ids";
import { recordAudit } from "@/lib/audit/record-audit";
import { roleHas } from "@/lib/authz/permissions";
import type { OrganisationKind, Role } from "@/lib/generated/prisma/enums";
import type { CurrentUser } from "./current-user";
import { isIdle, needsTouch } from "./session-clock";

const USER_AGENT_MAX = 200;
const ADDRESS_MAX = 64;

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

type SessionRow = {
  id: string;
  lastSeenAt: Date;
  expiresAt: Date;
  endedAt: Date | null;
  userId: string;
  name: string;
  email: string;
  role: Role;
  disabledAt: Date | null;
  organisationId: string;
  organisationName: string;
  organisationKind: OrganisationKind;
};

// Every page, action and route handler starts here, so the session, its user and their
// organisation are read in one statement: one round trip per request, where reading the
// relations through the client took three.
export async function resolveSession(sessionId: string, now = new Date()): Promise<CurrentUser | null> {
  if (!isUuid(sessionId)) return null;
  const rows = await db().$queryRaw<SessionRow[]>`
    SELECT s.id, s."lastSeenAt", s."expiresAt", s."endedAt",
           u.id AS "userId", u.name, u.email, u.role, u."disabledAt",
           o.id AS "organisationId", o.name AS "organisationName", o.kind AS "organisationKind"
      FROM "Session" s
      JOIN "User" u ON u.id = s."userId"
      JOIN "Organisation" o ON o.id = u."organisationId"
     WHERE s.id = ${sessionId}::uuid`;
  const session = rows[0];
  if (!session || session.endedAt || session.disabledAt) return null;
  const idleLimit = env().SESSION_IDLE_MINUTES * 60_000;
  if (session.expiresAt <= now || isIdle(session.lastSeenAt, now, idleLimit)) {
    await expireSession(session.id, now);
    return null;
  }
  if (needsTouch(session.lastSeenAt, now, idleLimit)) {
    await db().session.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  const { role, organisationKind: kind, organisationId } = session;
  return {
    id: session.userId,
    sessionId: session.id,
    name: session.name,
    email: session.email,
    role,
    organisationId,
    organisationName: session.organisationName,
    unitId:
      kind === "LIAISON_UNIT" && (role === "LIAISON_OFFICER" || role === "SUPERVISOR")
        ? organisationId
        : null,
    agencyId: kind === "PARTNER_AGENCY" && role === "PARTNER" ? organisationId : null,
  };
}

async function expireSession(sessionId: string, now: Date): Promise<void> {
  await db().session.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: now } });
}

// Where the sign-in came from, for the user's list of sessions. Kept short: a user agent
// is only there to tell one browser from another.
export async function recordSessionClient(
  sessionId: string,
  client: { address: string; userAgent: string },
): Promise<void> {
  await db().session.update({
    where: { id: sessionId },
    data: {
      clientAddress: client.address.slice(0, ADDRESS_MAX),
      userAgent:
        client.userAgent
          .replace(/[\u0000-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2066-\u2069]/g, "")
          .slice(0, USER_AGENT_MAX) || null,
    },
  });
}

// Signing out: ends the session and audits it, once. A second call (our button, then
// Auth.js's own sign-out event) finds it already ended and records nothing more. "replaced":
// the same browser signed in again (lib/auth/next-auth.ts).
export async function signOutSession(
  sessionId: string,
  now = new Date(),
  how: "sign-out" | "replaced" = "sign-out",
): Promise<void> {
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
      action: how === "sign-out" ? "auth.sign-out" : "auth.session-replaced",
      recordType: "session",
      recordId: session.id,
      outcome: "SUCCESS",
    });
  });
}

// ── Sessions as the administration pages (and the user themself) see them ──

export type SessionSummary = {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  clientAddress: string | null;
  userAgent: string | null;
};

// A user's sessions that are still open (not ended, not past their absolute limit), newest
// first. The caller checks that the actor may see them (user:manage:all, or their own).
export async function listSessions(userId: string, now = new Date()): Promise<SessionSummary[]> {
  if (!isUuid(userId)) return [];
  return db().session.findMany({
    where: { userId, endedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      createdAt: true,
      lastSeenAt: true,
      expiresAt: true,
      clientAddress: true,
      userAgent: true,
    },
  });
}

type Actor = Pick<CurrentUser, "id" | "role" | "sessionId">;

// Why all of a user's sessions were ended, as the audit log records it.
export type SessionEndReason =
  "administrator" | "user" | "password-changed" | "second-factor-reset" | "account-disabled" | "role-changed";

function mayManage(actor: Actor, userId: string): boolean {
  return actor.id === userId || roleHas(actor.role, "user:manage:all");
}

// Ends one session: an administrator ends anyone's, a user their own. False when there is
// no such open session or the actor may not end it (audited as denied), so the page can
// answer "not found" either way.
export async function endSession(actor: Actor, sessionId: string, now = new Date()): Promise<boolean> {
  if (!isUuid(sessionId)) return false;
  return db().$transaction(async (tx) => {
    const session = await tx.session.findUnique({
      where: { id: sessionId },
      select: { id: true, userId: true },
    });
    if (!session || !mayManage(actor, session.userId)) {
      await recordAudit(tx, {
        actor,
        action: "auth.session-end",
        recordType: "session",
        recordId: sessionId,
        outcome: "DENIED",
      });
      return false;
    }
    const { count } = await tx.session.updateMany({
      where: { id: sessionId, endedAt: null },
      data: { endedAt: now },
    });
    await recordAudit(tx, {
      actor,
      action: "auth.session-end",
      recordType: "session",
      recordId: sessionId,
      outcome: "SUCCESS",
    });
    return count > 0;
  });
}

// Ends every open session of a user (including the actor's own, when they end their own:
// the page should then send them to sign in). Returns how many were ended, or null when the
// actor may not (audited as denied).
export async function endAllSessionsForUser(
  actor: Actor,
  userId: string,
  reason: SessionEndReason,
  now = new Date(),
): Promise<number | null> {
  if (!isUuid(userId)) return null;
  return db().$transaction(async (tx) => {
    const action = `auth.sessions-end-all.${reason}`;
    if (!mayManage(actor, userId)) {
      await recordAudit(tx, { actor, action, recordType: "user", recordId: userId, outcome: "DENIED" });
      return null;
    }
    const { count } = await tx.session.updateMany({
      where: { userId, endedAt: null },
      data: { endedAt: now },
    });
    await recordAudit(tx, { actor, action, recordType: "user", recordId: userId, outcome: "SUCCESS" });
    return count;
  });
}

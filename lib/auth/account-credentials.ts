// What the account pages do with credentials: redeem a set-up link (password, then the
// authenticator app), change a password, confirm the password again (/reauth), and show a
// user their second factor. Every function here checks and audits for itself; the server
// actions only parse forms and choose messages.
import "server-only";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { findRedeemableSetupToken, markSetupTokenUsed } from "@/lib/accounts/setup-links";
import { AccountRefusal } from "@/lib/accounts/errors";
import type { CurrentUser } from "./current-user";
import { verifyPassword } from "./password";
import {
  isRecentlyUsedPassword,
  passwordProblem,
  storeNewPassword,
  type PasswordProblem,
} from "./password-policy";
import { markRecentAuth } from "./recent-auth";
import { confirmEnrolment, pendingSecret, startEnrolment, unusedRecoveryCodeCount } from "./second-factor";
import { signOutSession } from "./sessions";

export type NewPasswordProblem = PasswordProblem | "reused" | "mismatch";

// ── set-up links ────────────────────────────────────────────────────────────────────────

export type SetupState =
  | null
  | { step: "password"; email: string; expiresAt: Date }
  | { step: "enrol"; email: string; expiresAt: Date; secret: string };

// Where the holder of a set-up link is: choosing a password, or (once a password was chosen
// through the link) confirming the authenticator app. Null for a link that cannot be used.
export async function setupState(token: string): Promise<SetupState> {
  const link = await findRedeemableSetupToken(token);
  if (!link) return null;
  const user = await db().user.findUniqueOrThrow({
    where: { id: link.userId },
    select: { email: true, passwordHash: true },
  });
  const secret = user.passwordHash ? await pendingSecret(link.userId) : null;
  return secret
    ? { step: "enrol", email: user.email, expiresAt: link.expiresAt, secret }
    : { step: "password", email: user.email, expiresAt: link.expiresAt };
}

export async function chooseSetupPassword(
  token: string,
  password: string,
  confirmation: string,
): Promise<{ ok: true } | { ok: false; reason: "link" | NewPasswordProblem }> {
  const link = await findRedeemableSetupToken(token);
  if (!link) return { ok: false, reason: "link" };
  const user = await db().user.findUniqueOrThrow({
    where: { id: link.userId },
    select: { id: true, role: true, email: true, name: true },
  });
  const problem = passwordProblem(password, user) ?? (password === confirmation ? null : "mismatch");
  if (problem) return { ok: false, reason: problem };
  const reused = await db().$transaction(async (tx) => {
    if (await isRecentlyUsedPassword(tx, user.id, password)) return true;
    await storeNewPassword(tx, user.id, password);
    await startEnrolment(tx, user.id);
    await recordAudit(tx, {
      actor: user,
      action: "account.setup.password",
      recordType: "user",
      recordId: user.id,
      outcome: "SUCCESS",
    });
    return false;
  });
  return reused ? { ok: false, reason: "reused" } : { ok: true };
}

// Confirms the app with a code; spends the link in the same transaction; ends any session
// the user still had (after a reset factor, say). Returns the recovery codes, shown once.
export async function completeSetup(
  token: string,
  code: string,
  now = new Date(),
): Promise<{ ok: true; recoveryCodes: string[] } | { ok: false; reason: "link" | "code" }> {
  const link = await findRedeemableSetupToken(token, now);
  if (!link) return { ok: false, reason: "link" };
  try {
    const result = await db().$transaction(async (tx) => {
      const confirmed = await confirmEnrolment(tx, link.userId, code, now);
      if (!confirmed.ok) return confirmed;
      await markSetupTokenUsed(tx, link.id, now);
      await tx.session.updateMany({ where: { userId: link.userId, endedAt: null }, data: { endedAt: now } });
      return confirmed;
    });
    return result.ok ? result : { ok: false, reason: "code" };
  } catch (error) {
    if (error instanceof AccountRefusal) return { ok: false, reason: "link" };
    throw error;
  }
}

// ── signed-in users ─────────────────────────────────────────────────────────────────────

// Changes the user's own password, with the current one. The user's other sessions end;
// this one is kept and counts as just authenticated.
export async function changePassword(
  user: CurrentUser,
  current: string,
  password: string,
  confirmation: string,
): Promise<{ ok: true } | { ok: false; reason: "current" | NewPasswordProblem }> {
  const row = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(row.passwordHash, current))) {
    await recordAudit(db(), {
      actor: user,
      action: "account.password.change",
      recordType: "user",
      recordId: user.id,
      outcome: "FAILURE",
    });
    return { ok: false, reason: "current" };
  }
  const problem = passwordProblem(password, user) ?? (password === confirmation ? null : "mismatch");
  if (problem) return { ok: false, reason: problem };
  const reused = await db().$transaction(async (tx) => {
    if (await isRecentlyUsedPassword(tx, user.id, password)) return true;
    await storeNewPassword(tx, user.id, password);
    await tx.session.updateMany({
      where: { userId: user.id, endedAt: null, id: { not: user.sessionId } },
      data: { endedAt: new Date() },
    });
    await recordAudit(tx, {
      actor: user,
      action: "account.password.change",
      recordType: "user",
      recordId: user.id,
      outcome: "SUCCESS",
    });
    return false;
  });
  if (reused) return { ok: false, reason: "reused" };
  await markRecentAuth(user);
  return { ok: true };
}

// Wrong passwords on /reauth are counted per session; after this many within the window the
// session ends, so a borrowed signed-in browser cannot be used to guess the password.
export const REAUTH_MAX_FAILURES = 5;
const REAUTH_WINDOW_MS = 15 * 60_000;

export async function reauthenticate(
  user: CurrentUser,
  password: string,
  now = new Date(),
): Promise<"ok" | "invalid" | "signed-out"> {
  const row = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  const entry = {
    actor: user,
    action: "auth.reauth",
    recordType: "session",
    recordId: user.sessionId,
  } as const;
  if (await verifyPassword(row.passwordHash, password)) {
    await markRecentAuth(user, now);
    await recordAudit(db(), { ...entry, outcome: "SUCCESS" });
    return "ok";
  }
  await recordAudit(db(), { ...entry, outcome: "FAILURE" });
  const failures = await db().auditEvent.count({
    where: {
      action: "auth.reauth",
      recordId: user.sessionId,
      outcome: "FAILURE",
      at: { gte: new Date(now.getTime() - REAUTH_WINDOW_MS) },
    },
  });
  if (failures < REAUTH_MAX_FAILURES) return "invalid";
  await signOutSession(user.sessionId, now);
  return "signed-out";
}

export async function secondFactorSummary(
  userId: string,
): Promise<{ enrolledAt: Date | null; unusedRecoveryCodes: number }> {
  const row = await db().user.findUniqueOrThrow({ where: { id: userId }, select: { totpEnrolledAt: true } });
  return { enrolledAt: row.totpEnrolledAt, unusedRecoveryCodes: await unusedRecoveryCodeCount(userId) };
}

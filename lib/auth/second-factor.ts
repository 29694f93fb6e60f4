// The second factor: a TOTP authenticator app, with ten one-time recovery codes.
//
// Secrets at rest: the TOTP secret is encrypted with AES-256-GCM under a key derived by HKDF
// from AUTH_SECRET (bound to the user's id, so a secret copied to another row does not
// decrypt); recovery codes are kept only as HMAC-SHA-256 under another derived key. A copy
// of the database alone gives neither codes nor a way to compute them.
//
// Replay: the step of the last accepted TOTP code is stored, and a code is accepted only for
// a later step, by one conditional UPDATE, so two requests with the same code cannot both
// pass. A recovery code is consumed the same way.
import "server-only";
import { randomInt } from "node:crypto";
import { db, type Tx } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { roleHas } from "@/lib/authz/permissions";
import { isUuid } from "@/lib/ids";
import { AccountRefusal } from "@/lib/accounts/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { generateTotpSecret, matchTotp } from "./totp";
import { decryptTotpSecret, encryptTotpSecret, hashRecoveryCode, normaliseRecoveryCode } from "./totp-secret";

export { decryptTotpSecret, encryptTotpSecret } from "./totp-secret";

export const RECOVERY_CODE_COUNT = 10;
// Crockford's base32: no I, L, O or U, so codes read aloud or handwritten stay unambiguous.
const RECOVERY_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
const RECOVERY_LENGTH = 10; // 50 bits each

type Actor = { id: string; role: Role };

export function generateRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    let code = "";
    for (let i = 0; i < RECOVERY_LENGTH; i++) code += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
    return `${code.slice(0, 5)}-${code.slice(5)}`;
  });
}

export type CodeKind = "totp" | "recovery";

// Which kind of code the user typed, or null when it can be neither.
export function codeKind(input: string): CodeKind | null {
  const compact = input.replace(/[\s-]/g, "");
  if (/^\d{6}$/.test(compact)) return "totp";
  if (compact.length === RECOVERY_LENGTH && /^[0-9a-z]+$/.test(normaliseRecoveryCode(compact)))
    return "recovery";
  return null;
}

async function replaceRecoveryCodes(tx: Tx, userId: string, now: Date): Promise<string[]> {
  const codes = generateRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({
    data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code), createdAt: now })),
  });
  return codes;
}

export async function hasSecondFactor(userId: string): Promise<boolean> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { totpEnrolledAt: true } });
  return !!user?.totpEnrolledAt;
}

// Starts enrolment: a fresh secret, stored encrypted but not yet usable. Returns it so the
// page can show it; an earlier unconfirmed secret is replaced.
export async function startEnrolment(tx: Tx, userId: string): Promise<string> {
  const secret = generateTotpSecret();
  await tx.user.update({
    where: { id: userId },
    data: { totpSecretEnc: encryptTotpSecret(userId, secret), totpEnrolledAt: null, totpLastStep: null },
  });
  return secret;
}

// The secret waiting to be confirmed, or null when there is none (or it is already enrolled).
export async function pendingSecret(userId: string): Promise<string | null> {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: { totpSecretEnc: true, totpEnrolledAt: true },
  });
  if (!user?.totpSecretEnc || user.totpEnrolledAt) return null;
  return decryptTotpSecret(userId, user.totpSecretEnc);
}

// Confirms enrolment with a code from the app. On success the factor is live, that code's
// step is spent, and ten new recovery codes are returned (to be shown once).
export async function confirmEnrolment(
  tx: Tx,
  userId: string,
  code: string,
  now = new Date(),
): Promise<{ ok: true; recoveryCodes: string[] } | { ok: false }> {
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { id: true, role: true, totpSecretEnc: true, totpEnrolledAt: true },
  });
  if (!user?.totpSecretEnc || user.totpEnrolledAt) return { ok: false };
  const step = matchTotp(decryptTotpSecret(userId, user.totpSecretEnc), code.replace(/\s/g, ""), now);
  if (step === null) {
    await recordAudit(tx, {
      actor: user,
      action: "auth.second-factor.enrol",
      recordType: "user",
      recordId: userId,
      outcome: "FAILURE",
    });
    return { ok: false };
  }
  const updated = await tx.user.updateMany({
    where: { id: userId, totpEnrolledAt: null, totpSecretEnc: user.totpSecretEnc },
    data: { totpEnrolledAt: now, totpLastStep: step },
  });
  if (updated.count !== 1) return { ok: false };
  const recoveryCodes = await replaceRecoveryCodes(tx, userId, now);
  await recordAudit(tx, {
    actor: user,
    action: "auth.second-factor.enrol",
    recordType: "user",
    recordId: userId,
    outcome: "SUCCESS",
  });
  return { ok: true, recoveryCodes };
}

// Checks a sign-in or re-authentication code and spends it. Returns which kind matched, or
// null. Audits a recovery code's use; the caller audits the attempt as a whole.
export async function verifySecondFactor(
  user: Actor,
  code: string,
  now = new Date(),
): Promise<CodeKind | null> {
  const kind = codeKind(code);
  if (!kind) return null;
  if (kind === "totp") {
    const row = await db().user.findUnique({
      where: { id: user.id },
      select: { totpSecretEnc: true, totpEnrolledAt: true },
    });
    if (!row?.totpSecretEnc || !row.totpEnrolledAt) return null;
    const step = matchTotp(decryptTotpSecret(user.id, row.totpSecretEnc), code.replace(/[\s-]/g, ""), now);
    if (step === null) return null;
    // Spends the step only if no code of this step or a later one has been accepted.
    const spent = await db().user.updateMany({
      where: {
        id: user.id,
        totpEnrolledAt: { not: null },
        OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }],
      },
      data: { totpLastStep: step },
    });
    return spent.count === 1 ? "totp" : null;
  }
  const enrolled = await hasSecondFactor(user.id);
  if (!enrolled) return null;
  return db().$transaction(async (tx) => {
    const used = await tx.recoveryCode.updateManyAndReturn({
      where: { userId: user.id, codeHash: hashRecoveryCode(code), usedAt: null },
      data: { usedAt: now },
      select: { id: true },
    });
    const first = used[0];
    if (!first) return null;
    await recordAudit(tx, {
      actor: user,
      action: "auth.recovery-code.use",
      recordType: "recovery-code",
      recordId: first.id,
      outcome: "SUCCESS",
    });
    return "recovery" as const;
  });
}

export async function unusedRecoveryCodeCount(userId: string): Promise<number> {
  return db().recoveryCode.count({ where: { userId, usedAt: null } });
}

// New recovery codes for a signed-in user (the page checks re-authentication first); every
// earlier code stops working.
export async function regenerateRecoveryCodes(user: Actor, now = new Date()): Promise<string[] | null> {
  return db().$transaction(async (tx) => {
    const row = await tx.user.findUnique({ where: { id: user.id }, select: { totpEnrolledAt: true } });
    if (!row?.totpEnrolledAt) return null;
    const codes = await replaceRecoveryCodes(tx, user.id, now);
    await recordAudit(tx, {
      actor: user,
      action: "auth.recovery-codes.regenerate",
      recordType: "user",
      recordId: user.id,
      outcome: "SUCCESS",
    });
    return codes;
  });
}

// For an administrator: removes a user's second factor and recovery codes and ends every
// session of theirs. They then need a new set-up link to sign in again.
export async function resetSecondFactor(admin: Actor, userId: string, now = new Date()): Promise<void> {
  if (!roleHas(admin.role, "user:manage:all")) {
    await recordAudit(db(), {
      actor: admin,
      action: "auth.second-factor.reset",
      recordType: "user",
      ...(isUuid(userId) ? { recordId: userId } : {}),
      outcome: "DENIED",
    });
    throw new AccountRefusal("not-permitted");
  }
  if (!isUuid(userId)) throw new AccountRefusal("not-found");
  const found = await db().$transaction(async (tx) => {
    const updated = await tx.user.updateMany({
      where: { id: userId },
      data: { totpSecretEnc: null, totpEnrolledAt: null, totpLastStep: null },
    });
    if (updated.count !== 1) return false;
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.session.updateMany({ where: { userId, endedAt: null }, data: { endedAt: now } });
    await recordAudit(tx, {
      actor: admin,
      action: "auth.second-factor.reset",
      recordType: "user",
      recordId: userId,
      outcome: "SUCCESS",
    });
    return true;
  });
  if (!found) throw new AccountRefusal("not-found");
}

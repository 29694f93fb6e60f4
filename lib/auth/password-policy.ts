// What makes an acceptable password (NIST SP 800-63B, ASVS 5.0 V6.2): at least 12
// characters, no composition rules, not one of the common or breached passwords bundled
// from @zxcvbn-ts/language-common (docs/decisions/017), not the user's own email or name,
// and not one of the user's last five passwords.
import { dictionary } from "@zxcvbn-ts/language-common";
import { z } from "zod";
import type { Tx } from "@/lib/db/client";
import { hashPassword, verifyPassword } from "./password";

export const PASSWORD_MIN_LENGTH = 12;
// Long passphrases are welcome; this bound only keeps hashing cost sane.
export const PASSWORD_MAX_LENGTH = 256;
// The current password and the four before it.
export const PASSWORD_HISTORY_SIZE = 5;

export type PasswordProblem = "too-short" | "too-long" | "common" | "personal";

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));
  return common;
}

// Length is counted in characters as a person sees them, after Unicode normalisation.
export function passwordLength(password: string): number {
  return [...password.normalize("NFKC")].length;
}

// A listed password, a listed password with digits or symbols around it ("Password123!"),
// or one short listed password repeated ("qwertyqwerty") all count as common.
export function isCommonPassword(password: string): boolean {
  const list = commonPasswords();
  const lower = password.normalize("NFKC").toLowerCase();
  if (list.has(lower)) return true;
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
  if (core.length >= 4 && list.has(core)) return true;
  const repeated = /^(.{1,6}?)\1+$/u.exec(lower);
  if (repeated && (list.has(repeated[1]!) || repeated[1]!.length <= 3)) return true;
  return false;
}

function isPersonal(password: string, context: { email?: string; name?: string }): boolean {
  const lower = password.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
  const parts = [
    context.email?.toLowerCase(),
    context.email?.split("@")[0]?.toLowerCase(),
    context.name?.toLowerCase().replace(/\s+/g, ""),
  ].filter((p): p is string => !!p && p.length >= 4);
  return parts.some((part) => lower === part || lower.replace(/[^\p{L}]+$/u, "") === part);
}

export function passwordProblem(
  password: string,
  context: { email?: string; name?: string } = {},
): PasswordProblem | null {
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH) return "too-short";
  if (length > PASSWORD_MAX_LENGTH) return "too-long";
  if (isCommonPassword(password)) return "common";
  if (isPersonal(password, context)) return "personal";
  return null;
}

// Message keys in messages/en/account.json.
export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem | "reused" | "mismatch", string> = {
  "too-short": "password.errors.tooShort",
  "too-long": "password.errors.tooLong",
  common: "password.errors.common",
  personal: "password.errors.personal",
  reused: "password.errors.reused",
  mismatch: "password.errors.mismatch",
};

// The "new password" and "confirm" fields of a form. Problems that need the user (their
// name, their history) are checked by the caller.
export const newPasswordFields = {
  newPassword: z
    .string({ error: "password.errors.tooShort" })
    .max(4096, { error: "password.errors.tooLong" }),
  confirmPassword: z
    .string({ error: "password.errors.mismatch" })
    .max(4096, { error: "password.errors.mismatch" }),
};

// True when the password is the user's current one or one of the previous four.
export async function isRecentlyUsedPassword(tx: Tx, userId: string, password: string): Promise<boolean> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  const previous = await tx.passwordHistory.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take: PASSWORD_HISTORY_SIZE - 1,
    select: { passwordHash: true },
  });
  const hashes = [user?.passwordHash ?? null, ...previous.map((p) => p.passwordHash)].filter(
    (h): h is string => h !== null,
  );
  for (const hash of hashes) if (await verifyPassword(hash, password)) return true;
  return false;
}

// Sets a new password and keeps the old one's hash in the history (only the newest four are
// kept, which with the current one makes five). The caller has checked the policy.
export async function storeNewPassword(
  tx: Tx,
  userId: string,
  password: string,
  now = new Date(),
): Promise<void> {
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (user.passwordHash) {
    await tx.passwordHistory.create({ data: { userId, passwordHash: user.passwordHash, createdAt: now } });
  }
  await tx.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(password) } });
  const keep = await tx.passwordHistory.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take: PASSWORD_HISTORY_SIZE - 1,
    select: { id: true },
  });
  await tx.passwordHistory.deleteMany({ where: { userId, id: { notIn: keep.map((k) => k.id) } } });
}

// One-time set-up links: a new user (or one whose second factor was reset) opens the link,
// chooses a password and enrols a second factor. The token is 32 random bytes shown once;
// only its SHA-256 hash is stored, so a database reader cannot use a pending link. A link
// lasts 24 hours, is used once, and issuing a new one replaces any unused earlier one.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db, type Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { recordAudit } from "@/lib/audit/record-audit";
import { roleHas } from "@/lib/authz/permissions";
import { isUuid } from "@/lib/ids";
import type { Role } from "@/lib/generated/prisma/enums";
import { AccountRefusal } from "./errors";
import { mailer } from "./mailer";

export const SETUP_LINK_HOURS = 24;

// 32 bytes in base64url, no padding.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

type Actor = { id: string; role: Role };

export function hashSetupToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function setupLinkUrl(token: string): string {
  const base = env().AUTH_URL ?? "http://localhost:3000";
  return new URL(`/setup/${token}`, base).toString();
}

export async function issueSetupLink(
  admin: Actor,
  userId: string,
  now = new Date(),
): Promise<{ url: string; expiresAt: Date }> {
  if (!roleHas(admin.role, "user:manage:all")) {
    await recordAudit(db(), {
      actor: admin,
      action: "account.setup-link.issue",
      recordType: "user",
      ...(isUuid(userId) ? { recordId: userId } : {}),
      outcome: "DENIED",
    });
    throw new AccountRefusal("not-permitted");
  }
  if (!isUuid(userId)) throw new AccountRefusal("not-found");

  const issued = await db().$transaction(async (tx) => {
    const target = await tx.user.findUnique({
      where: { id: userId },
      select: { id: true, email: true, name: true, disabledAt: true },
    });
    if (!target) return null;
    if (target.disabledAt) throw new AccountRefusal("disabled");
    return { user: target, ...(await writeSetupToken(tx, admin, userId, now)) };
  });
  if (!issued) throw new AccountRefusal("not-found");
  await sendSetupLink(issued.user, issued.url, issued.expiresAt);
  return { url: issued.url, expiresAt: issued.expiresAt };
}

// The part of issuing a link that belongs in the caller's transaction (creating a user
// issues their first link in the same transaction). The caller has checked permission.
// `admin` is null for the first administrator's own link (first-administrator.ts), issued by
// the operator's command outside any account: it is recorded as issued by the account itself.
export async function writeSetupToken(
  tx: Tx,
  admin: Actor | null,
  userId: string,
  now: Date,
): Promise<{ url: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SETUP_LINK_HOURS * 3_600_000);
  // Replaces, not adds: an earlier link that was never used stops working now.
  await tx.accountSetupToken.deleteMany({ where: { userId, usedAt: null } });
  await tx.accountSetupToken.create({
    data: {
      userId,
      tokenHash: hashSetupToken(token),
      createdById: admin?.id ?? userId,
      createdAt: now,
      expiresAt,
    },
  });
  await recordAudit(tx, {
    actor: admin,
    action: "account.setup-link.issue",
    recordType: "user",
    recordId: userId,
    outcome: "SUCCESS",
  });
  return { url: setupLinkUrl(token), expiresAt };
}

// After the transaction has committed: a plugged-in mailer may also send the link.
export async function sendSetupLink(
  to: { email: string; name: string },
  url: string,
  expiresAt: Date,
): Promise<void> {
  try {
    await mailer().sendSetupLink({ to: { email: to.email, name: to.name }, url, expiresAt });
  } catch (error) {
    // The administrator has the link on screen either way; log the kind of failure only.
    console.warn(`[accounts] set-up link not sent: ${error instanceof Error ? error.name : "unknown"}`);
  }
}

// The link's token, if it is still good: unused, unexpired, for a user who is not disabled.
export async function findRedeemableSetupToken(
  token: string,
  now = new Date(),
): Promise<{ id: string; userId: string; expiresAt: Date } | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  return db().accountSetupToken.findFirst({
    where: {
      tokenHash: hashSetupToken(token),
      usedAt: null,
      expiresAt: { gt: now },
      user: { disabledAt: null },
    },
    select: { id: true, userId: true, expiresAt: true },
  });
}

// Spends the token inside the caller's transaction (the one that sets the password). The
// conditional update takes the row lock, so of two concurrent redemptions exactly one
// matches; the other finds it used, throws, and its transaction rolls back.
export async function markSetupTokenUsed(tx: Tx, tokenId: string, now = new Date()): Promise<void> {
  const spent = await tx.accountSetupToken.updateMany({
    where: { id: tokenId, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (spent.count !== 1) throw new AccountRefusal("already-used");
}

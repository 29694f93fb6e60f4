// Sign-in throttling, shared by every app instance through PostgreSQL
// (docs/decisions/013-sign-in-throttling-and-session-cookie.md).
//
// Three counters are charged for each attempt before its password is checked: the account
// (a keyed hash of the email, whether or not such an account exists), the client address,
// and the overall rate. The account and the address each get a few free attempts, then a
// wait that doubles with each further attempt up to a cap: never a lock that an attacker
// could hold a real officer in. The overall counter caps password checks per minute.
// A refused attempt is not charged and its password is never checked.
//
// All three rows are locked together (in key order, so two attempts never deadlock) and
// charged only if none says wait. Twenty parallel guesses therefore queue on the account's
// row and at most the free attempts reach the password check.
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { recordAudit } from "@/lib/audit/record-audit";
import { throttleKeyForAddress } from "./client-address";

export const FIRST_WAIT_MS = 30_000;
const OVERALL_WINDOW_MS = 60_000;
const OVERALL_KEY = "overall";

export type ThrottleLimits = {
  accountFreeAttempts: number;
  addressFreeAttempts: number;
  maxWaitMs: number;
  overallPerMinute: number;
};

export function limitsFromEnv(): ThrottleLimits {
  const e = env();
  return {
    accountFreeAttempts: e.SIGN_IN_FREE_ATTEMPTS,
    addressFreeAttempts: e.SIGN_IN_ADDRESS_FREE_ATTEMPTS,
    maxWaitMs: e.SIGN_IN_MAX_WAIT_MINUTES * 60_000,
    overallPerMinute: e.SIGN_IN_OVERALL_PER_MINUTE,
  };
}

// How long the next attempt must wait after `attempts` charged ones: nothing while free,
// then 30 s, 1 min, 2 min… up to the cap.
export function waitAfter(attempts: number, freeAttempts: number, maxWaitMs: number): number {
  if (attempts < freeAttempts) return 0;
  const doublings = Math.min(attempts - freeAttempts, 30);
  return Math.min(FIRST_WAIT_MS * 2 ** doublings, maxWaitMs);
}

// A counter at rest for as long as the longest wait starts again from nothing, so an
// officer who mistyped last week is not made to wait today.
export function hasRested(blockedUntil: Date, now: Date, maxWaitMs: number): boolean {
  return now.getTime() - blockedUntil.getTime() >= maxWaitMs;
}

export type ThrottleSubject = { accountKey: string; address: string };
export type Refusal = { retryAfterSeconds: number; limit: "account" | "address" | "overall" };
type Row = { key: string; attempts: number; blockedUntil: Date; windowStartAt: Date; updatedAt: Date };

function keysOf(subject: ThrottleSubject) {
  return {
    account: `account:${subject.accountKey}`,
    address: `address:${throttleKeyForAddress(subject.address)}`,
  };
}

// Charges one attempt to every counter, or none if any of them says wait.
export async function reserveAttempt(
  subject: ThrottleSubject,
  now: Date,
  limits: ThrottleLimits = limitsFromEnv(),
): Promise<Refusal | null> {
  const { account, address } = keysOf(subject);
  const keys = [account, address, OVERALL_KEY].sort();
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`
      INSERT INTO "SignInThrottle" (key, attempts, "blockedUntil", "windowStartAt", "updatedAt")
      SELECT k, 0, ${now}, ${now}, ${now} FROM unnest(${keys}::text[]) AS k ORDER BY k
      ON CONFLICT (key) DO NOTHING`;
    const rows = await tx.$queryRaw<Row[]>`
      SELECT key, attempts, "blockedUntil", "windowStartAt", "updatedAt" FROM "SignInThrottle"
       WHERE key = ANY(${keys}::text[]) ORDER BY key FOR UPDATE`;
    const byKey = new Map(rows.map((r) => [r.key, r]));
    const refusals: Refusal[] = [];
    const updates: { key: string; attempts: number; blockedUntil: Date; windowStartAt: Date; at: Date }[] =
      [];

    for (const [key, limit, free] of [
      [account, "account", limits.accountFreeAttempts],
      [address, "address", limits.addressFreeAttempts],
    ] as const) {
      const row = byKey.get(key);
      if (!row) throw new Error("throttle row missing");
      // An attempt takes its time as it starts, then may queue for a password-check slot, so
      // a later-started attempt from the same account or address can be charged first. Each
      // counter's clock therefore never runs backwards: an attempt counts as made no earlier
      // than the last one charged to it, or a free attempt would be told to wait.
      const at = new Date(Math.max(now.getTime(), row.updatedAt.getTime()));
      const attempts = hasRested(row.blockedUntil, at, limits.maxWaitMs) ? 0 : row.attempts;
      const waitMs = row.blockedUntil.getTime() - at.getTime();
      if (attempts > 0 && waitMs > 0) refusals.push({ limit, retryAfterSeconds: Math.ceil(waitMs / 1000) });
      const charged = attempts + 1;
      updates.push({
        key,
        attempts: charged,
        blockedUntil: new Date(at.getTime() + waitAfter(charged, free, limits.maxWaitMs)),
        windowStartAt: row.windowStartAt,
        at,
      });
    }

    const overall = byKey.get(OVERALL_KEY);
    if (!overall) throw new Error("throttle row missing");
    const windowEnds = overall.windowStartAt.getTime() + OVERALL_WINDOW_MS;
    const fresh = now.getTime() >= windowEnds || overall.windowStartAt > now;
    const used = fresh ? 0 : overall.attempts;
    if (used >= limits.overallPerMinute)
      refusals.push({ limit: "overall", retryAfterSeconds: Math.ceil((windowEnds - now.getTime()) / 1000) });
    updates.push({
      key: OVERALL_KEY,
      attempts: used + 1,
      blockedUntil: overall.blockedUntil,
      windowStartAt: fresh ? now : overall.windowStartAt,
      at: now,
    });

    if (refusals.length > 0)
      return refusals.reduce((a, b) => (b.retryAfterSeconds > a.retryAfterSeconds ? b : a));
    for (const u of updates)
      await tx.signInThrottle.update({
        where: { key: u.key },
        data: {
          attempts: u.attempts,
          blockedUntil: u.blockedUntil,
          windowStartAt: u.windowStartAt,
          updatedAt: u.at,
        },
      });
    return null;
  });
}

// After a correct password: the account starts afresh, and the address gets this attempt
// back (colleagues behind one police network address do not use each other's allowance).
// The overall counter keeps it: it bounds the work of checking passwords, right or wrong.
export async function recordSuccess(subject: ThrottleSubject, now: Date): Promise<void> {
  const { account, address } = keysOf(subject);
  // As in reserveAttempt, a counter's last-attempt time never moves backwards.
  await db().$transaction([
    db().$executeRaw`
      UPDATE "SignInThrottle" SET attempts = 0, "blockedUntil" = ${now},
             "updatedAt" = GREATEST("updatedAt", ${now})
       WHERE key = ${account}`,
    db().$executeRaw`
      UPDATE "SignInThrottle" SET attempts = GREATEST(attempts - 1, 0),
             "updatedAt" = GREATEST("updatedAt", ${now})
       WHERE key = ${address}`,
  ]);
}

const PRUNE_CHANCE = 0.01;

// Counters at rest for a day are of no further use.
export async function pruneThrottle(now: Date): Promise<number> {
  const { count } = await db().signInThrottle.deleteMany({
    where: { key: { not: OVERALL_KEY }, updatedAt: { lt: new Date(now.getTime() - 24 * 3_600_000) } },
  });
  return count;
}

// Password hashing is memory- and CPU-hungry on purpose: only a few run at once in this
// process. A few more wait their turn briefly; beyond that the attempt is refused as busy
// (before any counter is charged), so a flood cannot exhaust the server.
export const PASSWORD_CHECKS_AT_ONCE = 4;
const MAX_WAITING = 16;
const MAX_WAIT_MS = 10_000;

let running = 0;
const queue: (() => void)[] = [];

export class PasswordChecksBusy extends Error {
  constructor() {
    super("Too many password checks at once");
    this.name = "PasswordChecksBusy";
  }
}

export async function withPasswordCheckSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= PASSWORD_CHECKS_AT_ONCE) {
    if (queue.length >= MAX_WAITING) throw new PasswordChecksBusy();
    await new Promise<void>((resolve, reject) => {
      const turn = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        queue.splice(queue.indexOf(turn), 1);
        reject(new PasswordChecksBusy());
      }, MAX_WAIT_MS);
      queue.push(turn);
    });
  } else running++;
  try {
    return await work();
  } finally {
    const next = queue.shift();
    // The slot passes straight to the next in line, so `running` stays counted.
    if (next) next();
    else running--;
  }
}

export type ThrottledResult = { ok: false; reason: "too-many-attempts" | "busy"; retryAfterSeconds: number };

// Runs one sign-in attempt under the throttle: refused (and audited) without calling
// `check` when a counter says wait, or when too many passwords are being checked at once.
export async function throttledSignIn<T extends { ok: boolean }>(
  subject: ThrottleSubject,
  now: Date,
  check: () => Promise<T>,
): Promise<T | ThrottledResult> {
  try {
    return await withPasswordCheckSlot(async () => {
      const refusal = await reserveAttempt(subject, now);
      if (refusal) {
        await recordAudit(db(), {
          actor: null,
          action: "auth.sign-in",
          outcome: "DENIED",
          recordType: "sign-in-throttle",
          recordId: refusal.limit,
          subjectKey: subject.accountKey,
        });
        return {
          ok: false,
          reason: "too-many-attempts",
          retryAfterSeconds: refusal.retryAfterSeconds,
        } as const;
      }
      const result = await check();
      if (result.ok) await recordSuccess(subject, now);
      // Now and then, the counters nobody has touched for a day are cleared away.
      if (Math.random() < PRUNE_CHANCE) await pruneThrottle(now);
      return result;
    });
  } catch (error) {
    if (!(error instanceof PasswordChecksBusy)) throw error;
    await recordAudit(db(), {
      actor: null,
      action: "auth.sign-in",
      outcome: "DENIED",
      recordType: "sign-in-throttle",
      recordId: "busy",
      subjectKey: subject.accountKey,
    });
    return { ok: false, reason: "busy", retryAfterSeconds: 5 };
  }
}

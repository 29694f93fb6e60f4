// Checks an email, a password and a second-factor code (a TOTP code or a one-time recovery
// code; lib/auth/second-factor.ts), for every role. Every attempt is audited; repeated
// failures for one email are refused for a while. A wrong email, a wrong password and a
// wrong code give the same answer. Only after the right password is a user told that they
// have no second factor yet (and must ask an administrator for a set-up link).
import { createHmac } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { recordAudit } from "@/lib/audit/record-audit";
import { verifyPassword } from "./password";
import { createSession } from "./sessions";
import { verifySecondFactor } from "./second-factor";
import { throttledSignIn, type ThrottledResult } from "./throttle";
import { refuseDemoAccount } from "./demo-mode";
import { UNKNOWN_ADDRESS } from "./client-address";

export const signInSchema = z.strictObject({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "signIn.errors.email" }))
    .pipe(z.string().max(254)),
  password: z
    .string()
    .min(1, { error: "signIn.errors.password" })
    .max(1024, { error: "signIn.errors.password" }),
  // A six-digit code from the authenticator app, or a recovery code like "abcde-12345".
  code: z
    .string({ error: "signIn.errors.code" })
    .trim()
    .min(1, { error: "signIn.errors.code" })
    .max(32, { error: "signIn.errors.code" }),
});

export type SignInResult =
  { ok: true; sessionId: string } | { ok: false; reason: "invalid" | "no-second-factor" };

// Failed attempts are counted by a keyed hash of the email, so the audit log never holds
// an address someone mistyped.
function subjectKeyFor(email: string): string {
  return createHmac("sha256", env().AUTH_SECRET).update(email).digest("hex");
}

// Throttled per account, client address and overall before the password is checked
// (lib/auth/throttle.ts); demo accounts are refused outside demo mode (lib/auth/demo-mode.ts).
export async function attemptSignIn(
  email: string,
  password: string,
  code: string,
  now = new Date(),
  client: { address: string } = { address: UNKNOWN_ADDRESS },
): Promise<SignInResult | ThrottledResult> {
  const normalised = email.trim().toLowerCase();
  const subjectKey = subjectKeyFor(normalised);
  if (await refuseDemoAccount(normalised, subjectKey)) return { ok: false, reason: "invalid" };
  return throttledSignIn({ accountKey: subjectKey, address: client.address }, now, () =>
    checkCredentials(normalised, subjectKey, password, code, now),
  );
}

async function checkCredentials(
  normalised: string,
  subjectKey: string,
  password: string,
  code: string,
  now: Date,
): Promise<SignInResult> {
  const user = await db().user.findUnique({
    where: { email: normalised },
    select: { id: true, role: true, passwordHash: true, disabledAt: true, totpEnrolledAt: true },
  });
  const usable = user && !user.disabledAt ? user : null;
  const passwordOk = await verifyPassword(usable?.passwordHash ?? null, password);

  if (!usable || !passwordOk) {
    await recordAudit(db(), { actor: usable, action: "auth.sign-in", outcome: "FAILURE", subjectKey });
    return { ok: false, reason: "invalid" };
  }
  // The right password but no second factor: refused, and not counted as a guess.
  if (!usable.totpEnrolledAt) {
    await recordAudit(db(), {
      actor: usable,
      action: "auth.sign-in",
      outcome: "DENIED",
      recordType: "second-factor",
      subjectKey,
    });
    return { ok: false, reason: "no-second-factor" };
  }
  // A wrong, malformed or already used code fails like a wrong password, and counts as one.
  if (!(await verifySecondFactor(usable, code, now))) {
    await recordAudit(db(), {
      actor: usable,
      action: "auth.sign-in",
      outcome: "FAILURE",
      recordType: "second-factor",
      subjectKey,
    });
    return { ok: false, reason: "invalid" };
  }
  const sessionId = await createSession(usable.id, now);
  await recordAudit(db(), {
    actor: usable,
    action: "auth.sign-in",
    outcome: "SUCCESS",
    recordType: "session",
    recordId: sessionId,
    subjectKey,
  });
  return { ok: true, sessionId };
}

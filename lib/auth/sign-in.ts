// Checks an email and password. Every attempt is audited; repeated failures for one email
// are refused for a while. A wrong email and a wrong password give the same answer in the
// same time.
import { createHmac } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { recordAudit } from "@/lib/audit/record-audit";
import { verifyPassword } from "./password";
import { createSession } from "./sessions";

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
});

export type SignInResult =
  { ok: true; sessionId: string } | { ok: false; reason: "invalid" | "too-many-attempts" };

// Failed attempts are counted by a keyed hash of the email, so the audit log never holds
// an address someone mistyped.
function subjectKeyFor(email: string): string {
  return createHmac("sha256", env().AUTH_SECRET).update(email).digest("hex");
}

export async function attemptSignIn(
  email: string,
  password: string,
  now = new Date(),
): Promise<SignInResult> {
  const normalised = email.trim().toLowerCase();
  const subjectKey = subjectKeyFor(normalised);
  const since = new Date(now.getTime() - env().SIGN_IN_WINDOW_MINUTES * 60_000);
  const recentFailures = await db().auditEvent.count({
    where: { action: "auth.sign-in", subjectKey, outcome: "FAILURE", at: { gte: since } },
  });

  const user = await db().user.findUnique({
    where: { email: normalised },
    select: { id: true, role: true, passwordHash: true, disabledAt: true },
  });
  const usable = user && !user.disabledAt ? user : null;
  const passwordOk = await verifyPassword(usable?.passwordHash ?? null, password);

  if (recentFailures >= env().SIGN_IN_MAX_FAILURES) {
    await recordAudit(db(), { actor: usable, action: "auth.sign-in", outcome: "DENIED", subjectKey });
    return { ok: false, reason: "too-many-attempts" };
  }
  if (!usable || !passwordOk) {
    await recordAudit(db(), { actor: usable, action: "auth.sign-in", outcome: "FAILURE", subjectKey });
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

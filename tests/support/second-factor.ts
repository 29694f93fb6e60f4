// Enrols a test user's authenticator app through the real enrolment code, as the set-up
// page does, and computes codes for it.
import { db } from "@/lib/db/client";
import { confirmEnrolment, startEnrolment } from "@/lib/auth/second-factor";
import { totpAt } from "@/lib/auth/totp";

// Enrolment spends the step it was confirmed in; by default it happens two minutes ago, so
// a sign-in now has fresh steps to use.
export async function enrolSecondFactor(
  userId: string,
  at = new Date(Date.now() - 120_000),
): Promise<{ secret: string; recoveryCodes: string[] }> {
  return db().$transaction(async (tx) => {
    const secret = await startEnrolment(tx, userId);
    const result = await confirmEnrolment(tx, userId, totpAt(secret, at), at);
    if (!result.ok) throw new Error("test enrolment failed");
    return { secret, recoveryCodes: result.recoveryCodes };
  });
}

export function codeAt(secret: string, at = new Date()): string {
  return totpAt(secret, at);
}

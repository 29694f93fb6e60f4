// Demo mode: `npm start` on its embedded database is the demo (and `npm test` runs the
// end-to-end journeys in it). It says so on every page, and only in it may the demo
// accounts, whose password is in the README, sign in.
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { recordAudit } from "@/lib/audit/record-audit";

export const DEMO_EMAIL_DOMAIN = "@demo.liaison.test";

export function isDemoMode(): boolean {
  return env().LIAISON_DEMO;
}

export function isDemoAccountEmail(normalisedEmail: string): boolean {
  return normalisedEmail.endsWith(DEMO_EMAIL_DOMAIN);
}

// Outside demo mode a demo account is refused before its password is checked, audited as
// denied, and answered like any wrong email or password.
export async function refuseDemoAccount(normalisedEmail: string, subjectKey: string): Promise<boolean> {
  if (isDemoMode() || !isDemoAccountEmail(normalisedEmail)) return false;
  await recordAudit(db(), {
    actor: null,
    action: "auth.sign-in",
    outcome: "DENIED",
    recordType: "demo-account",
    subjectKey,
  });
  return true;
}

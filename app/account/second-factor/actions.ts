"use server";

import { requireUser } from "@/lib/auth/session-user";
import { requireRecentAuth } from "@/lib/auth/recent-auth";
import { regenerateRecoveryCodes } from "@/lib/auth/second-factor";

export type RegenerateState = { status: "idle" | "failed"; recoveryCodes?: string[] };

// New recovery codes, after a password check within the last five minutes.
export async function regenerateRecoveryCodesAction(
  _prev: RegenerateState,
  form: FormData,
): Promise<RegenerateState> {
  const user = await requireUser();
  // The form carries nothing; anything sent is ignored.
  void form;
  await requireRecentAuth(user, "/account/second-factor");
  const codes = await regenerateRecoveryCodes(user);
  return codes ? { status: "idle", recoveryCodes: codes } : { status: "failed" };
}

"use server";

import type { FormState } from "@/lib/forms";
import { safeAction } from "@/lib/forms/safe-action";
import { requireRecentAuth } from "@/lib/auth/recent-auth";
import { regenerateRecoveryCodes } from "@/lib/auth/second-factor";

// "failed" with no message: the codes could not be made (lib/auth/second-factor.ts); with
// one, the wrapper's (database unreachable, session lapsed).
export type RegenerateState = FormState<Record<string, never>> & { recoveryCodes?: string[] };

// New recovery codes, after a password check within the last five minutes.
export async function regenerateRecoveryCodesAction(
  _prev: RegenerateState,
  form: FormData,
): Promise<RegenerateState> {
  // The form carries nothing; anything sent is ignored.
  void form;
  return safeAction<RegenerateState>("Making new recovery codes", {}, async (user) => {
    await requireRecentAuth(user, "/account/second-factor");
    const codes = await regenerateRecoveryCodes(user);
    return codes
      ? { status: "idle", values: {}, fieldErrors: {}, recoveryCodes: codes }
      : { status: "failed", values: {}, fieldErrors: {} };
  });
}

"use server";

import { getCurrentUser } from "@/lib/auth/session-user";
import { safeReturnPath } from "@/lib/auth/return-path";
import { openValues, type KeptValues } from "./keep";

// After signing in again: the values typed on `path` before the session lapsed, if they were
// sealed for this same user and page and have not expired; otherwise nothing.
export async function restoreKeptValuesAction(sealed: unknown, path: unknown): Promise<KeptValues | null> {
  const user = await getCurrentUser().catch(() => null);
  if (!user) return null;
  return openValues(sealed, user.id, safeReturnPath(path));
}

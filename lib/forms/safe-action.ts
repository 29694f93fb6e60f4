// The one wrapper every form action runs in, so that nothing typed is lost in any failure.
// It finds the signed-in user and runs the action's own work; whatever goes wrong, the
// action answers with the values that were submitted and a message, never an error page
// or a redirect that would empty the form:
// - the session has lapsed: status "signed-out", the values, and the same values sealed
//   for this user and page (lib/forms/keep.ts) so they come back after signing in again;
// - the database cannot be reached (the error says its connection failed, or a probe asked
//   afresh gets no answer): status "failed", "forms.databaseDown";
// - anything else unexpected: status "failed", "forms.unexpected", logged by name only (a
//   database error can quote the values it was given).
// Next.js's own signals (redirect on success, notFound) pass through untouched. Expected
// outcomes (invalid input, a save conflict, not found) stay the action's own answers.
import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { auth } from "@/lib/auth/next-auth";
import { getCurrentUser } from "@/lib/auth/session-user";
import { safeReturnPath } from "@/lib/auth/return-path";
import type { CurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { isUuid } from "@/lib/ids";
import { databaseReachable } from "@/lib/db/liveness";
import { isDatabaseLost } from "@/lib/db/database-lost";
import { keepableValues, sealValues } from "./keep";

export type SafeStatus = "failed" | "signed-out";

// The part of an action's state this wrapper fills in when it answers for the action.
export type SafeState = {
  status: string;
  values: unknown;
  fieldErrors: object;
  formError?: string;
  // Sealed values to keep across a new sign-in (status "signed-out" only).
  kept?: string;
};

export async function safeAction<S extends SafeState>(
  what: string,
  values: S["values"],
  run: (user: CurrentUser) => Promise<S>,
): Promise<S> {
  return answered(what, values, async () => {
    const user = await getCurrentUser();
    if (!user) return (await signedOut(values)) as S;
    return run(user);
  });
}

// The same wrapper for the few forms used before anyone is signed in (signing in, setting up
// an account): every failure becomes a message with the values, but there is no session to
// find or to have lapsed. Such an action checks whatever it needs (a set-up link, the
// credentials) itself.
export async function safePublicAction<S extends SafeState>(
  what: string,
  values: S["values"],
  run: () => Promise<S>,
): Promise<S> {
  return answered(what, values, run);
}

async function answered<S extends SafeState>(
  what: string,
  values: S["values"],
  run: () => Promise<S>,
): Promise<S> {
  try {
    return await run();
  } catch (error) {
    unstable_rethrow(error);
    console.error(`${what} failed`, error instanceof Error ? error.name : typeof error);
    // The error itself may say so (the connection failed); otherwise ask the database now.
    const down = isDatabaseLost(error) || !(await databaseReachable());
    return {
      status: "failed",
      values,
      fieldErrors: {},
      formError: down ? "forms.databaseDown" : "forms.unexpected",
    } as S;
  }
}

async function signedOut(values: unknown): Promise<SafeState> {
  const answer: SafeState = { status: "signed-out", values, fieldErrors: {}, formError: "forms.signedOut" };
  const owner = await lapsedSessionOwner();
  if (!owner) return answer;
  const path = safeReturnPath((await headers()).get("x-liaison-path"));
  return { ...answer, kept: sealValues(keepableValues(values), owner, path) };
}

// Whose session lapsed, from the still-signed cookie: only that person can open the kept
// values after signing in again. No cookie, or a disabled account: nothing is kept (the
// values stay on the page, and nowhere else).
async function lapsedSessionOwner(): Promise<string | null> {
  const sessionId = (await auth())?.sessionId;
  if (typeof sessionId !== "string" || !isUuid(sessionId)) return null;
  const session = await db().session.findFirst({
    where: { id: sessionId, user: { disabledAt: null } },
    select: { userId: true },
  });
  return session?.userId ?? null;
}

// Ends the server-side session, so the cookie is worthless even if it was copied.
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { getCurrentUser } from "./session-user";
import { endSession } from "./sessions";

export async function endCurrentSession(): Promise<void> {
  const user = await getCurrentUser();
  if (!user) return;
  await endSession(user.sessionId);
  await recordAudit(db(), {
    actor: user,
    action: "auth.sign-out",
    recordType: "session",
    recordId: user.sessionId,
    outcome: "SUCCESS",
  });
}

// Ends the server-side session, so the cookie is worthless even if it was copied.
import { getCurrentUser } from "./session-user";
import { signOutSession } from "./sessions";

export async function endCurrentSession(): Promise<void> {
  const user = await getCurrentUser();
  if (user) await signOutSession(user.sessionId);
}

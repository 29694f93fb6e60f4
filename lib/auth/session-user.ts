// Resolves the signed-in user once per request, and the guards that pages use.
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { auth } from "./next-auth";
import { resolveSession } from "./sessions";
import type { CurrentUser } from "./current-user";
import { roleHas, type Permission } from "@/lib/authz/permissions";

export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  if (!session?.sessionId) return null;
  return resolveSession(session.sessionId);
});

export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return user;
}

// A page the user's role may not use answers "not found", like a record they may not see.
export async function requirePermission(permission: Permission): Promise<CurrentUser> {
  const user = await requireUser();
  if (!roleHas(user.role, permission)) notFound();
  return user;
}

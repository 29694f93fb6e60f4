"use server";

import { signOut } from "@/lib/auth/next-auth";
import { endCurrentSession } from "@/lib/auth/sign-out";

export async function signOutAction(): Promise<void> {
  await endCurrentSession();
  await signOut({ redirectTo: "/login?signedOut=1" });
}

// The system must always keep an administrator who can sign in: otherwise nobody could
// enable an account, reset a factor or issue a set-up link again without database access.
// Every change that can remove an administrator (disabling one, changing their role,
// deactivating their organisation) takes one lock first, so two administrators demoting
// each other at the same moment cannot both pass the check.
import type { Db, Tx } from "@/lib/db/client";
import { DEMO_EMAIL_DOMAIN } from "@/lib/auth/demo-mode";

// An arbitrary constant naming the lock "administrators are being changed".
export const ADMINISTRATORS_LOCK = 7_411_009;

export async function lockAdministrators(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADMINISTRATORS_LOCK}::bigint)`;
}

// Active administrators apart from the ones named: enabled, in an active organisation.
export async function otherActiveAdministrators(
  tx: Tx,
  except: { userIds?: string[]; organisationId?: string },
) {
  return tx.user.count({
    where: {
      role: "ADMIN",
      disabledAt: null,
      organisation: { deactivatedAt: null },
      ...(except.userIds ? { id: { notIn: except.userIds } } : {}),
      ...(except.organisationId ? { organisationId: { not: except.organisationId } } : {}),
    },
  });
}

// Active administrators who can sign in now, as lib/auth/sign-in.ts and oidc.ts decide it:
// - with a password and a confirmed second factor (a password chosen through a set-up link,
//   the authenticator not yet confirmed, signs nobody in); demo accounts only in demo mode;
// - or through single sign-on, only while it is configured, with the issuer they are linked to.
// With none, nobody can make accounts (first-administrator.ts).
export const ACTIVE_ADMINISTRATOR = {
  role: "ADMIN",
  disabledAt: null,
  organisation: { deactivatedAt: null },
} as const;

export type SignInSettings = { demo: boolean; oidcIssuer: string | null };

export async function administratorsWhoCanSignIn(client: Tx | Db, settings: SignInSettings): Promise<number> {
  const password = {
    passwordHash: { not: null },
    totpEnrolledAt: { not: null },
    ...(settings.demo ? {} : { NOT: { email: { endsWith: DEMO_EMAIL_DOMAIN } } }),
  };
  return client.user.count({
    where: {
      ...ACTIVE_ADMINISTRATOR,
      OR: settings.oidcIssuer
        ? [password, { oidcIssuer: settings.oidcIssuer, oidcSubject: { not: null } }]
        : [password],
    },
  });
}

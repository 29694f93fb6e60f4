// The system must always keep an administrator who can sign in: otherwise nobody could
// enable an account, reset a factor or issue a set-up link again without database access.
// Every change that can remove an administrator (disabling one, changing their role,
// deactivating their organisation) takes one lock first, so two administrators demoting
// each other at the same moment cannot both pass the check.
import type { Db, Tx } from "@/lib/db/client";

// An arbitrary constant naming the lock "administrators are being changed".
const ADMINISTRATORS_LOCK = 7_411_009;

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

// Active administrators who can sign in: a password and a confirmed second factor (a password
// chosen through a set-up link, the authenticator not yet confirmed, signs nobody in), or
// single sign-on. With none, nobody can make accounts (first-administrator.ts).
export const ACTIVE_ADMINISTRATOR = {
  role: "ADMIN",
  disabledAt: null,
  organisation: { deactivatedAt: null },
} as const;

export async function administratorsWhoCanSignIn(client: Tx | Db): Promise<number> {
  return client.user.count({
    where: {
      ...ACTIVE_ADMINISTRATOR,
      OR: [{ passwordHash: { not: null }, totpEnrolledAt: { not: null } }, { oidcSubject: { not: null } }],
    },
  });
}

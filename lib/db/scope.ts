// Row-level security's half in the app (docs/decisions/016). The partner-facing tables
// (referrals and their updates, third-party submissions, safety alerts and their recipients
// and identifiers) show the runtime database role only the rows of the unit and the agency
// named in two per-transaction settings. Every read and write of those tables runs inside
// `withRowScope`, which sets them from the signed-in user; a query that forgot to do so
// sees nothing and can write nothing.
import { db, type Db, type Tx } from "./client";

export type RowScope = { unitId: string | null; agencyId: string | null };

// Only the unit or agency the user belongs to; administrators belong to neither.
export function rowScopeOf(user: { unitId: string | null; agencyId: string | null }): RowScope {
  return { unitId: user.unitId ?? null, agencyId: user.agencyId ?? null };
}

// Sets the scope for the rest of the transaction `tx` (set_config(…, true) ends with it).
export async function applyRowScope(tx: Tx, scope: RowScope): Promise<void> {
  await tx.$queryRaw`SELECT set_config('liaison.unit_id', ${scope.unitId ?? ""}, true),
                            set_config('liaison.agency_id', ${scope.agencyId ?? ""}, true)`;
}

// Runs `fn` in a transaction scoped to `scope` (or to a signed-in user's unit and agency).
export async function withRowScope<T>(
  scope: RowScope,
  fn: (tx: Tx) => Promise<T>,
  options: { client?: Db; timeout?: number } = {},
): Promise<T> {
  const client = options.client ?? db();
  return client.$transaction(
    async (tx) => {
      await applyRowScope(tx, scope);
      return fn(tx);
    },
    options.timeout ? { timeout: options.timeout } : undefined,
  );
}

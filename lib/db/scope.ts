// Row-level security's half in the app (docs/decisions/016). The tables that hold case content
// (people, reports and everything hung on them) and the partner-facing tables (referrals,
// third-party submissions, safety alerts) show the runtime database role only the rows of the
// unit and the agency named in per-transaction settings; drafts only their owner's. Every read
// and write of those tables runs inside `withRowScope`, which sets them from the signed-in
// user, so a query that forgot to do so sees nothing and can write nothing. One scoped
// transaction per use case: a page's several reads and the audit event that records them share
// it, so the audit is written in the same transaction as the read.
import { AsyncLocalStorage } from "node:async_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { Prisma } from "@/lib/generated/prisma/client";
import { db, type Db, type Tx } from "./client";

export type RowScope = { unitId: string | null; agencyId: string | null; userId?: string | null };

// Only the unit or agency the user belongs to (administrators belong to neither), and the user
// themselves for their own drafts.
export function rowScopeOf(user: { id?: string; unitId: string | null; agencyId: string | null }): RowScope {
  return { unitId: user.unitId ?? null, agencyId: user.agencyId ?? null, userId: user.id ?? null };
}

// `settings` as further items of a select list (", set_config(name, value, true)" each), so a
// statement that is sent anyway sets them for the rest of its transaction.
export function settingsSql(settings: Readonly<Record<string, string>>): Prisma.Sql {
  const items = Object.entries(settings).map(
    ([name, value]) => Prisma.sql`, set_config(${name}, ${value}, true)`,
  );
  return items.length ? Prisma.join(items, "") : Prisma.empty;
}

// Sets the scope for the rest of the transaction `tx` (set_config(…, true) ends with it), and
// any planner `settings` the caller's statements want (the dashboard's), in the same round trip.
export async function applyRowScope(
  tx: Tx,
  scope: RowScope,
  settings: Readonly<Record<string, string>> = {},
): Promise<void> {
  await tx.$queryRaw`SELECT set_config('liaison.unit_id', ${scope.unitId ?? ""}, true),
                            set_config('liaison.agency_id', ${scope.agencyId ?? ""}, true),
                            set_config('liaison.user_id', ${scope.userId ?? ""}, true)
                            ${settingsSql(settings)}`;
}

// A transaction PostgreSQL ended because it deadlocked with another or could not be
// serialised (40P01, 40001; Prisma's P2034). Nothing it did was kept, so it may run again.
// Model queries report it as P2034; raw queries as P2010 with the driver's error attached.
export function isTransactionConflict(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2034") return true;
  const cause = (error.meta?.driverAdapterError as { cause?: { originalCode?: unknown } } | undefined)?.cause;
  return cause?.originalCode === "40P01" || cause?.originalCode === "40001";
}

// How often a use case runs before a conflict is given up on, and the pause between tries.
// Deadlocks are rare and short-lived (the audit chain's lock, decision 016, is the usual
// partner), so a few tries a few tens of milliseconds apart clear them under load.
const CONFLICT_TRIES = 4;
const conflictPause = (attempt: number) => 20 * attempt + Math.floor(Math.random() * 40);

// Every scoped transaction writes the audit events its use cases record at its very end, with
// one `createMany`, just before it commits. The audit chain's lock (decision 016) is then the
// last lock a transaction takes, so it never waits for anything while holding it: a use case
// that recorded its event and then waited on a row another transaction was writing, while
// that one waited for the chain's lock, deadlocked (bench:load, after the database restart).
//
// A page that shows several use cases' results (the case record, the officer's home) reads
// them all in one transaction rather than one each: on these machines every statement is a
// system call or two, and BEGIN, the scope and COMMIT were most of a page's statements
// (docs/decisions/016, addendum). Inside `withOneTransaction`, each `withRowScope` for the same
// scope and client joins the open transaction instead of starting its own.
type Open = {
  client: Db;
  scope: RowScope;
  tx: Tx;
  audits: Prisma.AuditEventCreateManyInput[];
  shared: boolean;
};
const open = new AsyncLocalStorage<Open>();

const sameScope = (a: RowScope, b: RowScope) =>
  a.unitId === b.unitId && a.agencyId === b.agencyId && (a.userId ?? null) === (b.userId ?? null);

// Runs `fn`, whose use cases share one scoped transaction; a conflict runs all of it again.
// Only for reads and the audit events that record them.
export async function withOneTransaction<T>(
  scope: RowScope,
  fn: () => Promise<T>,
  options: { client?: Db } = {},
): Promise<T> {
  return scoped(scope, () => fn(), { client: options.client, shared: true });
}

// For recordAudit: keeps the event for the end of the scoped transaction `client` is, if it
// is one, and says whether it did. Nothing in a transaction may read the events it recorded.
export function deferAudit(client: unknown, event: Prisma.AuditEventCreateManyInput): boolean {
  const current = open.getStore();
  if (!current || current.tx !== client) return false;
  current.audits.push(event);
  return true;
}

// Runs `fn` in a transaction scoped to `scope` (or to a signed-in user's unit and agency).
// `client: readDb()` runs it on the read replica when one is configured: set_config works in a
// read-only transaction on a standby, so the same policies hold there.
//
// When PostgreSQL ends the transaction for a deadlock or a serialisation failure, the whole
// of `fn` runs again in a fresh transaction (nothing of the failed one was kept), so `fn`
// must do nothing outside the transaction that would be wrong twice. A conflict that outlasts
// the tries is thrown as it came.
export async function withRowScope<T>(
  scope: RowScope,
  fn: (tx: Tx) => Promise<T>,
  options: { client?: Db; timeout?: number } = {},
): Promise<T> {
  return scoped(scope, fn, { ...options, shared: false });
}

async function scoped<T>(
  scope: RowScope,
  fn: (tx: Tx) => Promise<T>,
  options: { client?: Db; timeout?: number; shared: boolean },
): Promise<T> {
  const client = options.client ?? db();
  const current = open.getStore();
  if (current?.shared && current.client === client && sameScope(current.scope, scope)) return fn(current.tx);
  for (let attempt = 1; ; attempt++) {
    try {
      return await client.$transaction(
        async (tx) => {
          await applyRowScope(tx, scope);
          const mine: Open = { client, scope, tx, audits: [], shared: options.shared };
          const result = await open.run(mine, () => fn(tx));
          if (mine.audits.length > 0) await tx.auditEvent.createMany({ data: mine.audits });
          return result;
        },
        options.timeout ? { timeout: options.timeout } : undefined,
      );
    } catch (error) {
      if (attempt >= CONFLICT_TRIES || !isTransactionConflict(error)) throw error;
      await sleep(conflictPause(attempt));
    }
  }
}

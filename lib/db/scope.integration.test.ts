// withRowScope runs a use case again when PostgreSQL ends its transaction for a deadlock
// (lib/db/scope.ts). Under load, two transactions that take the same locks in opposite
// orders (the audit chain's lock and a report's rows, say) deadlock; PostgreSQL ends one,
// and before this the person behind it saw an error for work nothing had kept.
import { randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit/record-audit";
import { isTransactionConflict, withRowScope, type RowScope } from "./scope";
import { db, type Tx } from "./client";

const NO_ONE: RowScope = { unitId: null, agencyId: null, userId: null };

// Resolves once `parties` callers are waiting on it.
function barrier(parties: number): () => Promise<void> {
  let waiting = 0;
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return () => {
    waiting += 1;
    if (waiting === parties) open();
    return opened;
  };
}

const lock = (tx: Tx, key: number) =>
  tx.$queryRaw`SELECT 1 AS held FROM pg_advisory_xact_lock(${key}::bigint)`;

// Takes its own lock, waits (on the first try only) until the other side holds theirs, then
// asks for theirs: two of these with the keys swapped deadlock.
async function takeBoth(tx: Tx, mine: number, theirs: number, wait: (() => Promise<void>) | null) {
  await lock(tx, mine);
  if (wait) await wait();
  await lock(tx, theirs);
}

describe("withRowScope and transaction conflicts", () => {
  it("runs a use case again when PostgreSQL ends it for a deadlock, and both finish", async () => {
    const first = randomInt(1, 2 ** 40);
    const second = first + 1;
    const bothHoldOne = barrier(2);
    const runs = { a: 0, b: 0 };
    const a = withRowScope(NO_ONE, async (tx) => {
      runs.a += 1;
      await takeBoth(tx, first, second, runs.a === 1 ? bothHoldOne : null);
      return "a";
    });
    const b = withRowScope(NO_ONE, async (tx) => {
      runs.b += 1;
      await takeBoth(tx, second, first, runs.b === 1 ? bothHoldOne : null);
      return "b";
    });

    await expect(Promise.all([a, b])).resolves.toEqual(["a", "b"]);
    // PostgreSQL ended exactly one of them; it ran once more, after the other committed.
    expect(runs.a + runs.b).toBe(3);
  }, 20_000);

  it("recognises the deadlock error, and does not run again for any other error", async () => {
    const first = randomInt(1, 2 ** 40);
    const second = first + 1;
    const bothHoldOne = barrier(2);
    // Without withRowScope: the raw error PostgreSQL's deadlock comes back as.
    const attempt = (mine: number, theirs: number) =>
      db().$transaction((tx) => takeBoth(tx, mine, theirs, bothHoldOne));
    const settled = await Promise.allSettled([attempt(first, second), attempt(second, first)]);
    const failed = settled.filter((s) => s.status === "rejected");
    expect(failed).toHaveLength(1);
    expect(isTransactionConflict((failed[0] as PromiseRejectedResult).reason)).toBe(true);

    let runs = 0;
    await expect(
      withRowScope(NO_ONE, async () => {
        runs += 1;
        throw new Error("not a conflict");
      }),
    ).rejects.toThrow("not a conflict");
    expect(runs).toBe(1);
    expect(isTransactionConflict(new Error("deadlock detected"))).toBe(false);
  }, 20_000);

  // bench:load found this one after the database came back: submitting a report wrote its
  // audit event (taking the audit chain's lock) and then waited on a summary row another
  // transaction had written, while that one waited for the chain's lock to write its own
  // event. A use case's events now wait for the end of its transaction, so the chain's lock
  // is the last one it takes and it never waits on anything while holding it.
  it("takes the audit chain's lock last, so auditing first cannot deadlock with writing first", async () => {
    const row = randomInt(1, 2 ** 40);
    const audited = barrier(2);
    let runs = 0;
    const auditsThenWaits = withRowScope(NO_ONE, async (tx) => {
      runs += 1;
      await recordAudit(tx, {
        actor: null,
        action: "test.audit-first",
        outcome: "SUCCESS",
        clientAddress: "test",
      });
      if (runs === 1) await audited();
      await lock(tx, row);
      return "audited first";
    });
    // Holds the row's lock, then writes an event straight away, as a plain transaction.
    const writesThenAudits = db().$transaction(async (tx) => {
      await lock(tx, row);
      await audited();
      await tx.auditEvent.create({
        data: { actorId: null, action: "test.write-first", outcome: "SUCCESS", clientAddress: "test" },
      });
      return "wrote first";
    });

    await expect(Promise.all([auditsThenWaits, writesThenAudits])).resolves.toEqual([
      "audited first",
      "wrote first",
    ]);
    expect(runs).toBe(1);
    // Both events are on the chain, the plain transaction's first: it committed first.
    const events = await db().auditEvent.findMany({
      where: { action: { in: ["test.audit-first", "test.write-first"] } },
      orderBy: { at: "asc" },
      select: { action: true },
    });
    expect(events.map((e) => e.action)).toEqual(["test.write-first", "test.audit-first"]);
  }, 20_000);
});

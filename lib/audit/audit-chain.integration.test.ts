// The audit chain (docs/decisions/016): every event is chained to the one before it, the
// chain stays linear with several app instances writing at once, and `npm run
// audit:verify` finds the first event an owner changed, removed or added behind the app's back.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createPrismaClient, db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { recordAudit } from "./record-audit";
import { ownerSql, ownerUrl } from "@/tests/support/owner-sql";
import { verifyAuditChain } from "@/tools/audit/verify";

async function tamper(statement: string, params: unknown[]) {
  // The owner can switch the table's triggers off (append-only and chain alike): exactly the
  // insider the chain is for.
  const client = await ownerSql().connect();
  try {
    await client.query("BEGIN");
    await client.query(`ALTER TABLE "AuditEvent" DISABLE TRIGGER USER`);
    await client.query(statement, params);
    await client.query(`ALTER TABLE "AuditEvent" ENABLE TRIGGER USER`);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}

describe("the audit chain", () => {
  it("stays one unbroken chain with three app instances writing at once", async () => {
    // Three separate clients with their own pools stand for three app instances.
    const instances = [0, 1, 2].map(() => createPrismaClient(env().DATABASE_URL, 4));
    try {
      await Promise.all(
        instances.flatMap((client, i) =>
          Array.from({ length: 40 }, (_, n) =>
            recordAudit(client, {
              actor: null,
              action: `test.instance${i}`,
              recordId: String(n),
              outcome: "SUCCESS",
            }),
          ),
        ),
      );
    } finally {
      await Promise.all(instances.map((c) => c.$disconnect()));
    }
    const report = await verifyAuditChain(ownerUrl());
    expect(report.ok).toBe(true);
    const { rows } = await ownerSql().query<{ n: number; max: string; distinct: number }>(
      `SELECT count(*)::int AS n, max(seq)::text AS max, count(DISTINCT seq)::int AS distinct FROM "AuditEvent"`,
    );
    expect(report.events).toBe(rows[0]!.n);
    // Gapless: as many events as the highest sequence number, each number once.
    expect(rows[0]!.max).toBe(String(rows[0]!.n));
    expect(rows[0]!.distinct).toBe(rows[0]!.n);
  });

  it("records the session and the address with the event", async () => {
    await recordAudit(db(), {
      actor: {
        id: "0193a000-0000-7000-8000-000000000001",
        role: "SUPERVISOR",
        sessionId: "0193a000-0000-7000-8000-000000000002",
      },
      action: "test.session",
      outcome: "DENIED",
      clientAddress: "192.0.2.7",
    });
    const { rows } = await ownerSql().query(
      `SELECT "sessionId", "clientAddress", outcome FROM "AuditEvent" WHERE action = 'test.session'`,
    );
    expect(rows).toEqual([
      { sessionId: "0193a000-0000-7000-8000-000000000002", clientAddress: "192.0.2.7", outcome: "DENIED" },
    ]);
  });

  it("refuses to be written from a REPEATABLE READ transaction, which would fork it", async () => {
    const client = new pg.Client({ connectionString: env().DATABASE_URL });
    await client.connect();
    try {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
      await expect(
        client.query(
          `INSERT INTO "AuditEvent" (id, action, outcome) VALUES (gen_random_uuid(), 'test.rr', 'SUCCESS')`,
        ),
      ).rejects.toThrow(/READ COMMITTED/);
      await client.query("ROLLBACK");
    } finally {
      await client.end();
    }
  });

  it("finds an event an owner added with the chain trigger switched off, and the command says where", async () => {
    await recordAudit(db(), { actor: null, action: "test.forge", outcome: "SUCCESS" });
    expect((await verifyAuditChain(ownerUrl())).ok).toBe(true);
    const head = await ownerSql().query<{ seq: string; hash: string }>(
      `SELECT seq::text AS seq, hash FROM "AuditEvent" WHERE seq = (SELECT max(seq) FROM "AuditEvent")`,
    );
    const forgedSeq = String(BigInt(head.rows[0]!.seq) + 1n);
    // A made-up event that names the real head as its predecessor, so only its own hash
    // can give it away.
    await tamper(
      `INSERT INTO "AuditEvent" (id, action, outcome, "recordIds", seq, "prevHash", hash)
       VALUES (gen_random_uuid(), 'person.view', 'SUCCESS', '{}', $1::bigint, $2, $3)`,
      [forgedSeq, head.rows[0]!.hash, "0".repeat(64)],
    );
    expect(await verifyAuditChain(ownerUrl())).toMatchObject({
      ok: false,
      broken: { seq: forgedSeq, reason: "hash" },
    });

    // `npm run audit:verify` on the same database (it inherits DATABASE_URL, the runtime role,
    // which may read the log): exit code 2 and the broken event named.
    const run = promisify(execFile);
    const failed = await run("npx", ["tsx", "tools/audit/verify-cli.ts"]).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain(`Audit chain BROKEN at event seq ${forgedSeq}`);

    // Taken out again, the chain is whole, as the next test needs it.
    await tamper(`DELETE FROM "AuditEvent" WHERE seq = $1::bigint`, [forgedSeq]);
    expect((await verifyAuditChain(ownerUrl())).ok).toBe(true);
  }, 60_000);

  it("finds an event whose content an owner changed, and one an owner removed", async () => {
    for (let n = 0; n < 5; n++)
      await recordAudit(db(), { actor: null, action: "test.tamper", outcome: "SUCCESS" });
    expect((await verifyAuditChain(ownerUrl())).ok).toBe(true);
    const { rows } = await ownerSql().query<{ id: string; seq: string }>(
      `SELECT id, seq::text AS seq FROM "AuditEvent" WHERE action = 'test.tamper' ORDER BY seq`,
    );
    await tamper(`UPDATE "AuditEvent" SET outcome = 'DENIED' WHERE id = $1`, [rows[1]!.id]);
    const changed = await verifyAuditChain(ownerUrl(), { batch: 3 });
    expect(changed).toMatchObject({ ok: false, broken: { seq: rows[1]!.seq, reason: "hash" } });

    await tamper(`UPDATE "AuditEvent" SET outcome = 'SUCCESS' WHERE id = $1`, [rows[1]!.id]);
    expect((await verifyAuditChain(ownerUrl())).ok).toBe(true);
    await tamper(`DELETE FROM "AuditEvent" WHERE id = $1`, [rows[2]!.id]);
    const removed = await verifyAuditChain(ownerUrl());
    expect(removed).toMatchObject({ ok: false, broken: { seq: rows[3]!.seq, reason: "link" } });
  });
});

// Walks the audit chain (docs/decisions/016): every event's hash must be SHA-256 of the
// previous event's hash and its own fields, and every event must name the previous one's
// hash. Reports the first broken link. The hashing is recomputed by the database's own
// function, and the links are checked here, in order, in batches.
import pg from "pg";

export type ChainReport =
  | { ok: true; events: number; head: { seq: string; hash: string } | null }
  | {
      ok: false;
      events: number;
      broken: { seq: string; id: string; reason: "hash" | "link" | "unchained" };
    };

const GENESIS = "0".repeat(64);

export async function verifyAuditChain(
  url: string,
  opts: { batch?: number; onProgress?: (checked: number) => void } = {},
): Promise<ChainReport> {
  const batch = opts.batch ?? 5000;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const unchained = await client.query<{ id: string }>(
      `SELECT id FROM "AuditEvent" WHERE seq IS NULL OR hash IS NULL OR "prevHash" IS NULL LIMIT 1`,
    );
    if (unchained.rows[0])
      return { ok: false, events: 0, broken: { seq: "", id: unchained.rows[0].id, reason: "unchained" } };
    let previous = GENESIS;
    let after = "0";
    let events = 0;
    let head: { seq: string; hash: string } | null = null;
    for (;;) {
      const { rows } = await client.query<{
        seq: string;
        id: string;
        hash: string;
        prevHash: string;
        recomputed: string;
      }>(
        `SELECT e.seq::text AS seq, e.id, e.hash, e."prevHash",
                liaison_audit_hash(e."prevHash", e) AS recomputed
           FROM "AuditEvent" e WHERE e.seq > $1::bigint ORDER BY e.seq LIMIT $2`,
        [after, batch],
      );
      if (rows.length === 0) break;
      for (const row of rows) {
        if (row.prevHash !== previous)
          return { ok: false, events, broken: { seq: row.seq, id: row.id, reason: "link" } };
        if (row.hash !== row.recomputed)
          return { ok: false, events, broken: { seq: row.seq, id: row.id, reason: "hash" } };
        previous = row.hash;
        head = { seq: row.seq, hash: row.hash };
        events += 1;
      }
      after = rows[rows.length - 1]!.seq;
      opts.onProgress?.(events);
    }
    return { ok: true, events, head };
  } finally {
    await client.end();
  }
}

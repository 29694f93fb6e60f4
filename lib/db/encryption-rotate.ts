// Re-encrypts every encrypted field under the key ring's current key, batch by batch, while
// the app keeps running (`npm run keys:rotate`). Values already under the current key are
// skipped, so a second run continues where a stopped one left off. Each batch is written with
// a compare-and-swap on the values it read: a row the app changed in between is read again
// and redone, never overwritten. Values written before encryption existed are sealed too, and
// missing identifier hashes are filled in. It runs as the schema owner, outside row security.
import {
  decryptField,
  encryptField,
  identifierKey,
  isEncrypted,
  keyIdOf,
  type KeyRing,
} from "@/lib/crypto/field-cipher";
import { ENCRYPTED_FIELDS, INDEXED_FIELDS, JSON_FIELDS } from "./encryption-fields";

export type Queryable = {
  query: (
    text: string,
    values?: unknown[],
  ) => Promise<{ rows: Record<string, unknown>[]; rowCount: number | null }>;
};

export type RotationOptions = {
  batchSize?: number;
  log?: (line: string) => void;
  // Stop after this many rows have been rewritten (as if stopped part way).
  stopAfter?: number;
  // Only these tables (all of them when absent).
  models?: readonly string[];
  // Called between reading a batch and writing it back (tests use it to race a write).
  afterRead?: (model: string, ids: string[]) => Promise<void>;
};

export type RotationResult = {
  examined: number;
  rewritten: number;
  skipped: number;
  retried: number;
  left: number;
};

const START = "00000000-0000-0000-0000-000000000000";
const MAX_ROUNDS = 5;
const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

type Column = { name: string; json: boolean };
type Change = { id: string; old: (string | null)[]; next: (string | null)[] };

function columnsOf(model: string): Column[] {
  const fields = (ENCRYPTED_FIELDS as Record<string, readonly string[]>)[model] ?? [];
  const index = INDEXED_FIELDS[model];
  const names = index ? [...fields, index.keyField] : [...fields];
  return names.map((name) => ({ name, json: JSON_FIELDS.has(`${model}.${name}`) }));
}

// The row's stored values brought under the current key, or null when nothing needs doing.
function planRow(
  ring: KeyRing,
  model: string,
  columns: Column[],
  row: Record<string, unknown>,
): Change | null {
  const id = String(row.id);
  const old = columns.map((c) => (row[c.name] === null ? null : String(row[c.name])));
  const next = [...old];
  const index = INDEXED_FIELDS[model];
  columns.forEach((c, i) => {
    const stored = old[i];
    if (stored === null || stored === undefined || stored === "" || c.name === index?.keyField) return;
    const context = { table: model, column: c.name, rowId: id };
    // JSON columns arrive as their jsonb text: a sealed value is a JSON string.
    const value = c.json ? (JSON.parse(stored) as unknown) : stored;
    const sealed = typeof value === "string" && isEncrypted(value) ? value : null;
    const plain = sealed ? decryptField(ring, sealed, context) : c.json ? stored : (value as string);
    if (index?.field === c.name) {
      const k = columns.findIndex((col) => col.name === index.keyField);
      if (old[k] === null) next[k] = identifierKey(ring, plain);
    }
    if (sealed && keyIdOf(sealed) === ring.currentKeyId) return;
    const fresh = encryptField(ring, plain, context);
    next[i] = c.json ? JSON.stringify(fresh) : fresh;
  });
  return next.some((v, i) => v !== old[i]) ? { id, old, next } : null;
}

async function readRows(sql: Queryable, model: string, columns: Column[], where: string, values: unknown[]) {
  const list = columns.map((c) => (c.json ? `${q(c.name)}::text AS ${q(c.name)}` : q(c.name))).join(", ");
  const result = await sql.query(`SELECT id::text AS id, ${list} FROM ${q(model)} WHERE ${where}`, values);
  return result.rows;
}

// Writes the changes whose rows still hold what was read; returns the ids that did not.
async function swap(sql: Queryable, model: string, columns: Column[], changes: Change[]): Promise<string[]> {
  const values: unknown[] = [changes.map((c) => c.id)];
  const names = ["id"];
  const sets: string[] = [];
  const checks: string[] = [];
  columns.forEach((c, i) => {
    values.push(
      changes.map((ch) => ch.old[i]),
      changes.map((ch) => ch.next[i]),
    );
    names.push(`o${i}`, `n${i}`);
    sets.push(`${q(c.name)} = v.n${i}${c.json ? "::jsonb" : ""}`);
    checks.push(`m.${q(c.name)}${c.json ? "::text" : ""} IS NOT DISTINCT FROM v.o${i}`);
  });
  const casts = values.map((_, i) => `$${i + 1}::${i === 0 ? "uuid" : "text"}[]`).join(", ");
  const result = await sql.query(
    `UPDATE ${q(model)} AS m SET ${sets.join(", ")}
       FROM unnest(${casts}) AS v(${names.join(", ")})
      WHERE m.id = v.id AND ${checks.join(" AND ")}
      RETURNING m.id::text AS id`,
    values,
  );
  const done = new Set(result.rows.map((r) => String(r.id)));
  return changes.map((c) => c.id).filter((id) => !done.has(id));
}

export async function rotateFieldKeys(
  sql: Queryable,
  ring: KeyRing,
  options: RotationOptions = {},
): Promise<RotationResult> {
  const batchSize = options.batchSize ?? 500;
  const total: RotationResult = { examined: 0, rewritten: 0, skipped: 0, retried: 0, left: 0 };
  const models = options.models ?? Object.keys(ENCRYPTED_FIELDS);
  for (const model of models) {
    const columns = columnsOf(model);
    let cursor = START;
    let rewritten = 0;
    for (;;) {
      if (options.stopAfter !== undefined && total.rewritten >= options.stopAfter) return total;
      const rows = await readRows(sql, model, columns, `id > $1::uuid ORDER BY id LIMIT $2`, [
        cursor,
        batchSize,
      ]);
      if (rows.length === 0) break;
      cursor = String(rows[rows.length - 1]!.id);
      total.examined += rows.length;
      let changes = rows.flatMap((r) => planRow(ring, model, columns, r) ?? []);
      total.skipped += rows.length - changes.length;
      if (options.afterRead)
        await options.afterRead(
          model,
          changes.map((c) => c.id),
        );
      for (let round = 0; changes.length > 0; round++) {
        const lost = await swap(sql, model, columns, changes);
        const done = changes.length - lost.length;
        total.rewritten += done;
        rewritten += done;
        if (lost.length === 0) break;
        if (round === MAX_ROUNDS) {
          total.left += lost.length;
          break;
        }
        // Changed by the app since the read: read again (it may already be under the new key).
        total.retried += lost.length;
        const fresh = await readRows(sql, model, columns, `id = ANY($1::uuid[])`, [lost]);
        changes = fresh.flatMap((r) => planRow(ring, model, columns, r) ?? []);
      }
    }
    options.log?.(`${model}: ${rewritten} row(s) re-encrypted under ${ring.currentKeyId}`);
  }
  return total;
}

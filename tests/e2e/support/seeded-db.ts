// Reads the seeded database the journeys run against, so that a test checks the real
// records rather than a list someone remembered to write.
import pg from "pg";
import { decryptField, isEncrypted, keyRingFromMaster, type KeyRing } from "../../../lib/crypto/field-cipher";

export async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({
    connectionString: process.env.TEST_OWNER_DATABASE_URL ?? process.env.DATABASE_URL,
  });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

let ring: KeyRing | null | undefined;

// The field key ring the app was started with, or null when the environment has none.
function keyRing(): KeyRing | null {
  if (ring !== undefined) return ring;
  const master = process.env.LIAISON_MASTER_KEY;
  if (!master) return (ring = null);
  const decoded = /^[A-Za-z0-9+/_-]+={0,2}$/.test(master) ? Buffer.from(master, "base64") : null;
  const bytes = decoded && decoded.length >= 32 ? decoded : Buffer.from(master, "utf8");
  const ids = (process.env.LIAISON_FIELD_KEY_IDS ?? "k1").split(",").map((id) => id.trim());
  return (ring = keyRingFromMaster(bytes, ids.filter(Boolean)));
}

// A column's text as the app shows it: encrypted columns (lib/db/encryption-fields.ts) are
// opened with the app's key; null when it cannot be (no key here).
export function plain(table: string, column: string, rowId: string, stored: string | null): string | null {
  if (stored === null || !isEncrypted(stored)) return stored;
  const keys = keyRing();
  if (!keys) return null;
  try {
    return decryptField(keys, stored, { table, column, rowId });
  } catch {
    return null;
  }
}

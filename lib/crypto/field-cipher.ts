// Field-level encryption for personal data at rest: AES-256-GCM with a random 96-bit IV,
// the key id written into every value so keys can rotate, and authenticated data naming
// the table, column and row, so a ciphertext moved to another row or column fails to open.
// Exact-match identifiers are also given a keyed hash (HMAC-SHA-256) so they can be matched
// without being readable. docs/decisions/015-field-encryption.md explains the choices.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

const PREFIX = "enc1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
// HKDF salt and labels: fixed, public, and different for every purpose.
const SALT = Buffer.from("liaison/hkdf-salt/v1");
const FIELD_LABEL = "liaison/field-encryption/";
const INDEX_LABEL = "liaison/identifier-index/v1";

export class FieldDecryptionError extends Error {
  constructor(reason: string) {
    super(`Encrypted field could not be opened: ${reason}`);
    this.name = "FieldDecryptionError";
  }
}

export type KeyRing = {
  // The key new values are written under.
  currentKeyId: string;
  // Every key that may still be read, by id (the current one included).
  keys: ReadonlyMap<string, Buffer>;
  // The key for keyed hashes of identifiers; never rotated with the field keys.
  indexKey: Buffer;
};

function derive(master: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync("sha256", master, SALT, info, 32));
}

// A key ring from one master secret: each field key id names its own HKDF subkey, so rotating
// means choosing a new id (first in the list); ids dropped from the list can no longer be read.
export function keyRingFromMaster(master: Buffer, keyIds: readonly string[]): KeyRing {
  if (master.length < 32) throw new Error("The master key must be at least 32 bytes");
  if (keyIds.length === 0) throw new Error("At least one field key id is needed");
  for (const id of keyIds) if (!KEY_ID.test(id)) throw new Error(`Invalid field key id: ${id}`);
  return {
    currentKeyId: keyIds[0]!,
    keys: new Map(keyIds.map((id) => [id, derive(master, FIELD_LABEL + id)])),
    indexKey: derive(master, INDEX_LABEL),
  };
}

// What a value is bound to: it opens only in the same table, column and row.
export type FieldContext = { table: string; column: string; rowId: string };

function aad({ table, column, rowId }: FieldContext): Buffer {
  return Buffer.from(`${PREFIX}|${table}|${column}|${rowId}`, "utf8");
}

export function isEncrypted(value: string): boolean {
  return value.startsWith(`${PREFIX}.`);
}

// The key id a stored value was written under, or null for a value never encrypted.
export function keyIdOf(value: string): string | null {
  if (!isEncrypted(value)) return null;
  return value.split(".")[1] ?? null;
}

export function encryptField(ring: KeyRing, plaintext: string, context: FieldContext): string {
  const key = ring.keys.get(ring.currentKeyId);
  if (!key) throw new Error("The current field key is not in the key ring");
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(aad(context));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const sealed = Buffer.concat([iv, body, cipher.getAuthTag()]);
  return `${PREFIX}.${ring.currentKeyId}.${sealed.toString("base64url")}`;
}

export function decryptField(ring: KeyRing, stored: string, context: FieldContext): string {
  const [prefix, keyId, payload, extra] = stored.split(".");
  if (prefix !== PREFIX || !keyId || payload === undefined || extra !== undefined)
    throw new FieldDecryptionError("not an encrypted value");
  const key = ring.keys.get(keyId);
  if (!key) throw new FieldDecryptionError(`key ${keyId} is not in the key ring`);
  const sealed = Buffer.from(payload, "base64url");
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new FieldDecryptionError("truncated");
  const decipher = createDecipheriv("aes-256-gcm", key, sealed.subarray(0, IV_BYTES));
  decipher.setAAD(aad(context));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  try {
    const body = sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
  } catch {
    // Wrong key, altered bytes, or a value moved from another row or column.
    throw new FieldDecryptionError("authentication failed");
  }
}

// Keyed hash of an already normalised identifier, for exact matching (a blind index).
export function identifierKey(ring: KeyRing, normalised: string): string {
  return createHmac("sha256", ring.indexKey).update(normalised, "utf8").digest("base64url");
}

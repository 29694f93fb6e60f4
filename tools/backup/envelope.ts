// The encrypted envelope of a backup file (docs/decisions/020). Layout:
//
//   "LIAISONBK\n" | 4-byte big-endian header length | header JSON | ciphertext | 16-byte GCM tag
//
// The header (format version, key id, nonce, creation time, algorithm) is not secret but is
// authenticated: it is the GCM additional data, so changing the key id or version is detected.
// The plaintext is gzip of the logical dump (dump.ts). The key is 32 bytes: LIAISON_BACKUP_KEY
// when set, else derived with HKDF from LIAISON_MASTER_KEY (the environment's, or the one in
// .data/secrets.json in demo mode) under its own label, so it differs from every field key.
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream, openSync, readSync, closeSync, statSync } from "node:fs";
import { pipeline } from "node:stream/promises";
import { Readable, Transform, type Writable } from "node:stream";
import { createGunzip, createGzip } from "node:zlib";
import { masterKeyBytes } from "@/lib/crypto/keys";

export const MAGIC = Buffer.from("LIAISONBK\n");
export const FORMAT_VERSION = 1;
const TAG_BYTES = 16;

export type BackupHeader = {
  format: number;
  algorithm: "aes-256-gcm";
  compression: "gzip";
  keyId: string;
  nonce: string;
  createdAt: string;
};

export type BackupKey = { id: string; key: Buffer };

export function backupKeyFrom(env: { LIAISON_BACKUP_KEY?: string; LIAISON_MASTER_KEY?: string }): BackupKey {
  let key: Buffer;
  if (env.LIAISON_BACKUP_KEY) {
    key = masterKeyBytes(env.LIAISON_BACKUP_KEY);
    if (key.length !== 32) key = createHash("sha256").update(key).digest();
  } else if (env.LIAISON_MASTER_KEY) {
    key = Buffer.from(
      hkdfSync(
        "sha256",
        masterKeyBytes(env.LIAISON_MASTER_KEY),
        "liaison/backup-salt/v1",
        "backup-file-key",
        32,
      ),
    );
  } else {
    throw new Error("No backup key: set LIAISON_BACKUP_KEY (or LIAISON_MASTER_KEY).");
  }
  // The id names the key without revealing it: the first 8 bytes of a hash of it.
  const id = createHash("sha256").update("liaison backup key id").update(key).digest("hex").slice(0, 16);
  return { id, key };
}

function headerBytes(header: BackupHeader): Buffer {
  const json = Buffer.from(JSON.stringify(header), "utf8");
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  return Buffer.concat([MAGIC, length, json]);
}

// Writes `source` (the plaintext dump) gzipped and encrypted to `file`.
export async function writeEncrypted(file: string, source: Readable, key: BackupKey): Promise<BackupHeader> {
  const nonce = randomBytes(12);
  const header: BackupHeader = {
    format: FORMAT_VERSION,
    algorithm: "aes-256-gcm",
    compression: "gzip",
    keyId: key.id,
    nonce: nonce.toString("base64"),
    createdAt: new Date().toISOString(),
  };
  const head = headerBytes(header);
  const cipher = createCipheriv("aes-256-gcm", key.key, nonce);
  cipher.setAAD(head);
  const out = createWriteStream(file, { mode: 0o600 });
  out.write(head);
  const appendTag = new Transform({
    transform(chunk, _enc, done) {
      done(null, chunk);
    },
    flush(done) {
      done(null, cipher.getAuthTag());
    },
  });
  await pipeline(source, createGzip(), cipher, appendTag, out);
  return header;
}

export function readHeader(file: string): {
  header: BackupHeader;
  bodyStart: number;
  bodyEnd: number;
  head: Buffer;
} {
  const fd = openSync(file, "r");
  try {
    const prefix = Buffer.alloc(MAGIC.length + 4);
    if (
      readSync(fd, prefix, 0, prefix.length, 0) !== prefix.length ||
      !prefix.subarray(0, MAGIC.length).equals(MAGIC)
    )
      throw new Error(`${file} is not a Liaison backup.`);
    const length = prefix.readUInt32BE(MAGIC.length);
    if (length > 64 * 1024) throw new Error(`${file}: header too long.`);
    const json = Buffer.alloc(length);
    readSync(fd, json, 0, length, prefix.length);
    const header = JSON.parse(json.toString("utf8")) as BackupHeader;
    if (header.format !== FORMAT_VERSION)
      throw new Error(`${file}: backup format ${header.format} is not supported.`);
    if (header.algorithm !== "aes-256-gcm")
      throw new Error(`${file}: unknown algorithm ${header.algorithm}.`);
    const size = statSync(file).size;
    return {
      header,
      head: Buffer.concat([prefix, json]),
      bodyStart: prefix.length + length,
      bodyEnd: size - TAG_BYTES,
    };
  } finally {
    closeSync(fd);
  }
}

// Streams the decrypted, decompressed dump into `sink`. Decryption releases plaintext before
// the tag is checked at the end, so the consumer must not commit anything until this resolves
// (restore.ts applies everything in one transaction and commits only afterwards).
export async function readEncrypted(file: string, key: BackupKey, sink: Writable): Promise<BackupHeader> {
  const { header, head, bodyStart, bodyEnd } = readHeader(file);
  if (header.keyId !== key.id)
    throw new Error(`${file} was encrypted with key ${header.keyId}; the key given is ${key.id}.`);
  const fd = openSync(file, "r");
  const tag = Buffer.alloc(TAG_BYTES);
  readSync(fd, tag, 0, TAG_BYTES, bodyEnd);
  closeSync(fd);
  const decipher = createDecipheriv("aes-256-gcm", key.key, Buffer.from(header.nonce, "base64"));
  decipher.setAAD(head);
  decipher.setAuthTag(tag);
  const body =
    bodyEnd > bodyStart ? createReadStream(file, { start: bodyStart, end: bodyEnd - 1 }) : Readable.from([]);
  await pipeline(body, decipher, createGunzip(), sink);
  return header;
}

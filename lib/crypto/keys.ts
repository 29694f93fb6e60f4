// The field key ring, from the environment (LIAISON_MASTER_KEY and LIAISON_FIELD_KEY_IDS).
// Demo mode puts a generated master key in .data/secrets.json (tools/secrets.ts).
import { fieldKeyEnv } from "@/lib/env";
import { keyRingFromMaster, type KeyRing } from "./field-cipher";

let cached: KeyRing | undefined;

export function masterKeyBytes(value: string): Buffer {
  // Base64 (standard or url-safe) of at least 32 bytes, else the text itself.
  const decoded = /^[A-Za-z0-9+/_-]+={0,2}$/.test(value) ? Buffer.from(value, "base64") : null;
  return decoded && decoded.length >= 32 ? decoded : Buffer.from(value, "utf8");
}

export function parseKeyIds(list: string): string[] {
  return list
    .split(",")
    .map((id) => id.trim())
    .filter(Boolean);
}

export function fieldKeyRing(): KeyRing {
  if (cached) return cached;
  const e = fieldKeyEnv();
  if (e.AUTH_SECRET && e.AUTH_SECRET === e.LIAISON_MASTER_KEY)
    throw new Error("LIAISON_MASTER_KEY must not be the session secret (AUTH_SECRET)");
  cached = keyRingFromMaster(masterKeyBytes(e.LIAISON_MASTER_KEY), parseKeyIds(e.LIAISON_FIELD_KEY_IDS));
  return cached;
}

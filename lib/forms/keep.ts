// Keeping what was typed across a new sign-in. When a form is sent after the session has
// lapsed, the server seals the typed values (AES-256-GCM under a key derived from
// AUTH_SECRET) together with the user the lapsed session belonged to, the page and an
// expiry. The browser keeps only that sealed text, in the tab's sessionStorage, and hands it
// back after sign-in; the server opens it only for the same user on the same page within
// KEEP_MINUTES. Why this is safe on a shared computer: docs/decisions/011-calm-when-things-fail.md.
import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

export const KEEP_MINUTES = 30;
const INFO = "liaison:kept-form-values:v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export type KeptValues = Record<string, string | string[]>;
type Sealed = { u: string; p: string; x: number; v: KeptValues };

function key(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "", INFO, 32));
}

// Only text and lists of text survive: nothing else is a typed value.
export function keepableValues(values: unknown): KeptValues {
  const out: KeptValues = {};
  if (typeof values !== "object" || values === null) return out;
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === "string") out[name] = value;
    else if (Array.isArray(value)) out[name] = value.filter((v): v is string => typeof v === "string");
  }
  return out;
}

export function sealValues(
  values: KeptValues,
  userId: string,
  path: string,
  now = Date.now(),
  secret = env().AUTH_SECRET,
): string {
  const payload: Sealed = { u: userId, p: path, x: now + KEEP_MINUTES * 60_000, v: values };
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key(secret), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(payload), "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

// The values, or null when the text was altered, is for someone else or another page, or
// has expired.
export function openValues(
  sealed: unknown,
  userId: string,
  path: string,
  now = Date.now(),
  secret = env().AUTH_SECRET,
): KeptValues | null {
  if (typeof sealed !== "string" || sealed.length > 400_000) return null;
  try {
    const raw = Buffer.from(sealed, "base64url");
    if (raw.length <= IV_BYTES + TAG_BYTES) return null;
    const decipher = createDecipheriv("aes-256-gcm", key(secret), raw.subarray(0, IV_BYTES));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const text = Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
    const payload = JSON.parse(text.toString("utf8")) as Sealed;
    if (payload.u !== userId || payload.p !== path || !(payload.x > now)) return null;
    return keepableValues(payload.v);
  } catch {
    return null;
  }
}

// Keeps TOTP secrets unusable to a database reader: AES-256-GCM under a key derived by HKDF
// from AUTH_SECRET, bound to the user's id (a secret copied to another user's row does not
// decrypt). Recovery codes are kept as HMAC-SHA-256 under a second derived key. No database
// access and no `server-only` here, so the demo seed can use it too.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

function derivedKey(purpose: string, authSecret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", authSecret, "liaison-second-factor", purpose, 32));
}

export function encryptTotpSecret(userId: string, secret: string, authSecret = env().AUTH_SECRET): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", derivedKey("totp-secret-v1", authSecret), iv);
  cipher.setAAD(Buffer.from(userId));
  const body = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return ["v1", ...[iv, cipher.getAuthTag(), body].map((p) => p.toString("base64url"))].join(".");
}

export function decryptTotpSecret(userId: string, stored: string, authSecret = env().AUTH_SECRET): string {
  const [version, iv, tag, body] = stored.split(".");
  if (version !== "v1" || !iv || !tag || !body) throw new Error("Unreadable second-factor secret");
  const decipher = createDecipheriv(
    "aes-256-gcm",
    derivedKey("totp-secret-v1", authSecret),
    Buffer.from(iv, "base64url"),
  );
  decipher.setAAD(Buffer.from(userId));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

// "ABCDE-12345" as typed, spoken or printed becomes "abcde12345"; letters that Crockford's
// base32 leaves out are read as the digits they look like.
export function normaliseRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[\s-]/g, "").replace(/o/g, "0").replace(/[il]/g, "1");
}

export function hashRecoveryCode(code: string, authSecret = env().AUTH_SECRET): string {
  return createHmac("sha256", derivedKey("recovery-code-v1", authSecret))
    .update(normaliseRecoveryCode(code))
    .digest("hex");
}

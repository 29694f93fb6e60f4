import { describe, expect, it } from "vitest";
import { createHmac } from "node:crypto";
import {
  decryptField,
  encryptField,
  FieldDecryptionError,
  identifierKey,
  keyIdOf,
  keyRingFromMaster,
} from "./field-cipher";
import { masterKeyBytes, parseKeyIds } from "./keys";

const master = Buffer.alloc(32, 7);
const ring = keyRingFromMaster(master, ["k1"]);
const at = { table: "Person", column: "legalName", rowId: "0196f3c4-0000-7000-8000-000000000001" };

describe("field encryption", () => {
  it("round-trips text, with a fresh IV every time and the key id written in the value", () => {
    const a = encryptField(ring, "Megan Price", at);
    const b = encryptField(ring, "Megan Price", at);
    expect(a).not.toBe(b);
    expect(a).not.toContain("Megan");
    expect(keyIdOf(a)).toBe("k1");
    expect(decryptField(ring, a, at)).toBe("Megan Price");
    expect(decryptField(ring, encryptField(ring, "Gŵen — ☂", at), at)).toBe("Gŵen — ☂");
  });

  it("opens only in the table, column and row it was written for", () => {
    const sealed = encryptField(ring, "07700 900123", at);
    for (const moved of [
      { ...at, rowId: "0196f3c4-0000-7000-8000-000000000002" },
      { ...at, column: "phone" },
      { ...at, table: "IncidentReport" },
    ])
      expect(() => decryptField(ring, sealed, moved)).toThrow(FieldDecryptionError);
  });

  it("refuses altered bytes, truncation and values that are not sealed", () => {
    const sealed = encryptField(ring, "narrative", at);
    const flipped = sealed.slice(0, -2) + (sealed.at(-2) === "A" ? "B" : "A") + sealed.at(-1);
    expect(() => decryptField(ring, flipped, at)).toThrow(FieldDecryptionError);
    expect(() => decryptField(ring, sealed.slice(0, 20), at)).toThrow(FieldDecryptionError);
    expect(() => decryptField(ring, "plain text", at)).toThrow(FieldDecryptionError);
  });

  it("reads values under every listed key, writes under the first, and forgets keys dropped from the list", () => {
    const old = encryptField(ring, "under k1", at);
    const rotated = keyRingFromMaster(master, ["k2", "k1"]);
    expect(decryptField(rotated, old, at)).toBe("under k1");
    const fresh = encryptField(rotated, "under k2", at);
    expect(keyIdOf(fresh)).toBe("k2");
    const retired = keyRingFromMaster(master, ["k2"]);
    expect(decryptField(retired, fresh, at)).toBe("under k2");
    expect(() => decryptField(retired, old, at)).toThrow(/k1 is not in the key ring/);
    // Another master secret derives other keys under the same ids.
    expect(() => decryptField(keyRingFromMaster(Buffer.alloc(32, 8), ["k1"]), old, at)).toThrow(
      FieldDecryptionError,
    );
  });

  it("hashes identifiers with a key of their own: stable, keyed, and not a field key", () => {
    const key = identifierKey(ring, "+447700900812");
    expect(identifierKey(keyRingFromMaster(master, ["k9", "k1"]), "+447700900812")).toBe(key);
    expect(identifierKey(ring, "+447700900813")).not.toBe(key);
    expect(identifierKey(keyRingFromMaster(Buffer.alloc(32, 8), ["k1"]), "+447700900812")).not.toBe(key);
    expect(ring.indexKey.equals(ring.keys.get("k1")!)).toBe(false);
    // Not the plain hash, nor an HMAC under the master secret itself.
    expect(key).not.toBe(createHmac("sha256", master).update("+447700900812").digest("base64url"));
  });

  it("refuses weak master secrets and malformed key ids", () => {
    expect(() => keyRingFromMaster(Buffer.alloc(16), ["k1"])).toThrow(/32 bytes/);
    expect(() => keyRingFromMaster(master, [])).toThrow();
    expect(() => keyRingFromMaster(master, ["k.1"])).toThrow(/Invalid field key id/);
    expect(parseKeyIds(" k2, k1 ,")).toEqual(["k2", "k1"]);
    expect(masterKeyBytes(Buffer.alloc(32, 1).toString("base64"))).toEqual(Buffer.alloc(32, 1));
  });
});

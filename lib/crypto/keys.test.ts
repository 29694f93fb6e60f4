// The field key ring read from the environment: the master secret must not be the session
// secret (one leaked secret must not open both the sessions and the data), and the key ids
// listed decide which key writes and which may still be read.
import { afterEach, describe, expect, it, vi } from "vitest";

const MASTER = "m".repeat(40);
const SESSION = "s".repeat(40);

async function freshKeys() {
  vi.resetModules();
  return import("./keys");
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the field key ring from the environment", () => {
  it("refuses a master key that is the session secret", async () => {
    vi.stubEnv("LIAISON_MASTER_KEY", SESSION);
    vi.stubEnv("AUTH_SECRET", SESSION);
    const { fieldKeyRing } = await freshKeys();
    expect(() => fieldKeyRing()).toThrow("LIAISON_MASTER_KEY must not be the session secret");
  });

  it("refuses a master key shorter than 32 bytes", async () => {
    vi.stubEnv("LIAISON_MASTER_KEY", "short");
    vi.stubEnv("AUTH_SECRET", SESSION);
    const { fieldKeyRing } = await freshKeys();
    expect(() => fieldKeyRing()).toThrow("LIAISON_MASTER_KEY must be at least 32 bytes");
  });

  it("writes under the first listed key id and keeps the index key apart from the field keys", async () => {
    vi.stubEnv("LIAISON_MASTER_KEY", MASTER);
    vi.stubEnv("AUTH_SECRET", SESSION);
    vi.stubEnv("LIAISON_FIELD_KEY_IDS", "k2, k1");
    const { fieldKeyRing } = await freshKeys();
    const ring = fieldKeyRing();
    expect(ring.currentKeyId).toBe("k2");
    expect([...ring.keys.keys()]).toEqual(["k2", "k1"]);
    const fieldKeys = [...ring.keys.values()].map((k) => k.toString("hex"));
    expect(new Set(fieldKeys).size).toBe(2);
    expect(fieldKeys).not.toContain(ring.indexKey.toString("hex"));
  });
});

import { describe, expect, it } from "vitest";
import {
  base32Decode,
  base32Encode,
  generateTotpSecret,
  groupSecret,
  hotp,
  matchTotp,
  otpauthUri,
  timeStep,
  totpAt,
} from "./totp";

// RFC 4226 appendix D and RFC 6238 appendix B use the ASCII key "12345678901234567890".
const RFC_KEY = Buffer.from("12345678901234567890", "ascii");
const RFC_KEY_BASE32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

describe("HOTP (RFC 4226 appendix D)", () => {
  const expected = [
    "755224",
    "287082",
    "359152",
    "969429",
    "338314",
    "254676",
    "287922",
    "162583",
    "399871",
    "520489",
  ];
  it.each(expected.map((code, counter) => [counter, code]))("counter %i gives %s", (counter, code) => {
    expect(hotp(RFC_KEY, counter)).toBe(code);
  });
});

describe("TOTP with SHA-1 (RFC 6238 appendix B)", () => {
  const vectors: [number, string][] = [
    [59, "94287082"],
    [1111111109, "07081804"],
    [1111111111, "14050471"],
    [1234567890, "89005924"],
    [2000000000, "69279037"],
    [20000000000, "65353130"],
  ];
  it.each(vectors)("at %i s the 8-digit code is %s, and the 6-digit code its last six", (seconds, code) => {
    const at = new Date(seconds * 1000);
    expect(totpAt(RFC_KEY_BASE32, at, 8)).toBe(code);
    expect(totpAt(RFC_KEY_BASE32, at)).toBe(code.slice(2));
  });
});

describe("base32 (RFC 4648)", () => {
  it("encodes the RFC's examples without padding, and decodes them back", () => {
    const cases: [string, string][] = [
      ["", ""],
      ["f", "MY"],
      ["fo", "MZXQ"],
      ["foo", "MZXW6"],
      ["foob", "MZXW6YQ"],
      ["fooba", "MZXW6YTB"],
      ["foobar", "MZXW6YTBOI"],
    ];
    for (const [text, encoded] of cases) {
      expect(base32Encode(Buffer.from(text))).toBe(encoded);
      expect(base32Decode(encoded).toString()).toBe(text);
    }
    expect(base32Encode(RFC_KEY)).toBe(RFC_KEY_BASE32);
  });
  it("reads a secret as people type it, and refuses characters outside the alphabet", () => {
    expect(base32Decode("gezd gnbv-gy3t qojq gezd gnbv gy3t qojq").equals(RFC_KEY)).toBe(true);
    expect(() => base32Decode("GEZ1")).toThrow();
  });
});

describe("checking a code", () => {
  const secret = generateTotpSecret();
  const now = new Date("2026-06-01T08:00:10Z");
  const stepAt = (offset: number) => new Date(now.getTime() + offset * 30_000);

  it("accepts the current step and one either side, and says which step matched", () => {
    for (const offset of [-1, 0, 1])
      expect(matchTotp(secret, totpAt(secret, stepAt(offset)), now)).toBe(timeStep(now) + offset);
  });
  it("refuses codes two steps away, wrong codes and malformed input", () => {
    expect(matchTotp(secret, totpAt(secret, stepAt(-2)), now)).toBeNull();
    expect(matchTotp(secret, totpAt(secret, stepAt(2)), now)).toBeNull();
    const right = totpAt(secret, now);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, "0");
    expect(matchTotp(secret, wrong, now)).toBeNull();
    for (const bad of ["", "12345", "1234567", "12 345", "abcdef", "１２３４５６"])
      expect(matchTotp(secret, bad, now)).toBeNull();
  });
  it("makes 160-bit secrets, shown in groups of four, in an otpauth URI apps can read", () => {
    expect(base32Decode(secret)).toHaveLength(20);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(groupSecret("ABCDEFGHIJ")).toBe("ABCD EFGH IJ");
    const uri = new URL(otpauthUri(secret, "amy@police.example"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.searchParams.get("secret")).toBe(secret);
    expect(uri.searchParams.get("issuer")).toBe("Liaison");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe("/Liaison:amy@police.example");
  });
});

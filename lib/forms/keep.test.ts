import { describe, expect, it } from "vitest";
import { keepableValues, openValues, sealValues } from "./keep";

const SECRET = "a-test-secret-that-is-at-least-32-characters-long";
const OTHER_SECRET = "another-secret-that-is-at-least-32-characters-long";
const USER = "0190f3a0-0000-7000-8000-000000000001";
const SOMEONE_ELSE = "0190f3a0-0000-7000-8000-000000000002";
const PAGE = "/reports/new/0190f3a0-0000-7000-8000-0000000000aa/person";
const NOW = Date.UTC(2026, 11, 1, 9, 0, 0);
const values = { workingName: "Lowri", language: "CY", incidentTypes: ["ROBBERY", "THREATS"] };

describe("values kept across a new sign-in", () => {
  it("come back for the same person on the same page", () => {
    const sealed = sealValues(values, USER, PAGE, NOW, SECRET);
    expect(openValues(sealed, USER, PAGE, NOW + 60_000, SECRET)).toEqual(values);
  });

  it("cannot be read from what the browser holds", () => {
    const sealed = sealValues(values, USER, PAGE, NOW, SECRET);
    expect(Buffer.from(sealed, "base64url").toString("latin1")).not.toContain("Lowri");
    expect(sealed).not.toContain("Lowri");
  });

  it("open for no one else who signs in at the same computer", () => {
    const sealed = sealValues(values, USER, PAGE, NOW, SECRET);
    expect(openValues(sealed, SOMEONE_ELSE, PAGE, NOW, SECRET)).toBeNull();
  });

  it("open only on the page they were typed on", () => {
    const sealed = sealValues(values, USER, PAGE, NOW, SECRET);
    expect(
      openValues(sealed, USER, "/people/0190f3a0-0000-7000-8000-0000000000bb/edit", NOW, SECRET),
    ).toBeNull();
  });

  it("expire after 30 minutes", () => {
    const sealed = sealValues(values, USER, PAGE, NOW, SECRET);
    expect(openValues(sealed, USER, PAGE, NOW + 29 * 60_000, SECRET)).toEqual(values);
    expect(openValues(sealed, USER, PAGE, NOW + 30 * 60_000, SECRET)).toBeNull();
  });

  it("refuse altered text, another server's key and anything that is not sealed text", () => {
    const sealed = sealValues(values, USER, PAGE, NOW, SECRET);
    const bytes = Buffer.from(sealed, "base64url");
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] as number) ^ 1;
    expect(openValues(bytes.toString("base64url"), USER, PAGE, NOW, SECRET)).toBeNull();
    expect(openValues(sealed, USER, PAGE, NOW, OTHER_SECRET)).toBeNull();
    for (const junk of [undefined, null, 42, {}, "", "not sealed", "x".repeat(500_000)])
      expect(openValues(junk, USER, PAGE, NOW, SECRET)).toBeNull();
  });

  it("keep only text and lists of text", () => {
    expect(keepableValues({ a: "x", b: ["y", 3], c: 4, d: { e: "f" }, g: null })).toEqual({
      a: "x",
      b: ["y"],
    });
    expect(keepableValues("text")).toEqual({});
  });
});

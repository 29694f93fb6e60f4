import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path";

const SITE = "https://liaison.example";

// Known open-redirect payloads (encodings, backslashes, dot segments, schemes, whitespace).
const PAYLOADS = [
  "https://evil.example",
  "http:evil.example",
  "//evil.example",
  "///evil.example",
  "////evil.example/",
  "/\\evil.example",
  "\\\\evil.example",
  "/\\/evil.example",
  "/%5Cevil.example",
  "/%2F%2Fevil.example",
  "/%2f/evil.example",
  "/.//evil.example",
  "/./\\evil.example",
  "/../..//evil.example",
  "/..//evil.example",
  "/%2e%2e//evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/ /evil.example",
  " //evil.example",
  "javascript:alert(1)",
  "data:text/html,hi",
  "/%09/evil.example",
  "/%E0%A4%A",
  "/%",
  "/login",
  "/login?next=//evil.example",
  "/api/auth/signout",
  "/api",
  "",
  null,
  42,
  "/" + "x".repeat(600),
];

describe("the page to return to after signing in", () => {
  it("keeps a path on this site and drops its query, which can carry what was searched", () => {
    expect(safeReturnPath("/reports/new/0199a1b2-0000-7000-8000-000000000000/who?return=check")).toBe(
      "/reports/new/0199a1b2-0000-7000-8000-000000000000/who",
    );
    expect(safeReturnPath("/people?q=Rosa")).toBe("/people");
  });

  it("normalises dot segments but stays on the site", () => {
    expect(safeReturnPath("/reports/../people")).toBe("/people");
  });

  it.each(PAYLOADS.map((p) => [JSON.stringify(p), p]))("never leaves the site for %s", (_, payload) => {
    const path = safeReturnPath(payload);
    // Resolved the way a browser resolves a Location header, it is still this site.
    expect(new URL(path, SITE).origin).toBe(SITE);
    expect(path.startsWith("/") && !path.startsWith("//")).toBe(true);
    expect(path.startsWith("/login") || path.startsWith("/api")).toBe(false);
  });

  it("answers the home page for values that cannot be a path here", () => {
    for (const bad of ["//evil.example", "/%E0%A4%A", "/login", "", null, "/" + "x".repeat(600)])
      expect(safeReturnPath(bad)).toBe("/");
  });
});

import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path";

describe("the page to return to after signing in", () => {
  it("keeps a path on this site, with its query", () => {
    expect(safeReturnPath("/reports/new/0199a1b2-0000-7000-8000-000000000000/who?return=check")).toBe(
      "/reports/new/0199a1b2-0000-7000-8000-000000000000/who?return=check",
    );
  });

  it("refuses anything that could leave the site or loop", () => {
    for (const bad of [
      "https://evil.example",
      "//evil.example",
      "/\\evil.example",
      "javascript:alert(1)",
      "/login",
      "/api/auth/signout",
      "",
      null,
      42,
      "/a\nb",
      "/" + "x".repeat(600),
    ]) {
      expect(safeReturnPath(bad)).toBe("/");
    }
  });
});

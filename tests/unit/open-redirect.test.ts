// The same open-redirect payloads the sign-in journey drives through Chromium
// (tests/e2e/web-layer.spec.ts), checked against the function that decides: each return path
// it keeps is a plain path on this site, however a browser later resolves it.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { safeReturnPath } from "@/lib/auth/return-path";
import { openRedirectPayloads } from "../e2e/support/open-redirect-payloads";

const SITE = "https://liaison.example";

describe("return paths after signing in", () => {
  it.each(openRedirectPayloads.map((p) => [JSON.stringify(p), p]))("%s stays on the site", (_, payload) => {
    const kept = safeReturnPath(payload);
    expect(kept.startsWith("/")).toBe(true);
    expect(kept.startsWith("//")).toBe(false);
    expect(kept).not.toMatch(/[\\\u0000-\u001f\u007f]/);
    // Resolved as a Location header is, and as the browser's address bar would be.
    expect(new URL(kept, SITE).origin).toBe(SITE);
    expect(new URL(decodeURIComponent(kept), SITE).origin).toBe(SITE);
  });

  it("keeps an ordinary path, without its query string", () => {
    expect(safeReturnPath("/reports/42?q=Jane")).toBe("/reports/42");
  });
});

describe("return paths given random text", () => {
  it("never throws and never keeps anything but a same-site path", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.webUrl(), fc.webPath(), fc.string({ unit: "binary" })),
        (value) => {
          const kept = safeReturnPath(value);
          expect(new URL(kept, SITE).origin).toBe(SITE);
          expect(kept.startsWith("//")).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });
});

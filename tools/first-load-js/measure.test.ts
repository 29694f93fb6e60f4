import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { measureBuild, report, sentBytes } from "./measure";

// A small fake build: two root chunks, a polyfill, a page whose chunk loads another with
// import(), and a page with no client code of its own.
const dist = mkdtempSync(join(tmpdir(), "first-load-js-"));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const chunk = (name: string, body: string) => {
  writeFileSync(join(dist, "static", "chunks", name), body);
  return sentBytes(Buffer.from(body));
};
mkdirSync(join(dist, "static", "chunks"), { recursive: true });
const noise = (n: number) => Array.from({ length: n }, (_, i) => `v${i * 7919}`).join(",");
const root = chunk("root.js", `/*root*/${noise(3000)}`);
const runtime = chunk("runtime.js", `/*runtime*/${noise(200)}`);
chunk("polyfill.js", `/*polyfill*/${noise(5000)}`);
const form = chunk("form.js", `/*form*/load("static/chunks/lazy.js");${noise(400)}`);
const lazy = chunk("lazy.js", `/*lazy*/${noise(900)}`);
writeFileSync(
  join(dist, "build-manifest.json"),
  JSON.stringify({
    polyfillFiles: ["static/chunks/polyfill.js"],
    rootMainFiles: ["static/chunks/root.js", "static/chunks/runtime.js"],
  }),
);
writeFileSync(
  join(dist, "app-path-routes-manifest.json"),
  JSON.stringify({ "/form/page": "/form", "/plain/page": "/plain", "/_not-found/page": "/_not-found" }),
);
const clientManifest = (entry: string, files: Record<string, string[]>) => {
  mkdirSync(join(dist, "server", "app", entry.split("/").slice(0, -1).join("/")), { recursive: true });
  writeFileSync(
    join(dist, "server", "app", `${entry}_client-reference-manifest.js`),
    `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST[${JSON.stringify(entry)}] = ${JSON.stringify({ entryJSFiles: files })};`,
  );
};
clientManifest("/form/page", {
  "[project]/app/layout": ["static/chunks/root.js"],
  "[project]/app/form/page": ["static/chunks/form.js"],
});
clientManifest("/plain/page", { "[project]/app/layout": ["static/chunks/root.js"] });

describe("bytes sent for one file, as Chromium counts them from next start", () => {
  it("a file under 1,024 bytes goes uncompressed; a larger one gzipped, with the chunked framing", () => {
    const small = Buffer.from("x".repeat(997));
    expect(sentBytes(small)).toBe(997);
    const large = Buffer.from(noise(3000));
    const gzip = gzipSync(large).length;
    expect(gzip).toBeLessThan(16 * 1024);
    expect(sentBytes(large)).toBe(gzip + 18);
  });

  it("adds 12 bytes of framing for each further 16 KiB of gzip", () => {
    // Random bytes hardly compress: about 40 KiB of gzip, three of zlib's output chunks.
    const body = randomBytes(40_000);
    const gzip = gzipSync(body).length;
    expect(Math.ceil(gzip / 16384)).toBe(3);
    expect(sentBytes(body)).toBe(gzip + 18 + 24);
  });
});

describe("first-load JavaScript from the build output", () => {
  const pages = measureBuild(dist);

  it("counts the root chunks and the page's own chunks once each, gzipped, and never the polyfill", () => {
    expect(pages.map((p) => p.route)).toEqual(["/form", "/plain"]);
    const plain = pages.find((p) => p.route === "/plain");
    expect(plain?.files).toEqual(["static/chunks/root.js", "static/chunks/runtime.js"]);
    expect(plain?.gzip).toBe(root + runtime);
    const page = pages.find((p) => p.route === "/form");
    expect(page?.gzip).toBe(root + runtime + form);
  });

  it("counts a chunk the page's code loads later apart, as on demand", () => {
    const page = pages.find((p) => p.route === "/form");
    expect(page?.onDemand).toEqual({ files: ["static/chunks/lazy.js"], gzip: lazy });
  });

  it("names the pages over the budget", () => {
    const budgetKb = (root + runtime + form / 2) / 1000;
    const { over, text } = report(pages, budgetKb);
    expect(over.map((p) => p.route)).toEqual(["/form"]);
    expect(text).toMatch(/\/form .* over the/);
  });
});

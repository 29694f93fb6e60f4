// First-load JavaScript per page of a production build, as `next start` sends it.
//
// What a page loads before it is usable: the framework's root chunks (build-manifest.json
// `rootMainFiles`) and the chunks of every client module in the page's tree (its
// client-reference manifest's `entryJSFiles`: root layout, boundaries, page). The HTML
// names exactly these. Chunks that those chunks load later with `import()` or
// `next/dynamic` (Turbopack spells an async chunk's path inside the chunk that loads it) are
// counted apart, as "on demand": whether they load with the page depends on the code, so
// the end-to-end check (tests/e2e/first-load-js.spec.ts) weighs what Chromium really
// fetches. The legacy polyfill chunk is left out: it is sent with `nomodule`, which current
// browsers skip.
//
// "Transferred" means the body bytes a browser receives from `next start`, which Chromium
// reports (tests/e2e/first-load-js.spec.ts prints both, chunk by chunk). Next.js compresses
// with the `compression` middleware: gzip at zlib's default level, which is what gzipSync
// gives here, byte for byte; but a file under its 1,024-byte threshold is sent as it is, and
// a compressed body goes out with chunked transfer encoding, whose framing Chromium counts: 18
// bytes for a body of up to 16 KiB (zlib's output chunk) and 12 more for each further 16 KiB,
// as measured against Chromium on this build. Counting plain gzip put every page about 0.5 kB
// under what Chromium measured (149.8 kB against 150.4 kB). Sizes are in kB of 1,000 bytes.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { runInNewContext } from "node:vm";

export type PageWeight = {
  route: string;
  files: string[];
  raw: number;
  // Bytes sent (gzip, framing included; see sentBytes).
  gzip: number;
  // Chunks the page's code can load later (import(), next/dynamic), gzip bytes.
  onDemand: { files: string[]; gzip: number };
};

const COMPRESSION_THRESHOLD = 1024;
const ZLIB_CHUNK = 16 * 1024;

// The bytes of a static file's body as `next start` sends it to a browser asking for gzip.
export function sentBytes(body: Buffer): number {
  if (body.length < COMPRESSION_THRESHOLD) return body.length;
  const gzip = gzipSync(body).length;
  return gzip + 18 + 12 * (Math.ceil(gzip / ZLIB_CHUNK) - 1);
}

const CHUNK_REFERENCE = /static\/chunks\/[A-Za-z0-9_.~-]+\.js/g;

type BuildManifest = { rootMainFiles?: string[]; polyfillFiles?: string[] };
type ClientManifest = { entryJSFiles?: Record<string, string[]> };

function readClientManifest(file: string, entry: string): ClientManifest | null {
  if (!existsSync(file)) return null;
  // The manifest is a script that assigns to globalThis.__RSC_MANIFEST: run it in a sandbox
  // that holds only that object (it is our own build's output, read, never trusted to do more).
  const sandbox = { globalThis: {} as Record<string, unknown> };
  sandbox.globalThis = sandbox as unknown as Record<string, unknown>;
  runInNewContext(readFileSync(file, "utf8"), sandbox, { timeout: 1000 });
  const all = (sandbox as unknown as { __RSC_MANIFEST?: Record<string, ClientManifest> }).__RSC_MANIFEST;
  return all?.[entry] ?? null;
}

export function measureBuild(distDir: string): PageWeight[] {
  const manifestFile = join(distDir, "build-manifest.json");
  if (!existsSync(manifestFile)) throw new Error(`No production build in ${distDir} (run next build first).`);
  const build = JSON.parse(readFileSync(manifestFile, "utf8")) as BuildManifest;
  const routes = JSON.parse(readFileSync(join(distDir, "app-path-routes-manifest.json"), "utf8")) as Record<
    string,
    string
  >;
  const polyfills = new Set(build.polyfillFiles ?? []);
  const sizes = new Map<string, { raw: number; gzip: number; refs: string[] }>();
  const chunk = (file: string) => {
    let known = sizes.get(file);
    if (!known) {
      const path = join(distDir, file);
      const body = existsSync(path) ? readFileSync(path) : Buffer.alloc(0);
      const refs = [...new Set(body.toString("utf8").match(CHUNK_REFERENCE) ?? [])];
      known = { raw: body.length, gzip: sentBytes(body), refs };
      sizes.set(file, known);
    }
    return known;
  };

  const pages: PageWeight[] = [];
  for (const [name, route] of Object.entries(routes)) {
    if (!name.endsWith("/page") || route.startsWith("/_")) continue;
    const client = readClientManifest(
      join(distDir, "server", "app", `${name}_client-reference-manifest.js`),
      name,
    );
    const entry = new Set(
      [...(build.rootMainFiles ?? []), ...Object.values(client?.entryJSFiles ?? {}).flat()]
        .map((f) => f.replace(/^\/_next\//, ""))
        .filter((f) => !polyfills.has(f)),
    );
    const later = new Set<string>();
    const queue = [...entry].flatMap((f) => chunk(f).refs);
    while (queue.length > 0) {
      const file = queue.shift() as string;
      if (entry.has(file) || later.has(file) || polyfills.has(file)) continue;
      later.add(file);
      queue.push(...chunk(file).refs);
    }
    const list = [...entry].sort();
    const lazy = [...later].sort();
    pages.push({
      route,
      files: list,
      raw: list.reduce((sum, f) => sum + chunk(f).raw, 0),
      gzip: list.reduce((sum, f) => sum + chunk(f).gzip, 0),
      onDemand: { files: lazy, gzip: lazy.reduce((sum, f) => sum + chunk(f).gzip, 0) },
    });
  }
  return pages.sort((a, b) => a.route.localeCompare(b.route));
}

export const kB = (bytes: number) => (bytes / 1000).toFixed(1);

export function report(pages: PageWeight[], budgetKb: number): { text: string; over: PageWeight[] } {
  const over = pages.filter((p) => p.gzip > budgetKb * 1000);
  const width = Math.max(5, ...pages.map((p) => p.route.length));
  const lines = [
    `${"Route".padEnd(width)}  ${"gzip kB".padStart(8)}  ${"raw kB".padStart(8)}  files  ${"on demand kB".padStart(12)}`,
    ...pages.map(
      (p) =>
        `${p.route.padEnd(width)}  ${kB(p.gzip).padStart(8)}  ${kB(p.raw).padStart(8)}  ${String(p.files.length).padStart(5)}  ${kB(p.onDemand.gzip).padStart(12)}${
          p.gzip > budgetKb * 1000 ? `  over the ${budgetKb} kB budget` : ""
        }`,
    ),
  ];
  return { text: lines.join("\n"), over };
}

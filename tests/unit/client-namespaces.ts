// Which message namespaces each page's client components use, read from the source: from a
// page (and the layouts and boundaries above it), every module it imports is followed; a
// module marked "use client", and everything it imports, runs in the browser, and the
// namespaces its translation calls name ("people" in useTranslations("people") or
// t("people.searchTitle")) must reach the browser with the page. Server components' own
// strings never travel, so they are not counted.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";

const IMPORT = /(?:import|export)\s[^"';]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;
const EXTENSIONS = ["", ".tsx", ".ts", "/index.tsx", "/index.ts"];

function resolveImport(root: string, from: string, spec: string): string | null {
  const base = spec.startsWith("@/")
    ? join(root, spec.slice(2))
    : spec.startsWith(".")
      ? join(dirname(from), spec)
      : null;
  if (!base) return null;
  for (const ext of EXTENSIONS) {
    const file = base + ext;
    if (existsSync(file) && statSync(file).isFile() && /\.tsx?$/.test(file)) return file;
  }
  return null;
}

// Error keys that server code hands back for the browser to show (a form's field errors are
// keys such as "intake.errors.tooLong", translated by the form): the `errors` part of the
// namespace they name, which is all the browser needs of it.
function errorKeysIn(source: string, known: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/["'`]([A-Za-z]+)\.errors\.[A-Za-z]/g))
    if (known.has(m[1] as string)) found.add(`${m[1]}.errors`);
  return [...found];
}

// Namespaces a browser-side module names: the argument of useTranslations, and the first part
// of any string that starts with a known namespace and a dot (keys given to a root `t`, and
// keys kept in tables such as a list of questions).
function namespacesIn(source: string, known: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/useTranslations\(\s*["'`]([A-Za-z]+)/g)) found.add(m[1] as string);
  for (const m of source.matchAll(/["'`]([A-Za-z]+)\.[A-Za-z$]/g))
    if (known.has(m[1] as string)) found.add(m[1] as string);
  return [...found];
}

type Side = "server" | "client" | "action";
const RANK: Record<Side, number> = { server: 0, action: 1, client: 2 };

// Namespaces (or parts of one, "intake.errors") that must reach the browser for a page whose
// page, layout and boundary files are `entries`.
export function clientNamespaces(root: string, entries: string[], known: ReadonlySet<string>): Set<string> {
  const namespaces = new Set<string>();
  const seen = new Map<string, Side>();
  const visit = (file: string, from: Side) => {
    const source = readFileSync(file, "utf8");
    const head = source.slice(0, 300);
    // A server action called from the browser runs on the server: the browser gets only a
    // reference to it, and whatever error keys it answers with.
    const side: Side = /^\s*["']use server["']/m.test(head)
      ? "action"
      : from === "client" || /^\s*["']use client["']/m.test(head)
        ? "client"
        : from;
    // A module first reached on one side may be reached again from another.
    const before = seen.get(file);
    if (before !== undefined && RANK[before] >= RANK[side]) return;
    seen.set(file, side);
    if (side === "client") for (const n of namespacesIn(source, known)) namespaces.add(n);
    if (side === "action") for (const n of errorKeysIn(source, known)) namespaces.add(n);
    for (const m of source.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2];
      if (!spec || /^\s*(import|export)\s+type\s/.test(m[0])) continue;
      const next = resolveImport(root, file, spec);
      if (next) visit(next, side);
    }
  };
  for (const entry of entries) visit(entry, "server");
  return namespaces;
}

// Every page of the app, with the layouts and boundaries that render around it.
export function pagesWithTheirShells(root: string): { route: string; page: string; shells: string[] }[] {
  const app = join(root, "app");
  const pages: { route: string; page: string; shells: string[] }[] = [];
  const walk = (dir: string, shells: string[]) => {
    const here = ["layout.tsx", "error.tsx", "not-found.tsx", "loading.tsx", "template.tsx"]
      .map((f) => join(dir, f))
      .filter((f) => existsSync(f));
    const around = [...shells, ...here];
    const page = join(dir, "page.tsx");
    if (existsSync(page)) pages.push({ route: `/${relative(app, dir)}`, page, shells: around });
    for (const entry of readdirSync(dir)) {
      const child = join(dir, entry);
      if (statSync(child).isDirectory() && !entry.startsWith("_") && entry !== "api") walk(child, around);
    }
  };
  walk(app, []);
  return pages;
}

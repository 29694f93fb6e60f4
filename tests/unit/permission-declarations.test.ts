// The permission audit: every page, server action and route handler in the app declares the
// permission it needs (lib/authz/entry-points.ts says how), every permission in the table is
// checked somewhere, and the public and any-signed-in lists name real files.
import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { PERMISSIONS } from "@/lib/authz/permissions";
import { PUBLIC_ENTRY_POINTS, SIGNED_IN_ENTRY_POINTS } from "@/lib/authz/entry-points";

const root = join(import.meta.dirname, "../..");

function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(root, path)).isDirectory() ? filesUnder(path) : [path];
  });
}

const source = (file: string) => readFileSync(join(root, file), "utf8");
const isServerActions = (file: string) => /^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(source(file));

// Pages, route handlers, and files of server actions, in app/ and lib/.
function entryPoints(): string[] {
  const app = filesUnder("app");
  const pages = app.filter((f) => /(^|\/)(page\.tsx|route\.ts)$/.test(f));
  const actions = [...app, ...filesUnder("lib")].filter((f) => /\.tsx?$/.test(f) && isServerActions(f));
  return [...new Set([...pages, ...actions])].sort();
}

const CHECK =
  /\b(requirePermission|can|unitScope|agencyScope|roleHas)\(\s*(?:[A-Za-z_.]+\s*,\s*)?"([a-z-]+:[a-z-]+:[a-z-]+)"/g;

function declaredPermissions(file: string): string[] {
  return [...source(file).matchAll(CHECK)].map((m) => m[2] ?? "");
}

describe("the permission audit", () => {
  const files = entryPoints();

  it("finds the app's pages, actions and route handlers", () => {
    expect(files.length).toBeGreaterThan(60);
    expect(files).toContain("app/reports/[id]/page.tsx");
    expect(files).toContain("app/api/dashboard/export/[table]/route.ts");
    expect(files).toContain("app/reports/[id]/restriction/actions.ts");
  });

  it("every page, server action and route handler declares a permission from the table, or is listed as open", () => {
    const undeclared = files.filter(
      (f) =>
        !(f in PUBLIC_ENTRY_POINTS) && !(f in SIGNED_IN_ENTRY_POINTS) && declaredPermissions(f).length === 0,
    );
    expect(undeclared).toEqual([]);
  });

  it("every permission an entry point names is in the table", () => {
    const unknown = files.flatMap((f) =>
      declaredPermissions(f)
        .filter((p) => !(PERMISSIONS as readonly string[]).includes(p))
        .map((p) => `${f}: ${p}`),
    );
    expect(unknown).toEqual([]);
  });

  it("the open lists name real entry points, and those open to any signed-in user still ask who is signed in", () => {
    for (const file of [...Object.keys(PUBLIC_ENTRY_POINTS), ...Object.keys(SIGNED_IN_ENTRY_POINTS)]) {
      expect(existsSync(join(root, file)), file).toBe(true);
      expect(files, file).toContain(file);
    }
    for (const file of Object.keys(SIGNED_IN_ENTRY_POINTS))
      expect(source(file), file).toMatch(/requireUser\(|getCurrentUser\(|safeAction(<.*?>)?\(/);
  });

  it("every permission in the table is checked somewhere in the application", () => {
    const code = [...filesUnder("app"), ...filesUnder("lib"), ...filesUnder("components")]
      .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.startsWith("lib/generated/"))
      .filter((f) => relative("lib/authz", f).startsWith(".."))
      .map(source)
      .join("\n");
    const unchecked = PERMISSIONS.filter((p) => !code.includes(`"${p}"`));
    expect(unchecked).toEqual([]);
  });
});

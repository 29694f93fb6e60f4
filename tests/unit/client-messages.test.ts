// What the browser receives from the message catalogue: for a signed-out visitor only the
// sign-in, account set-up and error pages' namespaces; for a signed-in user the shell's, and
// on each page the namespaces its area's layout sends, which must hold every string that the
// page's client components name (read from the source, tests/unit/client-namespaces.ts).
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import messages from "@/messages/en";
import {
  CLIENT_MESSAGES,
  clientMessages,
  SHELL_NAMESPACES,
  SIGNED_OUT_NAMESPACES,
} from "@/i18n/client-messages";
import { clientNamespaces, pagesWithTheirShells } from "./client-namespaces";

const ROOT = join(import.meta.dirname, "../..");
const SIGNED_OUT_CLIENT_COMPONENTS = [
  "app/login/sign-in-form.tsx",
  "app/setup/[token]/setup-forms.tsx",
  "app/error.tsx",
];

function lookup(catalogue: object, key: string): unknown {
  return key
    .split(".")
    .reduce<unknown>((at, part) => (at as Record<string, unknown> | undefined)?.[part], catalogue);
}

// The area whose layout is nearest above a page, as app/ spells routes ("/reports/[id]").
function areaOf(route: string): keyof typeof CLIENT_MESSAGES | null {
  const areas = Object.keys(CLIENT_MESSAGES) as (keyof typeof CLIENT_MESSAGES)[];
  const above = areas.filter((a) => route === a || route.startsWith(`${a}/`));
  return above.sort((a, b) => b.length - a.length)[0] ?? null;
}

describe("messages sent to the browser", () => {
  it("signed out: only the sign-in and set-up namespaces, a small part of the catalogue", () => {
    const sent = clientMessages(messages, Object.keys(messages), false);
    expect(Object.keys(sent).sort()).toEqual(SIGNED_OUT_NAMESPACES.filter((n) => n in messages).sort());
    expect(JSON.stringify(sent).length).toBeLessThan(JSON.stringify(messages).length / 10);
    // An area's layout asked for more: a signed-out visitor still gets none of it.
    expect(clientMessages(messages, ["intake", "people", "signIn"], false)).toEqual({
      signIn: messages.signIn,
    });
  });

  it("takes whole namespaces and parts of one, and a part asked for beside its whole changes nothing", () => {
    const sent = clientMessages(messages, ["intake.errors", "forms", "signIn.errors"], true);
    expect(sent).toEqual({
      intake: { errors: messages.intake.errors },
      forms: messages.forms,
      signIn: { errors: messages.signIn.errors },
    });
    expect(clientMessages(messages, ["signIn.errors", "signIn"], true)).toEqual({ signIn: messages.signIn });
  });

  it("signed in: the shell alone is a small part of the catalogue, and no area sends all of it", () => {
    const whole = JSON.stringify(messages).length;
    expect(JSON.stringify(clientMessages(messages, SHELL_NAMESPACES, true)).length).toBeLessThan(whole / 20);
    for (const [area, wanted] of Object.entries(CLIENT_MESSAGES))
      expect(
        JSON.stringify(clientMessages(messages, [...SHELL_NAMESPACES, ...wanted], true)).length,
        area,
      ).toBeLessThan(whole / 3);
  });

  it("every area in the table has a layout that sends its messages", () => {
    for (const area of Object.keys(CLIENT_MESSAGES)) {
      const file = join(ROOT, "app", area, "layout.tsx");
      expect(existsSync(file), `${area}/layout.tsx`).toBe(true);
      expect(readFileSync(file, "utf8")).toContain(`<ClientMessages area="${area}">`);
    }
  });

  it("every page's client components find the namespaces they name in what their area sends", () => {
    const known = new Set(Object.keys(messages));
    const missing: string[] = [];
    const pages = pagesWithTheirShells(ROOT);
    expect(pages.length).toBeGreaterThan(40);
    for (const { route, page, shells } of pages) {
      const area = areaOf(route);
      const sent = [...SHELL_NAMESPACES, ...(area ? CLIENT_MESSAGES[area] : [])];
      const covered = (needed: string) => sent.some((s) => needed === s || needed.startsWith(`${s}.`));
      for (const needed of clientNamespaces(ROOT, [page, ...shells], known))
        if (!covered(needed)) missing.push(`${relative(ROOT, page)}: ${needed} (area ${area ?? "root"})`);
    }
    expect(missing).toEqual([]);
  });

  it("the reading of client components finds what a form names", () => {
    const known = new Set(Object.keys(messages));
    const step = pagesWithTheirShells(ROOT).find((p) => p.route === "/reports/new/[draftId]/[step]");
    expect(step).toBeDefined();
    const found = clientNamespaces(ROOT, [step!.page, ...step!.shells], known);
    for (const n of ["intake", "enums", "forms", "errorPage"]) expect(found).toContain(n);
    // A page with no client components of its own names only the shell's.
    const dashboard = pagesWithTheirShells(ROOT).find((p) => p.route === "/dashboard");
    expect([...clientNamespaces(ROOT, [dashboard!.page, ...dashboard!.shells], known)]).toEqual([
      "errorPage",
    ]);
  });

  it("every string the signed-out pages' client components name is in what they are sent", () => {
    const sent = clientMessages(messages, SIGNED_OUT_NAMESPACES, false);
    const named: string[] = [];
    for (const file of SIGNED_OUT_CLIENT_COMPONENTS.filter((f) => existsSync(join(ROOT, f)))) {
      const source = readFileSync(join(ROOT, file), "utf8");
      const scope = /useTranslations\("([a-zA-Z]+)"\)/.exec(source)?.[1];
      for (const [, key] of source.matchAll(/\bt\("([a-zA-Z][\w.-]*)"/g))
        named.push(scope ? `${scope}.${key}` : key!);
    }
    expect(named.length).toBeGreaterThan(5);
    expect(named.filter((key) => typeof lookup(sent, key) !== "string")).toEqual([]);
  });
});

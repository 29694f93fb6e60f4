// What the browser of a signed-out visitor receives from the message catalogue: only the
// sign-in, account set-up and error pages' namespaces, and every string those pages' client
// components ask for is among them.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import messages from "@/messages/en";
import { clientMessages, SIGNED_OUT_NAMESPACES } from "@/i18n/client-messages";

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

describe("messages sent to the browser", () => {
  it("signed out: only the sign-in and set-up namespaces, a small part of the catalogue", () => {
    const sent = clientMessages(messages, false);
    expect(Object.keys(sent).sort()).toEqual(SIGNED_OUT_NAMESPACES.filter((n) => n in messages).sort());
    expect(JSON.stringify(sent).length).toBeLessThan(JSON.stringify(messages).length / 10);
  });

  it("signed in: the whole catalogue, which the case forms need", () => {
    expect(clientMessages(messages, true)).toBe(messages);
  });

  it("every string the signed-out pages' client components name is in what they are sent", () => {
    const sent = clientMessages(messages, false);
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

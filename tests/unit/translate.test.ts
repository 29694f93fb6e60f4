// The browser's own message formatter (i18n/translate.ts, decision 023) says what next-intl
// says on the server: every string any page sends to the browser, formatted both ways with
// the same values, must read the same.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createFormatter, createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import messages from "@/messages/en";
import {
  CLIENT_MESSAGES,
  clientMessages,
  SHELL_NAMESPACES,
  SIGNED_OUT_NAMESPACES,
} from "@/i18n/client-messages";
import { DATE_TIME_FORMATS, formatDateTime, LOCALE, TIME_ZONE } from "@/i18n/formats";
import { formatMessage, translatorFor, type Messages, type Values } from "@/i18n/translate";
import { expectConsoleError } from "@/tests/support/fail-on-console-error";

const ROOT = join(import.meta.dirname, "../..");

// Everything any page may send: the signed-out pages', the shell's and every area's.
const sent = clientMessages(
  messages,
  [...SIGNED_OUT_NAMESPACES, ...SHELL_NAMESPACES, ...Object.values(CLIENT_MESSAGES).flat()],
  true,
) as Messages;

function* strings(tree: Messages, path = ""): Generator<[string, string]> {
  for (const [key, value] of Object.entries(tree))
    if (typeof value === "string") yield [`${path}${key}`, value];
    else yield* strings(value, `${path}${key}.`);
}

// Values to try, read from the message with patterns of the test's own rather than with the
// parser under test. Too many names or choices cost nothing; one missed is a missing value,
// which next-intl reports (and this test turns into a failure).
function samples(message: string): Values[] {
  const plain: string[] = [];
  const plural: string[] = [];
  const select: string[] = [];
  for (const [, name, kind] of message.matchAll(/\{\s*(\w+)\s*(?:,\s*(plural|select)\s*)?[,}]/g)) {
    (kind === "plural" ? plural : kind === "select" ? select : plain).push(name as string);
  }
  // Any option key in the message, and values no option names.
  const choices = [
    ...[...message.matchAll(/([^\s{}]+)\s*\{/g)].map((m) => m[1] as string),
    "unlisted",
    true,
    false,
  ];
  const counts = [0, 1, 2, 5, 1.5, 1234];
  const all: Values[] = [];
  for (const count of plural.length ? counts : [0])
    for (const choice of select.length ? choices : [""]) {
      const values: Values = {};
      for (const name of plain) values[name] = `‹${name}›`;
      for (const name of plural) values[name] = count;
      for (const name of select) values[name] = choice;
      all.push(values);
    }
  return all;
}

describe("client messages read as next-intl reads them", () => {
  it("every string sent to the browser, with every kind of value its arguments take", () => {
    const ours = translatorFor(sent);
    const theirs = createTranslator({
      locale: LOCALE,
      timeZone: TIME_ZONE,
      messages: sent,
      formats: { dateTime: DATE_TIME_FORMATS },
      onError: (error) => {
        throw error;
      },
    }) as unknown as (key: string, values: Values) => string;
    const differ: string[] = [];
    let formatted = 0;
    let withChoices = 0;
    for (const [path, message] of strings(sent)) {
      if (/,\s*(plural|select)\s*,/.test(message)) withChoices++;
      for (const values of samples(message)) {
        formatted++;
        const expected = theirs(path, values);
        const actual = ours(path, values);
        if (actual !== expected)
          differ.push(`${path} ${JSON.stringify(values)}: "${actual}" ≠ "${expected}"`);
      }
    }
    expect(differ).toEqual([]);
    // Not vacuous: the catalogue's strings, plurals and selects among them, were compared.
    expect(formatted).toBeGreaterThan(1500);
    expect(withChoices).toBeGreaterThan(20);
  });

  it("dates, by named format and by options, in London time summer and winter", () => {
    const theirs = createFormatter({
      locale: LOCALE,
      timeZone: TIME_ZONE,
      formats: { dateTime: DATE_TIME_FORMATS },
    });
    const options = { hour: "2-digit", minute: "2-digit", second: "2-digit" } as const;
    for (const date of [new Date("2026-07-01T23:30:05Z"), new Date("2026-12-31T23:59:59Z")]) {
      for (const name of ["date", "dateTime"] as const)
        expect(formatDateTime(date, name)).toBe(theirs.dateTime(date, name));
      expect(formatDateTime(date, options)).toBe(theirs.dateTime(date, options));
    }
    expect(formatDateTime(new Date("2026-07-01T23:30:05Z"), "dateTime")).toBe("2 Jul 2026, 00:30");
  });
});

describe("the formatter", () => {
  const items = "{n, plural, =0 {No items} one {# item} other {# items}}";

  it("chooses an exact case before the plural category, and writes # as a number", () => {
    expect(formatMessage(items, { n: 0 })).toBe("No items");
    expect(formatMessage(items, { n: 1 })).toBe("1 item");
    expect(formatMessage(items, { n: 1234 })).toBe("1,234 items");
  });

  it("chooses a select's option by value, or its other", () => {
    const rights = "Enhanced: {on, select, true {yes ({who})} other {no}}";
    expect(formatMessage(rights, { on: true, who: "Ana" })).toBe("Enhanced: yes (Ana)");
    expect(formatMessage(rights, { on: "maybe", who: "Ana" })).toBe("Enhanced: no");
  });

  it("keeps # literal outside a plural, and reads ICU's apostrophes", () => {
    expect(formatMessage("Case #{n}", { n: 4 })).toBe("Case #4");
    expect(formatMessage("Victims' Code, it''s '{name}'", {})).toBe("Victims' Code, it's {name}");
    expect(formatMessage("the partners'", {})).toBe("the partners'");
    expect(formatMessage("'{open", {})).toBe("{open");
  });

  it("shows the path of a missing key or a message it cannot format, and logs why", () => {
    const t = translatorFor({ intake: { count: "{n, number} reports", has: "Yes" } }, "intake");
    expectConsoleError(3);
    expect(t("missing")).toBe("intake.missing");
    expect(t("count", { n: 2 })).toBe("intake.count");
    expect(t("has")).toBe("Yes");
    expect(translatorFor({ a: "{name} signed in" })("a")).toBe("a");
    expect([t.has("has"), t.has("missing")]).toEqual([true, false]);
  });
});

describe("client components", () => {
  it("take their strings from components/translations.tsx, never from next-intl", () => {
    const files = ["app", "components", "lib"]
      .flatMap((dir) =>
        readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" }).map((f) => join(dir, f)),
      )
      .filter((f) => /\.tsx?$/.test(f) && !f.startsWith("lib/generated/"));
    const client = files.filter((f) =>
      /^\s*["']use client["']/m.test(readFileSync(join(ROOT, f), "utf8").slice(0, 300)),
    );
    expect(client.length).toBeGreaterThan(40);
    expect(client.filter((f) => /from\s+["']next-intl/.test(readFileSync(join(ROOT, f), "utf8")))).toEqual(
      [],
    );
  });
});

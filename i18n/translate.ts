// The browser's message formatter: the part of ICU message syntax that the strings sent to
// client components use, so that pages need not carry next-intl's client code against the
// 150 kB budget of issue 11 (decision 023). Supported: `{name}`, `plural` with `=N` cases and
// `#`, `select`, and ICU's apostrophe quoting. Anything else (number, date and ordinal
// arguments, plural offsets, rich text tags) is refused as a formatting error.
// tests/unit/translate.test.ts formats every string the browser receives with this and with
// next-intl, and fails where they differ.
import { LOCALE } from "./formats";

export type Messages = { [key: string]: string | Messages };
export type Values = Record<string, string | number | boolean>;

type Part =
  | string
  | { arg: string }
  | { pound: true }
  | { arg: string; kind: "plural" | "select"; options: Map<string, Part[]>; other: Part[] };

// Parses `message` from `at`, up to the `}` that closes the option it is in (or the end).
// `inPlural`: `#` stands for the number, as it does directly inside a plural's options only.
function parseParts(message: string, at: { i: number }, inPlural: boolean): Part[] {
  const parts: Part[] = [];
  let text = "";
  while (at.i < message.length) {
    const c = message[at.i] as string;
    if (c === "}") break;
    if (c === "{") {
      if (text) parts.push(text);
      text = "";
      at.i++;
      parts.push(parseArgument(message, at));
    } else if (c === "#" && inPlural) {
      if (text) parts.push(text);
      text = "";
      at.i++;
      parts.push({ pound: true });
    } else if (c === "'") {
      text += parseQuote(message, at, inPlural);
    } else if (c === "<" && /[a-z/]/i.test(message[at.i + 1] ?? "")) {
      throw new Error(`rich text tags are not supported (at ${at.i})`);
    } else {
      text += c;
      at.i++;
    }
  }
  if (text) parts.push(text);
  return parts;
}

// ICU quoting: `''` is one apostrophe; an apostrophe before a syntax character starts a
// literal that runs to the next lone apostrophe; any other apostrophe ("Victims' Code") is text.
function parseQuote(message: string, at: { i: number }, inPlural: boolean): string {
  const next = message[at.i + 1];
  if (next === "'") {
    at.i += 2;
    return "'";
  }
  if (next === undefined || (!"{}<>".includes(next) && !(next === "#" && inPlural))) {
    at.i++;
    return "'";
  }
  let text = "";
  at.i++;
  while (at.i < message.length) {
    if (message[at.i] === "'") {
      at.i++;
      if (message[at.i] !== "'") break;
    }
    text += message[at.i];
    at.i++;
  }
  return text;
}

// After a `{`: `name}`, or `name, plural|select, key {…} … other {…}}`.
function parseArgument(message: string, at: { i: number }): Part {
  const head = /^\s*(\w+)\s*(?:,\s*(\w+)\s*)?/.exec(message.slice(at.i));
  const [match, arg, kind] = head ?? [];
  if (!match || !arg) throw new Error(`expected an argument name at ${at.i}`);
  at.i += match.length;
  if (kind === undefined) {
    consume(message, at, "}");
    return { arg };
  }
  if (kind !== "plural" && kind !== "select") throw new Error(`"${kind}" arguments are not supported`);
  consume(message, at, ",");
  const options = new Map<string, Part[]>();
  for (let key; (key = /^\s*([^\s{}]+)\s*\{/.exec(message.slice(at.i)));) {
    at.i += key[0].length;
    options.set(key[1] as string, parseParts(message, at, kind === "plural"));
    consume(message, at, "}");
  }
  const other = options.get("other");
  if (!other) throw new Error(`"${arg}" has no "other" option`);
  at.i += (/^\s*/.exec(message.slice(at.i)) as RegExpExecArray)[0].length;
  consume(message, at, "}");
  return { arg, kind, options, other };
}

function consume(message: string, at: { i: number }, char: string): void {
  if (message[at.i] !== char) throw new Error(`expected "${char}" at ${at.i}`);
  at.i++;
}

// Each string is parsed once; the catalogue is small and fixed, so the cache stays small.
const parsed = new Map<string, Part[]>();

function parse(message: string): Part[] {
  let parts = parsed.get(message);
  if (!parts) {
    const at = { i: 0 };
    parts = parseParts(message, at, false);
    if (at.i !== message.length) throw new Error(`unexpected "}" at ${at.i}`);
    parsed.set(message, parts);
  }
  return parts;
}

const numbers = new Intl.NumberFormat(LOCALE);
const plurals = new Intl.PluralRules(LOCALE);

function render(parts: Part[], values: Values, count: number | undefined): string {
  let out = "";
  for (const part of parts) {
    if (typeof part === "string") out += part;
    else if ("pound" in part) out += count === undefined ? "" : numbers.format(count);
    else {
      if (!Object.hasOwn(values, part.arg)) throw new Error(`no value for "${part.arg}"`);
      const value = values[part.arg] as string | number | boolean;
      if (!("kind" in part)) out += String(value);
      else if (part.kind === "select")
        out += render(part.options.get(String(value)) ?? part.other, values, count);
      else {
        // An exact case (`=0`) before the language's plural category, as ICU chooses.
        const n = Number(value);
        const option = part.options.get(`=${n}`) ?? part.options.get(plurals.select(n)) ?? part.other;
        out += render(option, values, n);
      }
    }
  }
  return out;
}

export function formatMessage(message: string, values: Values = {}): string {
  return render(parse(message), values, undefined);
}

export type Translate = ((key: string, values?: Values) => string) & { has: (key: string) => boolean };

function lookup(messages: Messages, path: string): string | Messages | undefined {
  let at: string | Messages | undefined = messages;
  for (const part of path.split(".")) at = typeof at === "object" ? at[part] : undefined;
  return at;
}

// As next-intl's `t`: keys are dotted paths below `namespace`. A missing key or a message
// that cannot be formatted shows its path and logs an error, as next-intl does by default:
// the page still renders, a reviewer sees which string is missing, and the journeys' check
// for console errors fails on it.
export function translatorFor(messages: Messages, namespace?: string): Translate {
  const pathOf = (key: string) => (namespace ? `${namespace}.${key}` : key);
  const t = (key: string, values?: Values): string => {
    const path = pathOf(key);
    const message = lookup(messages, path);
    try {
      if (typeof message !== "string") throw new Error("no such message");
      return formatMessage(message, values);
    } catch (error) {
      console.error(`Message "${path}": ${(error as Error).message}`);
      return path;
    }
  };
  // Only a message counts (next-intl also says yes to a namespace): callers ask before showing one.
  return Object.assign(t, { has: (key: string) => typeof lookup(messages, pathOf(key)) === "string" });
}

// A browser for the load bench: it keeps cookies, reads a page's forms, and calls the page's
// server actions the way the app's own JavaScript does. Every form here is driven by React
// (useActionState), so there is no no-JavaScript post to make: the browser's script finds
// the action's id and bound arguments in the page's React payload, posts the arguments
// encoded as React encodes them (the form's fields under "_1_", the argument list in "0")
// with the Next-Action header, and reads the answer: an `x-action-redirect` header when the
// action succeeded and moved on, otherwise the action's returned state in the RSC payload.

export type Field = [name: string, value: string];

export type Answer = {
  status: number;
  location: string | null;
  html: string;
  ms: number;
  // For an action: the state it returned (status, formError…), when it did not redirect.
  state?: { status?: string; formError?: string } | null;
};

// The server actions a page hands to its client components, by id, with the arguments
// bound on the server: React writes each as {"id":…,"bound":"$@n"} (row n holds the list)
// in the payload the page carries in its self.__next_f scripts.
export function pageActions(html: string): Map<string, unknown[]> {
  let flight = "";
  for (const m of html.matchAll(/self\.__next_f\.push\((\[[\s\S]*?\])\)<\/script>/g)) {
    try {
      const chunk = JSON.parse(m[1] as string) as unknown[];
      if (typeof chunk[1] === "string") flight += chunk[1];
    } catch {
      // Not a payload chunk.
    }
  }
  const rows = new Map<string, string>();
  for (const line of flight.split("\n")) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (m) rows.set(m[1] as string, m[2] as string);
  }
  const out = new Map<string, unknown[]>();
  for (const m of flight.matchAll(/\{"id":"([0-9a-f]{40,44})","bound":(null|"\$@([0-9a-f]+)")/g)) {
    const row = m[3] ? rows.get(m[3]) : undefined;
    let bound: unknown[] = [];
    if (row) {
      try {
        bound = JSON.parse(row) as unknown[];
      } catch {
        bound = [];
      }
    }
    out.set(m[1] as string, bound);
  }
  return out;
}

// The action's returned state in an RSC answer: the first row that is an object with a status.
function actionState(body: string): Answer["state"] {
  for (const line of body.split("\n")) {
    const m = /^([0-9a-f]+):(\{.*\})$/.exec(line);
    if (!m || m[1] === "0") continue;
    try {
      const value = JSON.parse(m[2] as string) as Record<string, unknown>;
      if (typeof value.status === "string")
        return {
          status: value.status,
          formError: typeof value.formError === "string" ? value.formError : undefined,
        };
    } catch {
      // Another kind of row.
    }
  }
  return null;
}

const ENTITIES: Record<string, string> = {
  quot: '"',
  amp: "&",
  lt: "<",
  gt: ">",
  apos: "'",
  "#39": "'",
  "#x27": "'",
};
const unescape = (s: string) =>
  s.replace(/&(quot|amp|lt|gt|apos|#39|#x27);/g, (_, e: string) => ENTITIES[e] ?? "");

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:$-]+)(?:="([^"]*)")?/g)) out[m[1] as string] = unescape(m[2] ?? "");
  return out;
}

// The first form on the page whose markup contains `needle` (a field's name="…", a button's
// text); forms cannot nest in HTML.
export function findForm(html: string, needle: string): string | null {
  for (const m of html.matchAll(/<form\b[\s\S]*?<\/form>/g)) {
    if (m[0].includes(needle)) return m[0];
  }
  return null;
}

// What a browser would send for the form as it stands, with `set` applied on top: text
// inputs and hidden fields with their values, checked boxes and radios, textareas, and the
// first option of a select unless one is selected. `choose` names radio groups to answer
// with their first option when none is checked.
export function formFields(form: string, set: Record<string, string> = {}, choose: string[] = []): Field[] {
  const out: Field[] = [];
  const seen = new Set<string>();
  const chosen = new Set<string>();
  for (const m of form.matchAll(/<input\b[^>]*>/g)) {
    const a = attributes(m[0]);
    const name = a.name;
    if (!name || "disabled" in a) continue;
    const type = (a.type ?? "text").toLowerCase();
    if (type === "submit" || type === "button" || type === "file") continue;
    if (type === "radio") {
      if (name in set) continue;
      if ("checked" in a) {
        out.push([name, a.value ?? "on"]);
        chosen.add(name);
      } else if (choose.includes(name) && !chosen.has(name)) {
        out.push([name, a.value ?? "on"]);
        chosen.add(name);
      }
      continue;
    }
    if (type === "checkbox") {
      if ("checked" in a) out.push([name, a.value ?? "on"]);
      continue;
    }
    if (name in set) {
      if (!seen.has(name)) out.push([name, set[name] as string]);
      seen.add(name);
      continue;
    }
    out.push([name, a.value ?? ""]);
  }
  for (const m of form.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
    const a = attributes(m[1] as string);
    if (!a.name) continue;
    out.push([a.name, a.name in set ? (set[a.name] as string) : unescape(m[2] ?? "")]);
    seen.add(a.name);
  }
  for (const m of form.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const a = attributes(m[1] as string);
    if (!a.name) continue;
    if (a.name in set) {
      out.push([a.name, set[a.name] as string]);
      seen.add(a.name);
      continue;
    }
    const options = [...(m[2] as string).matchAll(/<option\b[^>]*>/g)].map((o) => attributes(o[0]));
    const pick = options.find((o) => "selected" in o) ?? options[0];
    if (pick) out.push([a.name, pick.value ?? ""]);
  }
  // Radios set by the caller, and any other field the caller adds.
  for (const [name, value] of Object.entries(set)) if (!seen.has(name)) out.push([name, value]);
  return out;
}

export class Browser {
  private cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private keep(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair?.indexOf("=") ?? -1;
      if (!pair || at < 0) continue;
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (/expires=Thu, 01 Jan 1970/i.test(line) || /max-age=0/i.test(line) || value === "")
        this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(path: string): Promise<Answer> {
    const started = performance.now();
    const response = await fetch(new URL(path, this.base), {
      redirect: "manual",
      headers: { cookie: this.cookieHeader(), "sec-fetch-site": "same-origin", accept: "text/html" },
      signal: AbortSignal.timeout(30_000),
    });
    this.keep(response);
    const html = await response.text();
    return {
      status: response.status,
      location: response.headers.get("location"),
      html,
      ms: performance.now() - started,
    };
  }

  // Calls action `id` as the page's script does: its bound arguments, the form's previous
  // state (as it stands when the page has just loaded) and the form's fields.
  async action(path: string, id: string, bound: unknown[], fields: Field[]): Promise<Answer> {
    const body = new FormData();
    const previous = { status: "idle", values: {}, fieldErrors: {} };
    // In React's order: the form's fields, then the argument list that refers to them.
    for (const [name, value] of fields) body.append(`_1_${name}`, value);
    body.set("0", JSON.stringify([...bound, previous, "$K1"]));
    const started = performance.now();
    const response = await fetch(new URL(path, this.base), {
      method: "POST",
      redirect: "manual",
      body,
      headers: {
        cookie: this.cookieHeader(),
        origin: new URL(this.base).origin,
        "sec-fetch-site": "same-origin",
        accept: "text/x-component",
        "next-action": id,
      },
      signal: AbortSignal.timeout(30_000),
    });
    this.keep(response);
    const text = await response.text();
    const redirect = response.headers.get("x-action-redirect");
    return {
      status: response.status,
      location: redirect ? (redirect.split(";")[0] ?? null) : null,
      html: text,
      ms: performance.now() - started,
      state: redirect ? null : actionState(text),
    };
  }
}

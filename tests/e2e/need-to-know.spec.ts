// Every demo role walks every page it can reach by following links (bounded), and on each:
// - no address it was given (links, form targets, where it landed) carries a working name,
//   legal name, phone number, narrative fragment or area from the seeded database;
// - no search or other free-text form sends its words by GET (they would land in the address);
// - the React Server Component payload (what client-side navigation fetches, header `RSC: 1`)
//   carries no contact rules, access needs, narratives or ids of other records that the page
//   itself does not show: a client component receives only the fields it renders.
// The sensitive values are read from the seeded database, so the check follows the real records.
import { test, expect, signIn, type AccountName } from "./fixtures";
import { plain, query } from "./support/seeded-db";

const ROLES: AccountName[] = ["officer", "supervisor", "partner", "partner2", "admin"];
// Pages per role, and per kind of page (its path with ids replaced), so that the walk covers
// every kind of page rather than a hundred people.
const PAGE_LIMIT = 60;
const PER_KIND = 3;
// Not followed: leaving the session, the sign-in pages, an intake start that writes a draft,
// downloads and API routes.
const SKIP = /^\/(api|_next|sign-out|login|reauth|setup|reports\/new)(\/|$|\?)/;

type Seeded = {
  // Words that must never be part of an address.
  inAddress: string[];
  // Field values a page may carry only if it shows them.
  fields: string[];
  // Ids of people, reports, contacts, referrals, submissions and alerts.
  ids: Set<string>;
};

// A fragment long enough to be unmistakable, of letters, digits, spaces and plain punctuation,
// so that no HTML or JSON escaping hides it.
function fragment(text: string | null, min = 12): string | null {
  if (!text) return null;
  const run = text.match(/[A-Za-z0-9][A-Za-z0-9 ,.()-]*/g)?.sort((a, b) => b.length - a.length)[0];
  const piece = run?.trim().slice(0, 40) ?? "";
  return piece.length >= min ? piece : null;
}

async function seeded(): Promise<Seeded> {
  const people = await query<{
    id: string;
    workingName: string;
    legalName: string | null;
    phone: string | null;
    accessNeeds: string | null;
    interpreterNeeds: string | null;
    safeContactTimes: string | null;
    doNotContactRules: string | null;
  }>(`SELECT id, "workingName", "legalName", phone, "accessNeeds", "interpreterNeeds",
             "safeContactTimes", "doNotContactRules" FROM "Person"`);
  const reports = await query<{ id: string; narrative: string | null; area: string | null }>(
    `SELECT id, narrative, area FROM "IncidentReport"`,
  );
  const phones = await query<{ id: string; value: string }>(
    `SELECT id, value FROM "SuspectIdentifier" WHERE kind = 'PHONE_NUMBER'`,
  );
  const records = await query<{ id: string }>(`
    SELECT id::text FROM "Person" UNION ALL SELECT id::text FROM "IncidentReport"
    UNION ALL SELECT id::text FROM "LiaisonContact" UNION ALL SELECT id::text FROM "Referral"
    UNION ALL SELECT id::text FROM "ThirdPartySubmission" UNION ALL SELECT id::text FROM "SafetyAlert"`);
  const p = (row: { id: string }, column: string, value: string | null) =>
    plain("Person", column, row.id, value);
  const inAddress = [
    ...people.flatMap((row) => [
      row.workingName.length >= 3 ? row.workingName : null,
      p(row, "legalName", row.legalName),
      p(row, "phone", row.phone),
    ]),
    ...phones.map((row) => plain("SuspectIdentifier", "value", row.id, row.value)),
    ...reports.flatMap((row) => [
      fragment(plain("IncidentReport", "narrative", row.id, row.narrative), 16),
      row.area && row.area.length >= 4 ? row.area : null,
    ]),
  ].filter((s): s is string => Boolean(s));
  const fields = [
    ...people.flatMap((row) => [
      fragment(p(row, "accessNeeds", row.accessNeeds)),
      fragment(p(row, "interpreterNeeds", row.interpreterNeeds)),
      fragment(p(row, "safeContactTimes", row.safeContactTimes)),
      fragment(p(row, "doNotContactRules", row.doNotContactRules)),
    ]),
    ...reports.map((row) => fragment(plain("IncidentReport", "narrative", row.id, row.narrative), 16)),
  ].filter((s): s is string => Boolean(s));
  return {
    inAddress: [...new Set(inAddress)],
    fields: [...new Set(fields)],
    ids: new Set(records.map((r) => r.id)),
  };
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'" };
const unescapeHtml = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, e: string) => ENTITIES[e] ?? _);

// What the browser renders: the document without its scripts (which carry the payload).
function rendered(html: string): string {
  return unescapeHtml(html.replace(/<script\b[\s\S]*?<\/script>/gi, ""));
}

function decoded(url: string): string {
  try {
    return decodeURIComponent(url.replace(/\+/g, " "));
  } catch {
    return url;
  }
}

// Same-origin addresses the page hands out: links and form targets.
function addressesIn(html: string, base: URL): URL[] {
  const out: URL[] = [];
  for (const [, raw] of html.matchAll(/\s(?:href|action)="([^"]*)"/g)) {
    try {
      const url = new URL(unescapeHtml(raw ?? ""), base);
      if (url.origin === base.origin) out.push(url);
    } catch {
      // Not an address.
    }
  }
  return out;
}

// Forms that would put what was typed into the address: GET (the default) with a text box.
function getFormsWithText(html: string): string[] {
  const forms = html.match(/<form\b[^>]*>[\s\S]*?<\/form>/gi) ?? [];
  return forms.filter((form) => {
    const method = /\bmethod="([^"]*)"/i.exec(form)?.[1]?.toLowerCase();
    const posts = method === "post" || /\baction="javascript:/i.test(form) || /\$ACTION_ID_/.test(form);
    const text =
      /<(textarea)\b|<input\b(?![^>]*type="(hidden|checkbox|radio|submit|button|month|date|number)")[^>]*>/i;
    return !posts && text.test(form);
  });
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const kindOf = (path: string) => path.replace(UUID, ":id");

for (const role of ROLES) {
  test(`as ${role}: no personal data in any address, and no payload field the page does not show`, async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(240_000);
    const data = await seeded();
    expect(data.inAddress.length, "seeded names, phones and accounts").toBeGreaterThan(50);
    expect(data.fields.length, "seeded contact rules, needs and accounts").toBeGreaterThan(30);
    await signIn(page, role);
    const base = new URL(baseURL ?? page.url());
    const queue = ["/"];
    const seen = new Set<string>(queue);
    const kinds = new Map<string, number>();
    const problems: string[] = [];
    let visited = 0;
    while (queue.length > 0 && visited < PAGE_LIMIT) {
      const path = queue.shift() as string;
      const response = await page.request.get(path);
      visited += 1;
      const landed = new URL(response.url());
      const html = await response.text();
      if (response.status() >= 500) problems.push(`${path}: answered ${response.status()}`);
      const visible = rendered(html);
      const addresses = [landed, ...addressesIn(html, base)];
      for (const url of addresses) {
        const text = decoded(url.pathname + url.search);
        const found = data.inAddress.find((word) => text.includes(word));
        if (found) problems.push(`${path}: address ${url.pathname}${url.search} carries "${found}"`);
      }
      for (const form of getFormsWithText(html))
        problems.push(`${path}: a GET form with a text box: ${form.slice(0, 120)}`);

      if (response.status() === 200 && response.headers()["content-type"]?.includes("text/html")) {
        const payload = await (await page.request.get(path, { headers: { RSC: "1" } })).text();
        for (const value of data.fields)
          if (payload.includes(value) && !visible.includes(value))
            problems.push(`${path}: payload carries "${value}", which the page does not show`);
        const shownIds = new Set([...visible.matchAll(UUID)].map((m) => m[0]));
        for (const m of landed.pathname.matchAll(UUID)) shownIds.add(m[0]);
        // A React element's key (a row keyed by the id of the record it shows) is how React
        // tells rows apart, not a field handed to a component: left out of the id check.
        const props = payload.replace(/\["\$","[^"]*","[^"]*"/g, '["$","",""');
        // The audit log is live: every request adds events (this crawl's own, and other
        // journeys' running beside it), so its payload, fetched by a second request, can hold
        // rows the page fetched a moment earlier did not. Its ids are checked on the page only.
        const live = landed.pathname === "/audit";
        for (const [id] of props.matchAll(UUID))
          if (!live && data.ids.has(id) && !shownIds.has(id))
            problems.push(`${path}: payload carries the id ${id}, not on the page`);
      }

      for (const url of addresses) {
        const next = url.pathname + url.search;
        if (seen.has(next) || SKIP.test(url.pathname)) continue;
        seen.add(next);
        const kind = kindOf(url.pathname);
        if ((kinds.get(kind) ?? 0) >= PER_KIND) continue;
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
        queue.push(next);
      }
    }
    expect(visited, "pages walked").toBeGreaterThan(role === "admin" ? 1 : 4);
    expect([...new Set(problems)]).toEqual([]);
  });
}

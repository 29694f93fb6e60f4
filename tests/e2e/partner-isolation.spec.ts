// A partner agency sees the referrals, submissions and alerts addressed to it and nothing
// else: not in the page, and not in the React Server Component payload behind it. The
// sensitive strings are read from the seeded database itself, so the test checks the real
// records, not a list someone remembered to write.
import { test, expect, signIn, ACCOUNTS } from "./fixtures";
import { plain, query } from "./support/seeded-db";

type Secrets = {
  agencyId: string;
  forbidden: string[];
  // What a safety alert exists to pass on: allowed on an alert's own page, nowhere else.
  suspects: string[];
  own: string[];
  others: { path: string; words: string | null }[];
};

async function secretsFor(email: string): Promise<Secrets> {
  const [user] = await query<{ agencyId: string }>(
    `SELECT "organisationId" AS "agencyId" FROM "User" WHERE email = $1`,
    [email],
  );
  if (!user) throw new Error(`no demo account ${email}`);
  const { agencyId } = user;
  // What no partner page may carry: narratives, suspect details, legal names, contact
  // details, police references and outcomes, and the ids of people this agency was never
  // sent.
  // Personal data is encrypted at rest (docs/decisions/015): each value is opened with the
  // app's key before it is looked for, and one that cannot be opened fails the test.
  const open = (table: string, column: string, rows: { id: string; v: string | null }[], cut = 0) =>
    rows.flatMap(({ id, v }) => {
      if (v === null) return [];
      const text = plain(table, column, id, v);
      if (text === null) throw new Error(`could not read ${table}.${column} of ${id}`);
      return text.length >= cut ? [cut ? text.slice(0, 40) : text] : [];
    });
  const column = (table: string, name: string) =>
    query<{ id: string; v: string | null }>(
      `SELECT id, "${name}" AS v FROM "${table}" WHERE "${name}" IS NOT NULL`,
    );
  const texts = [
    ...open("IncidentReport", "narrative", await column("IncidentReport", "narrative"), 20),
    ...open("Person", "legalName", await column("Person", "legalName")),
    ...open("Person", "phone", await column("Person", "phone")),
    ...open("Person", "email", await column("Person", "email")),
    ...(
      await query<{ text: string }>(`SELECT reference AS text FROM "IncidentReport"
       UNION SELECT "crimeReference" FROM "IncidentReport" WHERE "crimeReference" IS NOT NULL`)
    ).map((r) => r.text),
  ].map((text) => ({ text }));
  const suspects = open("Suspect", "description", await column("Suspect", "description"), 12).map((text) => ({
    text,
  }));
  const strangers = await query<{ id: string }>(
    `SELECT p.id FROM "Person" p
     WHERE NOT EXISTS (SELECT 1 FROM "Referral" r WHERE r."personId" = p.id AND r."agencyId" = $1)`,
    [agencyId],
  );
  // The agency's own records, and those of other agencies (an alert sent to several
  // agencies counts as its own if this agency is among them), each with words of its own
  // that must never reach another agency.
  const records = async (own: boolean) => {
    const rows = await query<{ kind: string; id: string; a: string | null; b: string | null }>(
      `SELECT 'referral' AS kind, id, reason AS a, "supportNeeded" AS b
         FROM "Referral" WHERE ("agencyId" = $1) = $2
       UNION ALL SELECT 'submission', id, answers::text, NULL
         FROM "ThirdPartySubmission" WHERE ("agencyId" = $1) = $2
       UNION ALL SELECT 'alert', a.id, a.title, NULL FROM "SafetyAlert" a
         WHERE a.status = 'ACTIVE'
           AND EXISTS (SELECT 1 FROM "SafetyAlertRecipient" r WHERE r."alertId" = a.id AND r."agencyId" = $1) = $2`,
      [agencyId, own],
    );
    return rows.map((r) => {
      if (r.kind === "referral") {
        const words =
          r.a !== null
            ? plain("Referral", "reason", r.id, r.a)
            : plain("Referral", "supportNeeded", r.id, r.b);
        return { path: `/referrals/${r.id}`, words };
      }
      if (r.kind === "submission") {
        // A JSON column is encrypted whole and stored as one JSON string.
        const stored = r.a === null ? null : (JSON.parse(r.a) as unknown);
        const opened =
          typeof stored === "string" ? plain("ThirdPartySubmission", "answers", r.id, stored) : r.a;
        const answers = opened ? (JSON.parse(opened) as { account?: { narrative?: string } }) : null;
        return { path: `/third-party-reports/${r.id}`, words: answers?.account?.narrative ?? null };
      }
      return { path: `/alerts/${r.id}`, words: plain("SafetyAlert", "title", r.id, r.a) };
    });
  };
  return {
    agencyId,
    forbidden: [...texts.map((t) => t.text), ...strangers.map((s) => s.id)],
    suspects: suspects.map((t) => t.text),
    own: ["/", "/referrals", "/third-party-reports", ...(await records(true)).map((r) => r.path)],
    others: await records(false),
  };
}

test.describe("a partner agency's view", () => {
  test("no partner page or its payload carries another person's data or the police record", async ({
    page,
  }) => {
    test.slow();
    const secrets = await secretsFor(ACCOUNTS.partner);
    expect(secrets.own.length).toBeGreaterThan(5);
    expect(secrets.forbidden.length).toBeGreaterThan(50);
    await signIn(page, "partner");
    for (const path of secrets.own) {
      const html = await page.request.get(path);
      expect(html.status(), path).toBe(200);
      const payload = await page.request.get(path, { headers: { RSC: "1" } });
      expect(payload.status(), `${path} (RSC)`).toBe(200);
      const body = `${await html.text()}\n${await payload.text()}`;
      const forbidden = path.startsWith("/alerts/")
        ? secrets.forbidden
        : [...secrets.forbidden, ...secrets.suspects];
      const leaked = forbidden.filter((s) => body.includes(s));
      expect(leaked, path).toEqual([]);
    }
  });

  test("another agency's referrals, submissions and alerts are not found, page or payload", async ({
    page,
  }) => {
    test.slow();
    const secrets = await secretsFor(ACCOUNTS.partner);
    expect(secrets.others.length).toBeGreaterThan(3);
    await signIn(page, "partner");
    for (const { path, words } of secrets.others) {
      expect((await page.request.get(path)).status(), path).toBe(404);
      // A client-side navigation asks for the payload alone: it must be the "not found" page,
      // with nothing of the record in it.
      const payload = await (await page.request.get(path, { headers: { RSC: "1" } })).text();
      expect(payload, `${path} (RSC)`).toContain("Page not found");
      if (words && words.length >= 8)
        expect(payload.includes(words), `${path} (RSC) carries the record's own words`).toBe(false);
    }
  });
});

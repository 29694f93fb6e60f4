// A partner agency sees the referrals, submissions and alerts addressed to it and nothing
// else: not in the page, and not in the React Server Component payload behind it. The
// sensitive strings are read from the seeded database itself, so the test checks the real
// records, not a list someone remembered to write.
import { test, expect, signIn, ACCOUNTS } from "./fixtures";
import { query } from "./support/seeded-db";

type Secrets = {
  agencyId: string;
  forbidden: string[];
  // What a safety alert exists to pass on: allowed on an alert's own page, nowhere else.
  suspects: string[];
  own: string[];
  others: { path: string; words: string }[];
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
  const texts = await query<{ text: string }>(`
    SELECT left(narrative, 40) AS text FROM "IncidentReport" WHERE length(narrative) >= 20
    UNION SELECT "legalName" FROM "Person" WHERE "legalName" IS NOT NULL
    UNION SELECT phone FROM "Person" WHERE phone IS NOT NULL
    UNION SELECT email FROM "Person" WHERE email IS NOT NULL
    UNION SELECT reference FROM "IncidentReport"
    UNION SELECT "crimeReference" FROM "IncidentReport" WHERE "crimeReference" IS NOT NULL`);
  const suspects = await query<{ text: string }>(
    `SELECT left(description, 40) AS text FROM "Suspect" WHERE length(description) >= 12`,
  );
  const strangers = await query<{ id: string }>(
    `SELECT p.id FROM "Person" p
     WHERE NOT EXISTS (SELECT 1 FROM "Referral" r WHERE r."personId" = p.id AND r."agencyId" = $1)`,
    [agencyId],
  );
  // The agency's own records, and those of other agencies (an alert sent to several
  // agencies counts as its own if this agency is among them), each with words of its own
  // that must never reach another agency.
  const records = async (own: boolean) =>
    query<{ path: string; words: string }>(
      `SELECT '/referrals/' || id AS path, coalesce(reason, "supportNeeded") AS words
         FROM "Referral" WHERE ("agencyId" = $1) = $2
       UNION ALL SELECT '/third-party-reports/' || id, answers #>> '{account,narrative}'
         FROM "ThirdPartySubmission" WHERE ("agencyId" = $1) = $2
       UNION ALL SELECT '/alerts/' || a.id, a.title FROM "SafetyAlert" a
         WHERE a.status = 'ACTIVE'
           AND EXISTS (SELECT 1 FROM "SafetyAlertRecipient" r WHERE r."alertId" = a.id AND r."agencyId" = $1) = $2`,
      [agencyId, own],
    );
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

import { randomBytes } from "node:crypto";
import pg from "pg";
import { test, expect, signIn, ACCOUNTS } from "./fixtures";
import { expectAccessible } from "./helpers";

// Lists that grow without bound come a page at a time (PAGE_SIZE, 25 by default), with
// links a keyboard reaches and a screen reader names.
async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({
    connectionString: process.env.TEST_OWNER_DATABASE_URL ?? process.env.DATABASE_URL,
  });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

// A person in the demo officer's unit with `count` contacts, one a day back from today
// (the newest is "Contact 1").
async function personWithContacts(count: number): Promise<{ id: string; name: string }> {
  const name = `Paging ${randomBytes(3).toString("hex")}`;
  const [person] = await query<{ id: string }>(
    `INSERT INTO "Person" (id, "unitId", "workingName", "updatedAt")
     SELECT gen_random_uuid(), "organisationId", $1, now() FROM "User" WHERE email = $2 RETURNING id`,
    [name, ACCOUNTS.officer],
  );
  if (!person) throw new Error("could not add a person");
  await query(
    `INSERT INTO "LiaisonContact" (id, "unitId", "personId", type, method, "occurredAt", notes)
     SELECT gen_random_uuid(), p."unitId", p.id, 'WELFARE_CHECK', 'PHONE_CALL',
            now() - make_interval(days => n), 'Contact ' || n
       FROM "Person" p, generate_series(1, $2::int) AS n WHERE p.id = $1`,
    [person.id, count],
  );
  return { id: person.id, name };
}

test.describe("paged lists", () => {
  test("a person's contact log comes a page at a time, by keyboard, keeping the place in the other list", async ({
    page,
  }) => {
    const person = await personWithContacts(30);
    await signIn(page, "officer");
    await page.goto(`/people/${person.id}`);
    const log = page.getByRole("table", { name: `Contacts with ${person.name}, newest first` });
    await expect(log.getByRole("row")).toHaveCount(26); // a header row and 25 contacts
    await expect(log).toContainText("Contact 1");
    await expect(log).not.toContainText("Contact 26");

    const pages = page.getByRole("navigation", { name: "Pages of the contact log" });
    await expect(pages).toContainText("Page 1 of 2");
    await expect(pages.getByRole("link", { name: "Previous page" })).toHaveCount(0);
    await pages.getByRole("link", { name: "Next page" }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/people/${person.id}\\?reports=1&contacts=2#contacts-heading$`));
    await expect(pages).toContainText("Page 2 of 2");
    await expect(log.getByRole("row")).toHaveCount(6);
    await expect(log).toContainText("Contact 26");
    await expect(log).toContainText("Contact 30");
    await expect(log).not.toContainText("Contact 25");
    // The person has no reports: there is no second paged list to keep a place in.
    await expect(page.getByRole("navigation", { name: "Pages of reports" })).toHaveCount(0);
    await expectAccessible(page);

    await pages.getByRole("link", { name: "Previous page" }).focus();
    await page.keyboard.press("Enter");
    await expect(pages).toContainText("Page 1 of 2");
    await expect(log).toContainText("Contact 25");

    // A page number past the end, or not a number, shows a real page rather than nothing.
    await page.goto(`/people/${person.id}?contacts=99`);
    await expect(pages).toContainText("Page 2 of 2");
    await page.goto(`/people/${person.id}?contacts=abc`);
    await expect(pages).toContainText("Page 1 of 2");
  });

  test("the drafts list is paged and counts every draft", async ({ page }) => {
    await signIn(page, "officer2");
    await query(
      `INSERT INTO "Draft" (id, "ownerId", kind, step, data, "updatedAt")
       SELECT gen_random_uuid(), u.id, 'report-intake', 'what-happened',
              jsonb_build_object('person', jsonb_build_object('workingName', 'Draft ' || n)),
              now() - make_interval(mins => n)
         FROM "User" u, generate_series(1, 30) AS n WHERE u.email = $1`,
      [ACCOUNTS.officer2],
    );
    const count = async () => {
      const [{ total } = { total: 0 }] = await query<{ total: number }>(
        `SELECT count(*)::int AS total FROM "Draft" d JOIN "User" u ON u.id = d."ownerId"
          WHERE u.email = $1 AND d.kind = 'report-intake'`,
        [ACCOUNTS.officer2],
      );
      return total;
    };
    // Other journeys start and submit intakes as officer2 at the same time, so the page's count
    // is held to the database's at a moment when neither changed while the page loaded.
    let total = 0;
    await expect
      .poll(
        async () => {
          const before = await count();
          await page.goto("/reports/drafts");
          total = await count();
          return (
            before === total && (await page.getByRole("table", { name: `${total} drafts` }).count()) === 1
          );
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    expect(total).toBeGreaterThanOrEqual(30);
    const table = page.getByRole("table", { name: `${total} drafts` });
    await expect(table.getByRole("row")).toHaveCount(26);
    const pages = page.getByRole("navigation", { name: "Pages" });
    const pageCount = Math.ceil(total / 25);
    await expect(pages).toContainText(`Page 1 of ${pageCount}`);
    await pages.getByRole("link", { name: "Next page" }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/reports\/drafts\?page=2$/);
    await expect(pages).toContainText(`Page 2 of ${pageCount}`);
    await expectAccessible(page);
  });
});

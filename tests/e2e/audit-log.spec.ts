// The audit log as a supervisor uses it: search by kind, see who did what from where, and
// download the events; the page carries no case content and passes axe. An officer gets
// "not found".
import { expect, signIn, test } from "./fixtures";
import { expectAccessible } from "./helpers";

test("a supervisor searches the audit log and downloads what it found", async ({ page }) => {
  await signIn(page, "supervisor");
  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Show").selectOption("sign-in-failures");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/kind=sign-in-failures/);
  await page.getByLabel("Show").selectOption("all");
  await page.getByRole("button", { name: "Search" }).click();
  const table = page.getByRole("table", { name: /events, newest first/ });
  await expect(table).toBeVisible();
  // The supervisor's own sign-in is among the unit's events.
  await expect(table.getByRole("row").filter({ hasText: "auth.sign-in" }).first()).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /Download these events/ }).click();
  const file = await download;
  const text = await (await file.createReadStream()).toArray().then((c) => Buffer.concat(c).toString("utf8"));
  expect(text.split("\r\n")[0]).toBe(
    "Sequence,When (UTC),Who,Role,Session,Address,What,Record type,Record,Outcome",
  );
  expect(text).toContain("audit.search");
});

test("an officer cannot open the audit log", async ({ page }) => {
  await signIn(page, "officer");
  await expect(page.getByRole("link", { name: "Audit log" })).toHaveCount(0);
  const response = await page.goto("/audit");
  expect(response?.status()).toBe(404);
});

// Retention review and subject access as a supervisor uses them: the review queue page and
// a person's subject access copy pass axe, the JSON download parses and holds the person;
// an officer gets neither.
import { expect, signIn, test } from "./fixtures";
import { expectAccessible } from "./helpers";

test("a supervisor opens the retention review and a person's subject access copy", async ({ page }) => {
  await signIn(page, "supervisor", { fresh: true });
  await page.getByRole("link", { name: "Retention", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Retention review", level: 1 })).toBeVisible();
  await expectAccessible(page);

  const name = "Jade";
  await page.getByRole("link", { name: "People" }).click();
  await page.getByLabel("Working name or pseudonym").fill(name);
  await page.keyboard.press("Enter");
  await page.getByRole("link", { name, exact: true }).click();
  await page.getByRole("link", { name: "Subject access export" }).click();
  await expect(page.getByRole("heading", { name: `Everything held about ${name}`, level: 1 })).toBeVisible();
  await expectAccessible(page);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download as JSON" }).click();
  const file = await download;
  const text = await (await file.createReadStream()).toArray().then((c) => Buffer.concat(c).toString("utf8"));
  const data = JSON.parse(text) as { person: { workingName: string }; withheld: string[] };
  expect(data.person.workingName).toBe(name);
  expect(data.withheld).toContain("suspects");
});

test("an officer has neither the retention review nor subject access", async ({ page }) => {
  await signIn(page, "officer");
  await expect(page.getByRole("link", { name: "Retention", exact: true })).toHaveCount(0);
  expect((await page.goto("/retention"))?.status()).toBe(404);
});

import { test, expect, signIn } from "./fixtures";

test.describe("each role lands on its own home page", () => {
  test("an officer sees the unit's open reports and opens one", async ({ page }) => {
    await signIn(page, "officer");
    await expect(page.getByRole("heading", { name: "Open reports", level: 1 })).toBeVisible();
    const table = page.getByRole("table", { name: /Open reports/ });
    await expect(table.getByRole("columnheader", { name: "Reference" })).toBeVisible();
    const first = table.getByRole("link", { name: /^SWL-\d{4}-\d{5}$/ }).first();
    const reference = await first.innerText();
    await first.click();
    await expect(page).toHaveURL(/\/reports\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { name: reference, level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Outcome trail" })).toBeVisible();
  });

  test("a supervisor sees the officers and reaches the dashboard", async ({ page }) => {
    await signIn(page, "supervisor");
    await expect(page.getByRole("heading", { name: "Officers in your unit" })).toBeVisible();
    await page
      .getByRole("link", { name: /dashboard/i })
      .first()
      .click();
    await expect(page.getByRole("heading", { name: "Outcomes and attrition" })).toBeVisible();
    const figures = page.getByRole("table", { name: /Headline figures/ });
    await expect(figures.getByRole("row", { name: /Reports received/ })).toContainText("86");
    await expect(figures.getByRole("row", { name: /Charged or summonsed/ })).toContainText("7.0%");
    await expect(figures.getByRole("row", { name: /^Convicted/ })).toContainText("3.5%");
  });

  test("a partner lands on the referrals to their agency", async ({ page }) => {
    await signIn(page, "partner");
    await expect(page).toHaveURL(/\/referrals$/);
    await expect(page.getByRole("heading", { name: "Referrals to your agency" })).toBeVisible();
    await expect(page.getByRole("table", { name: /Referrals/ })).toBeVisible();
  });

  test("an administrator lands on administration, sees the users and no case records", async ({ page }) => {
    await signIn(page, "admin");
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole("heading", { name: "Administration", level: 1 })).toBeVisible();
    await page.getByRole("link", { name: "Users", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
    await expect(page.getByRole("cell", { name: "officer@demo.liaison.test" })).toBeVisible();
    await expect(page.getByRole("link", { name: /^SWL-/ })).toHaveCount(0);
  });
});

test.describe("what each role cannot reach", () => {
  test("a partner opening a report's address directly gets 'not found'", async ({ browser }) => {
    const officer = await browser.newPage();
    await signIn(officer, "officer");
    await officer.getByRole("link", { name: /^SWL-/ }).first().click();
    await expect(officer).toHaveURL(/\/reports\//);
    const reportUrl = officer.url();
    await officer.close();

    for (const who of ["partner", "admin"] as const) {
      const page = await browser.newPage();
      await signIn(page, who);
      const response = await page.goto(reportUrl);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
      await page.close();
    }
  });

  for (const [who, path] of [
    ["partner", "/dashboard"],
    ["admin", "/dashboard"],
    ["officer", "/referrals"],
    ["admin", "/referrals"],
  ] as const) {
    test(`${who} opening ${path} gets 'not found'`, async ({ page }) => {
      await signIn(page, who);
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    });
  }
});

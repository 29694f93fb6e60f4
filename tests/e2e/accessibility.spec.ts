import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { test, expect, signIn, type AccountName } from "./fixtures";

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

test("the sign-in page, with and without errors, has no serious accessibility problems", async ({ page }) => {
  await page.goto("/login");
  await expectNoSeriousViolations(page);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toBeVisible();
  await expectNoSeriousViolations(page);
});

const homes: [AccountName, string][] = [
  ["officer", "/"],
  ["supervisor", "/"],
  ["supervisor", "/dashboard"],
  ["partner", "/referrals"],
  ["admin", "/"],
];

for (const [who, path] of homes) {
  test(`${path} for the ${who} has no serious accessibility problems`, async ({ page }) => {
    await signIn(page, who);
    await page.goto(path);
    await expectNoSeriousViolations(page);
  });
}

test("a report page has no serious accessibility problems", async ({ page }) => {
  await signIn(page, "officer");
  await page.getByRole("link", { name: /^SWL-/ }).first().click();
  await expect(page).toHaveURL(/\/reports\//);
  await expectNoSeriousViolations(page);
});

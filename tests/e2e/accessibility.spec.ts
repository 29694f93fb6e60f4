import { test, expect, signIn, type AccountName } from "./fixtures";
import { expectAccessible } from "./helpers";

test("the sign-in page, with and without errors, has no serious accessibility problems", async ({ page }) => {
  await page.goto("/login");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toBeVisible();
  await expectAccessible(page);
});

// The dashboard has its own, longer check in dashboard.spec.ts (screen and print).
const homes: [AccountName, string][] = [
  ["officer", "/"],
  ["supervisor", "/"],
  ["partner", "/referrals"],
  ["admin", "/"],
];

for (const [who, path] of homes) {
  test(`${path} for the ${who} has no serious accessibility problems`, async ({ page }) => {
    await signIn(page, who);
    await page.goto(path);
    await expectAccessible(page);
  });
}

test("a report page has no serious accessibility problems", async ({ page }) => {
  await signIn(page, "officer");
  await page.getByRole("link", { name: /^SWL-/ }).first().click();
  await expect(page).toHaveURL(/\/reports\//);
  await expectAccessible(page);
});

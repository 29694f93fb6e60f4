import type { Page } from "@playwright/test";
import { test, expect, signIn } from "./fixtures";
import { expectAccessible } from "./helpers";

// One of the officer's open cases, counted from the oldest and clear of the ones the case
// record journeys use, so that journeys running side by side never share a case.
async function openOwnCase(page: Page, fromOldest: number) {
  await page.goto("/");
  const rows = page
    .getByRole("table", { name: /^Open reports/ })
    .getByRole("row")
    .filter({ hasText: "PC Rhian Morgan" });
  const count = await rows.count();
  expect(count).toBeGreaterThan(fromOldest);
  await rows
    .nth(count - 1 - fromOldest)
    .getByRole("link", { name: /^SWL-/ })
    .click();
  await expect(page).toHaveURL(/\/reports\/[0-9a-f-]{36}$/);
}

test.describe("Victims' Code enhanced rights", () => {
  test("an officer records a decision on enhanced rights with a reason, and the case shows it", async ({
    page,
  }) => {
    await signIn(page, "officer");
    await openOwnCase(page, 9);
    const informed = page.getByRole("region", { name: "Keeping the person informed" });
    await expect(informed).toContainText(/Enhanced rights: (yes|no)/);
    await expect(informed).toContainText(/Derived|Recorded when the report was made/);

    await informed.getByRole("link", { name: "Change enhanced rights" }).click();
    await expect(page.getByRole("heading", { name: "Change enhanced rights", level: 1 })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("radio", { name: "Yes, within 1 working day" }).check();
    await page.getByRole("button", { name: "Save decision" }).click();
    const summary = page.getByRole("alert", { name: "There is a problem" });
    await expect(summary.getByRole("link")).toHaveText(["Give the reason for your decision"]);
    await expect(page.getByRole("radio", { name: "Yes, within 1 working day" })).toBeChecked();

    await page.getByLabel("Why?").fill("Persistently targeted by the same man since January.");
    await page.getByRole("button", { name: "Save decision" }).click();
    await expect(page.getByRole("status")).toHaveText("The report details have been saved.");
    await expect(informed).toContainText("Enhanced rights: yes, updates due within 1 working day");
    await expect(informed).toContainText("Decided by an officer.");
    await expect(informed).toContainText("Reason: Persistently targeted by the same man since January.");
    await expect(page.getByText("Enhanced rights decision").first()).toBeVisible();
  });
});

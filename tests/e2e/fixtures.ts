// Shared steps for the journeys: signing in as a demo account, and failing any test whose
// page logged an error to the browser console.
import { test as base, expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "LiaisonDemo!2026";

export const ACCOUNTS = {
  officer: "officer@demo.liaison.test",
  officer2: "officer2@demo.liaison.test",
  supervisor: "supervisor@demo.liaison.test",
  partner: "partner@demo.liaison.test",
  partner2: "partner2@demo.liaison.test",
  admin: "admin@demo.liaison.test",
} as const;

export type AccountName = keyof typeof ACCOUNTS;

export async function signIn(page: Page, who: AccountName, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(ACCOUNTS[who]);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (message) => {
        // A 404 answer for a record the user may not see is expected, and the browser logs it.
        if (message.type() === "error" && !/status of 404/.test(message.text())) errors.push(message.text());
      });
      page.on("pageerror", (error) => errors.push(error.message));
      await use(errors);
      expect(errors, "errors in the browser console").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

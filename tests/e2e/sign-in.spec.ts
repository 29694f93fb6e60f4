import { test, expect, signIn, ACCOUNTS } from "./fixtures";

test.describe("signing in and out", () => {
  for (const path of ["/", "/reports/00000000-0000-4000-8000-000000000000", "/dashboard", "/referrals"]) {
    test(`a signed-out visitor opening ${path} is sent to sign in`, async ({ page }) => {
      await page.goto(path);
      await expect(page).toHaveURL(/\/login(\?|$)/);
      await expect(page.getByRole("heading", { name: "Sign in to Liaison" })).toBeVisible();
    });
  }

  test("a wrong password and an unknown email get the same message", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(ACCOUNTS.officer);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    const summary = page.getByRole("alert", { name: "There is a problem" });
    await expect(summary).toContainText("The email or password is not right");
    const wrongPasswordText = await summary.innerText();
    // What was typed in the email field is kept; the password is not sent back.
    await expect(page.getByLabel("Email")).toHaveValue(ACCOUNTS.officer);
    await expect(page.getByLabel("Password")).toHaveValue("");

    await page.getByLabel("Email").fill("nobody@demo.liaison.test");
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(summary).toContainText("The email or password is not right");
    expect(await summary.innerText()).toBe(wrongPasswordText);
  });

  test("an empty form says what to fill in, beside each field", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "Sign in" }).click();
    const summary = page.getByRole("alert", { name: "There is a problem" });
    await expect(summary).toContainText("Enter your email address");
    await expect(summary).toContainText("Enter your password");
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
    await page.getByRole("link", { name: /Enter your email address/ }).click();
    await expect(page.getByLabel("Email")).toBeFocused();
  });

  test("signing out ends the session", async ({ page }) => {
    await signIn(page, "officer");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByText("You have been signed out.")).toBeVisible();
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
  });
});

// Administration journeys: an administrator creates an account and passes on its set-up
// link, the new user sets up a password and authenticator app and signs in with a code; an
// administrator ends a user's sessions and a copied cookie stops working on its next request.
import { randomBytes } from "node:crypto";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { test, expect, signIn, withStepLock } from "./fixtures";
import { expectAccessible } from "./helpers";
import { totpAt } from "../../lib/auth/totp";

const UNIT = "Demo Police — Sex Work Liaison Unit";

type NewUser = { name: string; email: string; password: string; secret: string };

// As the administrator (already signed in on `admin`): create an officer in the demo unit
// and return the set-up link's path, read from the page as the administrator would copy it.
async function createOfficer(admin: Page): Promise<{ name: string; email: string; setupPath: string }> {
  const suffix = randomBytes(3).toString("hex");
  const name = `Officer Newydd ${suffix}`;
  const email = `newydd-${suffix}@police.example`;
  await admin.goto("/admin/users/new");
  await admin.getByLabel("Full name").fill(name);
  await admin.getByLabel("Work email address").fill(email);
  await admin.getByLabel("Organisation").selectOption({ label: `${UNIT} (Liaison unit)` });
  await admin.getByRole("radio", { name: "Liaison officer" }).check();
  await admin.getByRole("button", { name: "Create user" }).click();
  await expect(admin.getByRole("status")).toContainText(`Account created for ${name}.`);
  const link = await admin.getByLabel("Set-up link for the user").inputValue();
  const setupPath = new URL(link).pathname;
  expect(setupPath).toMatch(/^\/setup\/[A-Za-z0-9_-]{43}$/);
  return { name, email, setupPath };
}

// As the new user, in their own browser: open the link, choose a password, enrol the
// authenticator app (the code computed from the secret the page shows), and finish.
async function setUp(
  page: Page,
  setupPath: string,
  email: string,
): Promise<{ password: string; secret: string }> {
  const password = `lantern ${randomBytes(4).toString("hex")} harbour`;
  await page.goto(setupPath);
  await expect(page.getByRole("heading", { name: "Set up your Liaison account", level: 1 })).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByLabel("Type the new password again").fill(password);
  await page.getByRole("button", { name: "Save password and continue" }).click();
  await expect(page.getByRole("heading", { name: /Step 2 of 2/ })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s/g, "");
  await withStepLock(email, async (claim) => {
    await page
      .getByLabel("Code from your authenticator app")
      .fill(totpAt(secret, new Date((await claim()) * 30_000)));
    await page.getByRole("button", { name: "Confirm and finish" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your account is ready." })).toBeVisible();
  });
  return { password, secret };
}

async function signInAs(page: Page, user: NewUser): Promise<void> {
  await page.goto("/login");
  await withStepLock(user.email, async (claim) => {
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page
      .getByLabel("Code from your authenticator app")
      .fill(totpAt(user.secret, new Date((await claim()) * 30_000)));
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  });
}

async function newOfficerSignedIn(
  admin: Page,
  browser: Browser,
): Promise<{ user: NewUser; context: BrowserContext; page: Page }> {
  const created = await createOfficer(admin);
  const context = await browser.newContext();
  const page = await context.newPage();
  const { password, secret } = await setUp(page, created.setupPath, created.email);
  const user = { name: created.name, email: created.email, password, secret };
  await signInAs(page, user);
  return { user, context, page };
}

async function openUserPage(admin: Page, name: string): Promise<void> {
  await admin.goto("/admin/users");
  await admin.getByLabel("Organisation").selectOption({ label: UNIT });
  await admin.getByLabel("Role").selectOption({ label: "Liaison officer" });
  await admin.getByRole("button", { name: "Show accounts" }).click();
  await admin.getByRole("link", { name, exact: true }).click();
  await expect(admin.getByRole("heading", { name, level: 1 })).toBeVisible();
}

test.describe("administration", () => {
  test("an administrator creates a user, who cannot sign in until they use the set-up link", async ({
    page,
    browser,
  }) => {
    test.setTimeout(180_000);
    await signIn(page, "admin");
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole("heading", { name: "Administration", level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: /^SWL-/ })).toHaveCount(0);
    await expectAccessible(page);

    // Errors first: every field at once, each linked to its field.
    await page.getByRole("link", { name: "Create a user" }).click();
    await expect(page.getByRole("heading", { name: "Create a user", level: 1 })).toBeVisible();
    await page.getByRole("button", { name: "Create user" }).click();
    const summary = page.getByRole("alert", { name: "There is a problem" });
    await expect(summary.getByRole("link")).toHaveText([
      "Enter the user’s full name (at least 2 characters)",
      "Enter an email address in the correct format, like name@example.org",
      "Choose an active organisation",
      "Choose a role",
    ]);
    await expectAccessible(page);
    // A partner cannot belong to a liaison unit; what was typed stays.
    await page.getByLabel("Full name").fill("Partner In A Unit");
    await page
      .getByLabel("Work email address")
      .fill(`partner-${randomBytes(3).toString("hex")}@agency.example`);
    await page.getByLabel("Organisation").selectOption({ label: `${UNIT} (Liaison unit)` });
    await page.getByRole("radio", { name: "Partner agency" }).check();
    await page.getByRole("button", { name: "Create user" }).click();
    await expect(summary).toContainText(
      "An account in a liaison unit can only be a liaison officer or a supervisor",
    );
    await expect(page.getByLabel("Full name")).toHaveValue("Partner In A Unit");
    await expect(page.getByRole("radio", { name: "Partner agency" })).toBeChecked();

    const created = await createOfficer(page);
    await expect(page.getByText(/works once, and expires at/)).toBeVisible();
    await expectAccessible(page);

    // Before using the link, no password signs them in.
    const context = await browser.newContext();
    const user = await context.newPage();
    await user.goto("/login");
    await user.getByLabel("Email").fill(created.email);
    await user.getByLabel("Password").fill("any password at all 123");
    await user.getByLabel("Code from your authenticator app").fill("123456");
    await user.getByRole("button", { name: "Sign in" }).click();
    await expect(user.getByRole("alert", { name: "There is a problem" })).toBeVisible();
    await expect(user).toHaveURL(/\/login/);

    // The administrator sees the link waiting, never the link itself.
    await openUserPage(page, created.name);
    await expect(page.getByText(/Set-up link issued, expires/)).toBeVisible();
    await expect(page.getByText(created.setupPath)).toHaveCount(0);

    // The user sets up and signs in with a code from their app.
    const { password, secret } = await setUp(user, created.setupPath, created.email);
    await signInAs(user, { ...created, password, secret });
    await context.close();

    await page.reload();
    await expect(page.getByText("Password and authenticator app set up")).toBeVisible();
    await expect(page.getByRole("table", { name: /Open sessions, 1 session/ })).toBeVisible();
    await expectAccessible(page);
  });

  test("an administrator ends a user's sessions, and the user's copied cookie is refused on the next request", async ({
    page,
    browser,
  }) => {
    test.setTimeout(180_000);
    await signIn(page, "admin");
    const { user, context, page: userPage } = await newOfficerSignedIn(page, browser);

    // Someone copies the user's cookie into another browser: it works, for now.
    const thief = await browser.newContext();
    await thief.addCookies(await context.cookies());
    const stolen = await thief.newPage();
    await stolen.goto("/");
    await expect(stolen.getByRole("button", { name: "Sign out" })).toBeVisible();

    await openUserPage(page, user.name);
    const sessions = page.getByRole("table", { name: /Open sessions, 1 session/ });
    await expect(sessions).toBeVisible();
    await expect(sessions.getByRole("button", { name: /^End this session \(started / })).toBeVisible();
    await page.getByRole("button", { name: "End all sessions" }).click();
    await expect(page.getByRole("status")).toContainText("1 session ended.");
    await expect(page.getByText("No open sessions.")).toBeVisible();

    // The copied cookie and the user's own are both refused: sent to sign in.
    await stolen.goto("/");
    await expect(stolen).toHaveURL(/\/login/);
    await userPage.goto("/");
    await expect(userPage).toHaveURL(/\/login/);
    await thief.close();

    // One session ended on its own: the user signs in again, the administrator ends that one.
    await signInAs(userPage, user);
    await page.reload();
    await page.getByRole("button", { name: /^End this session \(started / }).click();
    await expect(page.getByText("No open sessions.")).toBeVisible();
    await userPage.goto("/");
    await expect(userPage).toHaveURL(/\/login/);

    // Disabled: the right password and code no longer sign them in.
    await page.getByRole("button", { name: "Disable account" }).click();
    await expect(page.getByRole("status")).toContainText("Account disabled.");
    await expect(page.getByRole("button", { name: "Enable account" })).toBeVisible();
    await userPage.goto("/login");
    await withStepLock(user.email, async (claim) => {
      await userPage.getByLabel("Email").fill(user.email);
      await userPage.getByLabel("Password").fill(user.password);
      await userPage
        .getByLabel("Code from your authenticator app")
        .fill(totpAt(user.secret, new Date((await claim()) * 30_000)));
      await userPage.getByRole("button", { name: "Sign in" }).click();
      await expect(userPage.getByRole("alert", { name: "There is a problem" })).toBeVisible();
    });
    await expectAccessible(page);
    await context.close();
  });

  test("an administrator adds and renames an organisation", async ({ page }) => {
    await signIn(page, "admin");
    await page.goto("/admin/organisations");
    await expect(page.getByRole("table", { name: /^Organisations/ })).toContainText(UNIT);
    await expectAccessible(page);
    const name = `Test Outreach ${randomBytes(3).toString("hex")}`;
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByRole("radio", { name: "Partner agency" }).check();
    await page.getByRole("button", { name: "Add organisation" }).click();
    await expect(page.getByRole("status")).toContainText("Organisation added.");
    await page.getByRole("link", { name, exact: true }).click();
    await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
    await page.getByLabel("Name", { exact: true }).fill(`${name} Cymru`);
    await page.getByRole("button", { name: "Save the new name" }).click();
    await expect(page.getByRole("status")).toContainText("Name saved.");
    await expect(page.getByRole("heading", { name: `${name} Cymru`, level: 1 })).toBeVisible();
    await expectAccessible(page);
  });

  test("other roles get 'not found' for the administration pages", async ({ page }) => {
    await signIn(page, "supervisor");
    for (const path of ["/admin", "/admin/users", "/admin/users/new", "/admin/organisations"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
    }
  });
});

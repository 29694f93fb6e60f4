import { createHash, randomBytes } from "node:crypto";
import pg from "pg";
import {
  test,
  expect,
  signIn,
  submitSignIn,
  withStepLock,
  withUnusedStep,
  ACCOUNTS,
  DEMO_PASSWORD,
  type AccountName,
} from "./fixtures";
import { expectAccessible } from "./helpers";
import { DEMO_TOTP_SECRET } from "../../lib/auth/demo-totp";
import { totpAt } from "../../lib/auth/totp";

const FAILED = "The email, password or code is not right";
// Checking a password (argon2) on a busy machine can take a few seconds.
const SIGN_IN_WAIT = 20_000;
// Choosing a password hashes it and checks the last five: slow on a busy machine too.
const slowExpect = expect.configure({ timeout: SIGN_IN_WAIT });

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

// A new officer with no password or second factor yet, and a set-up link for them, as an
// administrator's "create user" leaves it (the token stored only as its SHA-256, like
// lib/accounts/setup-links.ts does). `expiresInMs` below zero makes an expired link.
async function newUserWithSetupLink(expiresInMs = 24 * 3_600_000) {
  const email = `setup-${randomBytes(4).toString("hex")}@police.example`;
  const [user] = await query<{ id: string }>(
    `INSERT INTO "User" (id, email, name, role, "organisationId", "updatedAt")
     SELECT gen_random_uuid(), $1, 'Nia Setup', 'LIAISON_OFFICER', "organisationId", now()
       FROM "User" WHERE email = $2 RETURNING id`,
    [email, ACCOUNTS.officer],
  );
  const token = randomBytes(32).toString("base64url");
  await query(
    `INSERT INTO "AccountSetupToken" (id, "userId", "tokenHash", "createdById", "expiresAt")
     SELECT gen_random_uuid(), $1, $2, id, now() + ($3 || ' milliseconds')::interval
       FROM "User" WHERE email = $4`,
    [user!.id, createHash("sha256").update(token).digest("hex"), String(expiresInMs), ACCOUNTS.admin],
  );
  return { email, token };
}

// A six-digit code that is none of the three the app would accept now.
function wrongDemoCode(): string {
  const now = Date.now();
  const valid = [-30_000, 0, 30_000].map((d) => totpAt(DEMO_TOTP_SECRET, new Date(now + d)));
  for (let n = 0; ; n++) {
    const code = String(n).padStart(6, "0");
    if (!valid.includes(code)) return code;
  }
}

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
    await page.getByLabel("Code from your authenticator app").fill("123456");
    await page.getByRole("button", { name: "Sign in" }).click();
    const summary = page.getByRole("alert", { name: "There is a problem" });
    await expect(summary).toContainText(FAILED);
    const wrongPasswordText = await summary.innerText();
    // What was typed in the email field is kept; the password is not sent back.
    await expect(page.getByLabel("Email")).toHaveValue(ACCOUNTS.officer);
    await expect(page.getByLabel("Password")).toHaveValue("");

    await page.getByLabel("Email").fill("nobody@demo.liaison.test");
    await page.getByLabel("Password").fill("not the password");
    await page.getByLabel("Code from your authenticator app").fill("123456");
    await page.getByRole("button", { name: "Sign in" }).click();
    // The answer has arrived when the form has emptied the password field again (the
    // summary already shows the same text from before).
    await expect(page.getByLabel("Password")).toHaveValue("", { timeout: SIGN_IN_WAIT });
    await expect(summary).toContainText(FAILED);
    expect(await summary.innerText()).toBe(wrongPasswordText);
    // The right password with a wrong code: the same message, and the code is not kept.
    await page.getByLabel("Email").fill(ACCOUNTS.officer2);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByLabel("Code from your authenticator app").fill(wrongDemoCode());
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByLabel("Password")).toHaveValue("", { timeout: SIGN_IN_WAIT });
    await expect(summary).toContainText(FAILED);
    expect(await summary.innerText()).toBe(wrongPasswordText);
    await expect(page.getByLabel("Code from your authenticator app")).toHaveValue("");
  });

  test("the password and a code from the authenticator app sign in; the same code twice does not", async ({
    page,
    browser,
  }) => {
    await page.goto("/login");
    await expectAccessible(page);
    await withUnusedStep("supervisor", async (code) => {
      await page.getByLabel("Email").fill(ACCOUNTS.supervisor);
      await page.getByLabel("Password").fill(DEMO_PASSWORD);
      await page.getByLabel("Code from your authenticator app").fill(code);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible({ timeout: SIGN_IN_WAIT });

      // Someone who saw the code over the officer's shoulder tries it straight away.
      const other = await browser.newContext();
      const replay = await other.newPage();
      await replay.goto("/login");
      await replay.getByLabel("Email").fill(ACCOUNTS.supervisor);
      await replay.getByLabel("Password").fill(DEMO_PASSWORD);
      await replay.getByLabel("Code from your authenticator app").fill(code);
      await replay.getByRole("button", { name: "Sign in" }).click();
      await expect(replay.getByRole("alert", { name: "There is a problem" })).toContainText(FAILED);
      await other.close();
    });
  });

  test("an empty form says what to fill in, beside each field", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "Sign in" }).click();
    const summary = page.getByRole("alert", { name: "There is a problem" });
    await expect(summary).toContainText("Enter your email address");
    await expect(summary).toContainText("Enter your password");
    await expect(summary).toContainText("Enter the 6-digit code from your authenticator app");
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
    await page.getByRole("link", { name: /Enter your email address/ }).click();
    await expect(page.getByLabel("Email")).toBeFocused();
  });

  test("signing out ends the session", async ({ page }) => {
    await signIn(page, "officer", { fresh: true });
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByText("You have been signed out.")).toBeVisible();
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
  });

  test("signing out through Auth.js's own endpoint ends the session row, so a copied cookie stops working", async ({
    page,
    browser,
    baseURL,
  }) => {
    await signIn(page, "partner2", { fresh: true });
    const copied = await page.context().cookies();
    const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    // As a browser posts it: state-changing requests without this site's Origin are refused.
    const out = await page.request.post("/api/auth/signout", {
      form: { csrfToken },
      headers: { origin: new URL(baseURL!).origin },
      maxRedirects: 0,
    });
    expect(out.status()).toBeLessThan(400);

    // Someone who kept a copy of the cookie tries it in another browser.
    const thief = await browser.newContext();
    await thief.addCookies(copied);
    const stolen = await thief.newPage();
    await stolen.goto("/");
    await expect(stolen).toHaveURL(/\/login/);
    await thief.close();
  });

  // Each through the real form, so each needs a code: spread over the accounts so that no
  // sign-in waits long for an unused step.
  for (const [payload, who] of [
    ["//evil.example/", "officer2"],
    ["/.//evil.example/", "partner"],
    ["/%2F%2Fevil.example", "admin"],
    ["/\\evil.example", "partner2"],
    ["https://evil.example", "officer"],
  ] as [string, AccountName][]) {
    test(`a crafted return path ${JSON.stringify(payload)} keeps the user on the site after signing in`, async ({
      page,
      baseURL,
    }) => {
      await page.goto(`/login?next=${encodeURIComponent(payload)}`);
      await submitSignIn(page, who);
      await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible({ timeout: SIGN_IN_WAIT });
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    });
  }

  test("robots are told not to index, and security.txt says whom to tell, without signing in", async ({
    request,
  }) => {
    const robots = await request.get("/robots.txt");
    expect(robots.status()).toBe(200);
    expect(await robots.text()).toMatch(/Disallow: \/$/m);
    const security = await request.get("/.well-known/security.txt");
    expect(security.status()).toBe(200);
    expect(await security.text()).toMatch(/^Contact: /m);
  });

  test("every page forbids framing and plugins and pins HTTPS", async ({ request }) => {
    const answer = await request.get("/login");
    const csp = answer.headers()["content-security-policy"] ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(answer.headers()["strict-transport-security"]).toMatch(/max-age=63072000/);
    expect(answer.headers()["x-powered-by"]).toBeUndefined();
  });
});

test.describe("setting up an account from a set-up link", () => {
  test("set-up link → password → authenticator app → recovery codes → sign-in with a code", async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    const { email, token } = await newUserWithSetupLink();
    const password = "kettle harbour lantern";

    await page.goto(`/setup/${token}`);
    await slowExpect(
      page.getByRole("heading", { name: "Set up your Liaison account", level: 1 }),
    ).toBeVisible();
    await expectAccessible(page);
    // A breached password is refused, with the reason, beside the field.
    await page.getByLabel("New password", { exact: true }).fill("qwerty123456789");
    await page.getByLabel("Type the new password again").fill("qwerty123456789");
    await page.getByRole("button", { name: "Save password and continue" }).click();
    await slowExpect(page.getByRole("alert", { name: "There is a problem" })).toContainText(
      "list of common or breached passwords",
    );
    await page.getByLabel("New password", { exact: true }).fill(password);
    await page.getByLabel("Type the new password again").fill(password);
    await page.getByRole("button", { name: "Save password and continue" }).click();

    await slowExpect(page.getByRole("heading", { name: /Step 2 of 2/ })).toBeVisible();
    await expectAccessible(page);
    const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s/g, "");
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(
      (await page.getByRole("link", { name: "Add to authenticator app" }).getAttribute("href"))!,
    );
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.searchParams.get("secret")).toBe(secret);

    // With a password but no confirmed app, signing in is refused with what to do.
    const early = await (await browser.newContext()).newPage();
    await early.goto("/login");
    await early.getByLabel("Email").fill(email);
    await early.getByLabel("Password").fill(password);
    await early.getByLabel("Code from your authenticator app").fill(totpAt(secret, new Date()));
    await early.getByRole("button", { name: "Sign in" }).click();
    await slowExpect(early.getByRole("alert", { name: "There is a problem" })).toContainText(
      "Ask an administrator for a set-up link",
    );
    await early.context().close();

    // Confirming spends a step; signing in then uses a later one, as a person would.
    await withStepLock(email, async (claim) => {
      await page
        .getByLabel("Code from your authenticator app")
        .fill(totpAt(secret, new Date((await claim()) * 30_000)));
      await page.getByRole("button", { name: "Confirm and finish" }).click();
      await slowExpect(page.getByRole("status").filter({ hasText: "Your account is ready." })).toBeVisible();
    });
    const codes = await page
      .getByRole("list", { name: "Recovery codes" })
      .getByRole("listitem")
      .allInnerTexts();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    await slowExpect(page.getByRole("button", { name: "Print the codes" })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Continue to sign in" }).click();
    await slowExpect(page).toHaveURL(/\/login$/);
    await withStepLock(email, async (claim) => {
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(password);
      await page
        .getByLabel("Code from your authenticator app")
        .fill(totpAt(secret, new Date((await claim()) * 30_000)));
      await page.getByRole("button", { name: "Sign in" }).click();
      await slowExpect(page.getByRole("button", { name: "Sign out" })).toBeVisible({ timeout: SIGN_IN_WAIT });
    });

    // A recovery code signs in once, in another browser; the second time it fails.
    for (const expected of ["signed in", "refused"]) {
      const context = await browser.newContext();
      const other = await context.newPage();
      await other.goto("/login");
      await other.getByLabel("Email").fill(email);
      await other.getByLabel("Password").fill(password);
      await other.getByLabel("Code from your authenticator app").fill(codes[0]!);
      await other.getByRole("button", { name: "Sign in" }).click();
      if (expected === "signed in")
        await slowExpect(other.getByRole("button", { name: "Sign out" })).toBeVisible({
          timeout: SIGN_IN_WAIT,
        });
      else await slowExpect(other.getByRole("alert", { name: "There is a problem" })).toContainText(FAILED);
      await context.close();
    }

    // The link has done its job.
    await page.goto(`/setup/${token}`);
    await slowExpect(page.getByRole("heading", { name: "This set-up link cannot be used" })).toBeVisible();
  });

  test("an expired link, and one that never existed, get a clear page", async ({ page }) => {
    const { token } = await newUserWithSetupLink(-60_000);
    for (const path of [
      `/setup/${token}`,
      `/setup/${randomBytes(32).toString("base64url")}`,
      "/setup/short",
    ]) {
      await page.goto(path);
      await slowExpect(page.getByRole("heading", { name: "This set-up link cannot be used" })).toBeVisible();
      await slowExpect(page.getByText("Ask your administrator for a new set-up link")).toBeVisible();
    }
    await expectAccessible(page);
  });
});

test.describe("your account", () => {
  test("changing the password needs the current one and refuses short, common and recent ones", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const { email, token } = await newUserWithSetupLink();
    const first = "marmalade quarry violin";
    // Set the account up the quick way: through the set-up page.
    await page.goto(`/setup/${token}`);
    await page.getByLabel("New password", { exact: true }).fill(first);
    await page.getByLabel("Type the new password again").fill(first);
    await page.getByRole("button", { name: "Save password and continue" }).click();
    const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s/g, "");
    await withStepLock(email, async (claim) => {
      await page
        .getByLabel("Code from your authenticator app")
        .fill(totpAt(secret, new Date((await claim()) * 30_000)));
      await page.getByRole("button", { name: "Confirm and finish" }).click();
      await slowExpect(page.getByRole("status").filter({ hasText: "Your account is ready." })).toBeVisible();
    });
    await page.goto("/login");
    await withStepLock(email, async (claim) => {
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(first);
      await page
        .getByLabel("Code from your authenticator app")
        .fill(totpAt(secret, new Date((await claim()) * 30_000)));
      await page.getByRole("button", { name: "Sign in" }).click();
      await slowExpect(page.getByRole("button", { name: "Sign out" })).toBeVisible({ timeout: SIGN_IN_WAIT });
    });

    await page.goto("/account/password");
    await expectAccessible(page);
    const change = async (current: string, next: string) => {
      await page.getByLabel("Current password").fill(current);
      await page.getByLabel("New password", { exact: true }).fill(next);
      await page.getByLabel("Type the new password again").fill(next);
      await page.getByRole("button", { name: "Change password" }).click();
    };
    const summary = page.getByRole("alert", { name: "There is a problem" });
    await change("not my password", "a brand new passphrase");
    await slowExpect(summary).toContainText("Your current password is not right");
    await change(first, "short one");
    await slowExpect(summary).toContainText("at least 12 characters");
    await change(first, first);
    await slowExpect(summary).toContainText("not among your last five");
    const second = "orchard pebble compass";
    await change(first, second);
    await slowExpect(
      page.getByRole("status").filter({ hasText: "Your password has been changed." }),
    ).toBeVisible();
    // The first is now one of the last five.
    await change(second, first);
    await slowExpect(summary).toContainText("not among your last five");

    // New recovery codes need the password within the last five minutes: as if this
    // session's last check were ten minutes ago, the page asks for it first.
    await query(
      `UPDATE "Session" SET "createdAt" = now() - interval '10 minutes', "reauthenticatedAt" = NULL
        WHERE "endedAt" IS NULL AND "userId" = (SELECT id FROM "User" WHERE email = $1)`,
      [email],
    );
    await page.goto("/account/second-factor");
    await slowExpect(page.getByText("You have 10 unused recovery codes.")).toBeVisible();
    await page.getByRole("button", { name: "Make new recovery codes" }).click();
    await slowExpect(page).toHaveURL(/\/reauth\?next=%2Faccount%2Fsecond-factor$/);
    await expectAccessible(page);
    await page.getByLabel("Your password").fill("not it");
    await page.getByRole("button", { name: "Confirm" }).click();
    await slowExpect(page.getByRole("alert", { name: "There is a problem" })).toContainText(
      "That password is not right",
    );
    await page.getByLabel("Your password").fill(second);
    await page.getByRole("button", { name: "Confirm" }).click();
    await slowExpect(page).toHaveURL(/\/account\/second-factor$/);
    await page.getByRole("button", { name: "Make new recovery codes" }).click();
    await slowExpect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(
      10,
    );
  });
});

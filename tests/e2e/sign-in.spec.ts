import { test, expect, signIn, ACCOUNTS, DEMO_PASSWORD } from "./fixtures";

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

  test("signing out through Auth.js's own endpoint ends the session row, so a copied cookie stops working", async ({
    page,
    browser,
  }) => {
    await signIn(page, "officer");
    const copied = await page.context().cookies();
    const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const out = await page.request.post("/api/auth/signout", { form: { csrfToken }, maxRedirects: 0 });
    expect(out.status()).toBeLessThan(400);

    // Someone who kept a copy of the cookie tries it in another browser.
    const thief = await browser.newContext();
    await thief.addCookies(copied);
    const stolen = await thief.newPage();
    await stolen.goto("/");
    await expect(stolen).toHaveURL(/\/login/);
    await thief.close();
  });

  for (const payload of [
    "//evil.example/",
    "/.//evil.example/",
    "/%2F%2Fevil.example",
    "/\\evil.example",
    "https://evil.example",
  ]) {
    test(`a crafted return path ${JSON.stringify(payload)} keeps the user on the site after signing in`, async ({
      page,
      baseURL,
    }) => {
      await page.goto(`/login?next=${encodeURIComponent(payload)}`);
      await page.getByLabel("Email").fill(ACCOUNTS.officer);
      await page.getByLabel("Password").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
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

// The session cookie as the real server sets it, and a planted or copied session cookie
// being ended by the next sign-in in that browser (lib/auth/session-cookie.ts,
// lib/auth/next-auth.ts).
import type { Response } from "@playwright/test";
import { test, expect, signIn, submitSignIn, withUnusedStep, ACCOUNTS, DEMO_PASSWORD } from "./fixtures";

const SESSION_COOKIE = "__Host-authjs.session-token";

function sessionCookieHeaders(headers: { name: string; value: string }[]): string[] {
  return headers
    .filter((h) => h.name.toLowerCase() === "set-cookie")
    .flatMap((h) => h.value.split("\n"))
    .filter((c) => c.startsWith(`${SESSION_COOKIE}=`));
}

// The attributes the decision record promises, on one Set-Cookie line.
function expectBrowserBoundHostCookie(line: string) {
  const attributes = line
    .split(";")
    .slice(1)
    .map((a) => a.trim().toLowerCase());
  expect(attributes).toContain("httponly");
  expect(attributes).toContain("secure");
  expect(attributes).toContain("path=/");
  expect(attributes).toContain("samesite=lax");
  expect(attributes.filter((a) => /^(expires|max-age|domain)=/.test(a))).toEqual([]);
}

test.describe("the session cookie", () => {
  test("signing in through the form sets a __Host- cookie: HttpOnly, Secure, SameSite=Lax, no expiry", async ({
    page,
  }) => {
    const pending: Promise<string[]>[] = [];
    const collect = (response: Response) => {
      pending.push(response.headersArray().then(sessionCookieHeaders, () => []));
    };
    page.on("response", collect);
    await page.goto("/login");
    await submitSignIn(page, "partner2");
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    page.off("response", collect);
    const lines = (await Promise.all(pending)).flat();
    const set = lines.filter((l) => !l.startsWith(`${SESSION_COOKIE}=;`));
    expect(set.length).toBeGreaterThan(0);
    for (const line of set) expectBrowserBoundHostCookie(line);

    // The browser keeps it as a session cookie (no expiry: -1).
    const stored = (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE);
    expect(stored).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax", expires: -1, path: "/" });

    // Auth.js's own session endpoint refreshes the cookie: still without an expiry.
    const refreshed = await page.request.get("/api/auth/session");
    for (const line of sessionCookieHeaders(refreshed.headersArray())) expectBrowserBoundHostCookie(line);
  });

  test("signing in again from a browser that holds a session ends that session, so its copy is refused", async ({
    page,
    browser,
    baseURL,
  }) => {
    await signIn(page, "partner2", { fresh: true });
    const copied = await page.context().cookies();
    expect(copied.some((c) => c.name === SESSION_COOKIE)).toBe(true);

    // Another browser holding that cookie (planted, or copied) signs in through Auth.js's
    // own route.
    const other = await browser.newContext();
    await other.addCookies(copied);
    const { csrfToken } = (await (await other.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const answer = await withUnusedStep("partner2", (code) =>
      other.request.post("/api/auth/callback/credentials", {
        form: { email: ACCOUNTS.partner2, password: DEMO_PASSWORD, code, csrfToken, callbackUrl: "/" },
        // A form post from the site's own sign-in page carries its origin.
        headers: { Origin: new URL(baseURL!).origin },
        maxRedirects: 0,
      }),
    );
    expect(answer.status()).toBe(302);
    expect(answer.headers()["location"]).not.toMatch(/error/);
    const issued = sessionCookieHeaders(answer.headersArray()).filter(
      (l) => !l.startsWith(`${SESSION_COOKIE}=;`),
    );
    expect(issued).toHaveLength(1);
    expectBrowserBoundHostCookie(issued[0]!);

    // The new session works in the browser that signed in…
    const otherPage = await other.newPage();
    await otherPage.goto("/referrals");
    await expect(otherPage.getByRole("button", { name: "Sign out" })).toBeVisible();
    // …and the earlier one, replayed by the first browser, is refused on its next request.
    await page.goto("/referrals");
    await expect(page).toHaveURL(/\/login/);
    await other.close();
  });
});

test.describe("sign-in throttling", () => {
  test("after the free attempts the page says to wait and for how long, the same for an unknown email", async ({
    page,
  }) => {
    await page.goto("/login");
    const summary = page.getByRole("alert", { name: "There is a problem" });
    const attempt = async (n: number) => {
      await page.getByLabel("Email").fill("nobody-at-all@force.example");
      await page.getByLabel("Password").fill(`guess number ${n}`);
      await page.getByLabel("Code from your authenticator app").fill("123456");
      const answered = page.waitForResponse(
        (r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/login",
      );
      await page.getByRole("button", { name: "Sign in" }).click();
      await answered;
      // The form has settled (and reset its password field) before the next attempt.
      await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeEnabled();
    };
    for (let n = 1; n <= 5; n++) {
      await attempt(n);
      await expect(summary).toContainText(n === 1 ? "The email, password or code is not right" : "not right");
    }
    await attempt(6);
    await expect(summary).toContainText("too many attempts to sign in");
    await expect(summary).toContainText("wait 1 minute, then try again");
    await expect(page.getByLabel("Email")).toHaveValue("nobody-at-all@force.example");
  });
});

test.describe("demo mode", () => {
  test("every page says it is a demonstration with made-up data, signed in or not", async ({ page }) => {
    await page.goto("/login");
    const banner = page.getByRole("complementary", { name: "Demonstration" });
    await expect(banner).toContainText("Everyone and everything in it is made up");
    await signIn(page, "partner2");
    for (const path of ["/referrals", "/third-party-reports"]) {
      await page.goto(path);
      await expect(banner).toContainText("Everyone and everything in it is made up");
    }
  });
});

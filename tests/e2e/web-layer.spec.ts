// The web layer as an attacker meets it: response headers on every kind of page, the
// Content-Security-Policy holding without breaking a page, state-changing requests only from
// this site, exports only from this site's pages, return paths that stay on the site, known
// Next.js bypasses refused, oversize and malformed requests answered quickly and politely,
// and signed-out visitors sent only the sign-in strings.
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { APIResponse, Page, Response } from "@playwright/test";
import { test, expect, signIn, submitSignIn, type AccountName } from "./fixtures";
import { SIGNED_OUT_NAMESPACES } from "../../i18n/client-messages";
import { openRedirectPayloads } from "./support/open-redirect-payloads";

const HSTS = "max-age=63072000; includeSubDomains";

type Answer = APIResponse | Response | null | undefined;

function expectSecurityHeaders(response: Answer, what: string) {
  expect(response, what).toBeTruthy();
  const headers = response!.headers();
  expect(headers["strict-transport-security"], what).toBe(HSTS);
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("same-origin");
  expect(headers["permissions-policy"], what).toBe("camera=(), microphone=(), geolocation=()");
  expect(headers["cache-control"], what).toContain("no-store");
  expect(headers["x-powered-by"], what).toBeUndefined();
  const csp = headers["content-security-policy"] ?? "";
  for (const directive of [
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "'strict-dynamic'",
  ])
    expect(csp, `${what}: ${directive}`).toContain(directive);
  expect(csp, what).toMatch(/script-src 'nonce-[A-Za-z0-9+/=]{22,}' 'strict-dynamic'/);
  expect(csp, what).not.toContain("unsafe-eval");
}

function nonceOf(response: Answer): string {
  const match = /'nonce-([^']+)'/.exec(response?.headers()["content-security-policy"] ?? "");
  expect(match, "a nonce in the policy").toBeTruthy();
  return match![1]!;
}

// Counts CSP violations the page reports, whether or not the browser logs them.
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener("securitypolicyviolation", (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations ?? []);
}

test.describe("headers and the Content-Security-Policy", () => {
  test("the sign-in page, a signed-in page, a 404 and a refused request all carry the headers", async ({
    page,
  }) => {
    const violations = await watchViolations(page);
    const login = await page.goto("/login");
    expectSecurityHeaders(login, "sign-in page");
    // Next.js put this response's nonce on its own scripts, and the scripts ran: the form works.
    const nonce = nonceOf(login);
    const scripts = page.locator("script[nonce]");
    expect(await scripts.count()).toBeGreaterThan(0);
    expect(await scripts.first().evaluate((s) => (s as HTMLScriptElement).nonce)).toBe(nonce);
    const again = await page.request.get("/login");
    expect(nonceOf(again), "a fresh nonce for every response").not.toBe(nonce);

    await signIn(page, "supervisor");
    for (const path of ["/", "/people", "/reports/new", "/alerts", "/dashboard", "/submissions"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      expectSecurityHeaders(response, path);
    }
    // Client-side navigation still works under the policy.
    await page.goto("/");
    await page.getByRole("link", { name: "People", exact: true }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

    const missing = await page.goto("/reports/00000000-0000-4000-8000-000000000000");
    expect(missing?.status()).toBe(404);
    expectSecurityHeaders(missing, "404");
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();

    const malformed = await page.request.get("/reports/%E0%A4%A");
    expect(malformed.status()).toBe(400);
    expectSecurityHeaders(malformed, "malformed path");
    expect(await violations()).toEqual([]);
  });

  test("markup injected into a page cannot run script", async ({ page, consoleErrors }) => {
    // As if a stored value had slipped through into the page unescaped: the response keeps its
    // headers, and the injected script and handler carry no nonce.
    await page.route("**/login", async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(
        "<body",
        '<img src="/nothing.png" onerror="window.__injected = 1"><script>window.__injected = 2</script><body',
      );
      await route.fulfill({ response, body });
    });
    const violations = await watchViolations(page);
    await page.goto("/login");
    await expect.poll(async () => (await violations()).length).toBeGreaterThanOrEqual(2);
    expect(
      await page.evaluate(() => (window as unknown as { __injected?: number }).__injected),
    ).toBeUndefined();
    // The browser reports each refusal in the console; these, and only these, are expected.
    expect(consoleErrors.length).toBeGreaterThan(0);
    expect(
      consoleErrors.filter((e) => !/Content Security Policy|nothing\.png|status of 404/.test(e)),
    ).toEqual([]);
    consoleErrors.length = 0;
  });

  test("signing out clears what the browser kept for the site", async ({ page }) => {
    await signIn(page, "officer");
    const cleared = page.waitForResponse((r) => r.url().endsWith("/sign-out"));
    await page.getByRole("button", { name: "Sign out" }).click();
    const response = await cleared;
    expect(response.status()).toBe(303);
    expect(await response.headerValue("clear-site-data")).toBe('"cache", "cookies", "storage"');
    await expect(page.getByRole("status")).toContainText("signed out");
    expect(await page.context().cookies()).toEqual([]);
  });
});

test.describe("requests from elsewhere", () => {
  const action = (origin: Record<string, string>) => ({
    headers: { "Next-Action": "0".repeat(42), "Content-Type": "text/plain;charset=UTF-8", ...origin },
    data: "[]",
    maxRedirects: 0,
  });

  test("a server action post with a foreign Origin, a forged forwarded host or no Origin is refused", async ({
    page,
    baseURL,
  }) => {
    await signIn(page, "officer");
    const foreign = await page.request.post("/", action({ Origin: "https://evil.example" }));
    expect(foreign.status()).toBe(403);
    const forwarded = await page.request.post(
      "/",
      action({ Origin: "https://evil.example", "X-Forwarded-Host": "evil.example" }),
    );
    expect(forwarded.status()).toBe(403);
    const nullOrigin = await page.request.post("/login", action({ Origin: "null" }));
    expect(nullOrigin.status()).toBe(403);
    const none = await page.request.post("/", action({}));
    expect(none.status()).toBe(403);
    // The same request from the site itself gets past the door (and is then not an action).
    const own = await page.request.post("/", action({ Origin: baseURL! }));
    expect(own.status()).not.toBe(403);
  });

  test("a body over the limit is refused with a message, before anything reads it", async ({
    page,
    baseURL,
  }) => {
    const response = await page.request.post("/login", {
      headers: { Origin: baseURL!, "Content-Type": "text/plain" },
      data: "x".repeat(2 * 1024 * 1024),
    });
    expect(response.status()).toBe(413);
    expect(await response.text()).toContain("This request is too large");
  });

  test("exports answer only downloads started from the site's own pages", async ({ page }) => {
    await signIn(page, "supervisor");
    const path = "/api/dashboard/export/headline?period=last-financial-year";
    for (const site of [undefined, "cross-site", "same-site", "none"]) {
      const response = await page.request.get(path, {
        headers: site ? { "Sec-Fetch-Site": site } : {},
      });
      expect(response.status(), `Sec-Fetch-Site: ${site}`).toBe(403);
      expect(await response.text()).not.toContain(",");
    }
    const own = await page.request.get(path, { headers: { "Sec-Fetch-Site": "same-origin" } });
    expect(own.status()).toBe(200);
    expect(own.headers()["content-type"]).toContain("text/csv");
    // And the real thing: the dashboard's own download link still works.
    await page.goto("/dashboard?period=last-financial-year");
    const downloading = page.waitForEvent("download");
    await page
      .getByRole("link", { name: /^Download .* as CSV$/ })
      .first()
      .click();
    expect((await downloading).suggestedFilename()).toMatch(/\.csv$/);
  });
});

test.describe("known ways around the framework's checks", () => {
  test("protected pages stay closed to subrequest headers, .rsc and prefetch variants", async ({
    page,
    browser,
  }) => {
    await signIn(page, "officer");
    await page.goto("/");
    const link = page.getByRole("link", { name: /^SWL-/ }).first();
    const reference = await link.innerText();
    const reportPath = (await link.getAttribute("href"))!;
    const signedOut = (await browser.newContext()).request;
    const variants: { path: string; headers?: Record<string, string> }[] = [];
    for (const path of ["/", reportPath]) {
      for (const subrequest of [
        "proxy",
        "middleware",
        "src/middleware",
        "proxy:proxy:proxy:proxy:proxy",
        "middleware:middleware:middleware:middleware:middleware",
        "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware",
      ])
        variants.push({ path, headers: { "x-middleware-subrequest": subrequest } });
      variants.push(
        { path: `${path === "/" ? "/index" : path}.rsc` },
        { path: `${path}?_rsc=1`, headers: { RSC: "1" } },
        { path, headers: { RSC: "1", "Next-Router-Prefetch": "1" } },
        {
          path,
          headers: { RSC: "1", "Next-Router-Prefetch": "1", "Next-Router-Segment-Prefetch": "/_tree" },
        },
        { path, headers: { Purpose: "prefetch", "Sec-Purpose": "prefetch" } },
        { path, headers: { "x-middleware-prefetch": "1" } },
        { path, headers: { "x-nextjs-data": "1" } },
      );
    }
    for (const { path, headers } of variants) {
      const response = await signedOut.get(path, { headers, maxRedirects: 0 });
      const what = `${path} ${JSON.stringify(headers ?? {})}`;
      expect([307, 308, 404], what).toContain(response.status());
      const body = await response.text();
      expect(body, what).not.toContain(reference);
      expect(body, what).not.toContain("Open reports");
    }
    await signedOut.dispose();
  });

  test("a partner cannot reach the unit's pages by any variant either", async ({ page }) => {
    await signIn(page, "partner");
    for (const headers of [
      {} as Record<string, string>,
      { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" },
      { RSC: "1", "Next-Router-Prefetch": "1" },
    ]) {
      const response = await page.request.get("/dashboard", { headers, maxRedirects: 0 });
      const what = JSON.stringify(headers);
      // "Not found", or (for a prefetch) a redirect that stays on the site; never the page.
      expect([404, 307], what).toContain(response.status());
      expect(response.headers()["location"] ?? "/", what).toMatch(/^\/(?!\/)/);
      // The catalogue (with the dashboard's wording) comes with any signed-in page; the
      // dashboard itself must not.
      const body = await response.text();
      expect(body).not.toMatch(/<h1[^>]*>Outcomes and attrition<\/h1>/);
      expect(body).not.toContain('"children":"Outcomes and attrition"');
    }
  });
});

test.describe("return paths after signing in", () => {
  test("no open-redirect payload in the sign-in address takes a signed-in user off the site", async ({
    page,
    baseURL,
  }) => {
    // A signed-in visitor to the sign-in page is sent straight to its return path.
    test.setTimeout(180_000);
    await signIn(page, "officer");
    const origin = new URL(baseURL!).origin;
    const failures: string[] = [];
    for (const payload of openRedirectPayloads) {
      const response = await page.goto(`/login?next=${encodeURIComponent(payload)}`, { waitUntil: "commit" });
      expect(response?.status(), JSON.stringify(payload)).toBeLessThan(500);
      // The redirect may come as a status or, once the page streams, from the page itself.
      await page.waitForURL((url) => !url.pathname.startsWith("/login"));
      await page.waitForLoadState("load");
      if (new URL(page.url()).origin !== origin) failures.push(`${JSON.stringify(payload)} → ${page.url()}`);
    }
    expect(failures).toEqual([]);
  });

  test("none, written into the sign-in form itself, takes the user off the site after signing in", async ({
    browser,
    baseURL,
  }) => {
    // Each sign-in needs a fresh one-time code per account, so a dozen of the most varied
    // payloads go through the real form, spread over the six demo accounts; the whole list is
    // checked against the same function in tests/unit/open-redirect.test.ts.
    test.setTimeout(300_000);
    const chosen = [
      "https://evil.example",
      "//evil.example",
      "/\\evil.example",
      "/%2F%2Fevil.example",
      "/%5C%5Cevil.example",
      "/\t/evil.example",
      "/%0d%0aLocation:%20https://evil.example",
      "/.%2e/%2e%2e//evil.example",
      "javascript:alert(1)",
      "//evil\u3002example",
      "/\uff0f\uff0fevil.example",
      "/@evil.example",
    ];
    expect(chosen.every((p) => openRedirectPayloads.includes(p))).toBe(true);
    const accounts: AccountName[] = ["officer", "officer2", "supervisor", "partner", "partner2", "admin"];
    const origin = new URL(baseURL!).origin;
    const failures: string[] = [];
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const [index, payload] of chosen.entries()) {
      await context.clearCookies();
      await page.goto("/login");
      // Straight into the hidden field: this skips the page's own clean-up and tests the action's.
      await page
        .locator('input[name="next"]')
        .evaluate((el, v) => ((el as HTMLInputElement).value = v), payload);
      await submitSignIn(page, accounts[index % accounts.length]!);
      if (new URL(page.url()).origin !== origin) failures.push(`${JSON.stringify(payload)} → ${page.url()}`);
    }
    await context.close();
    expect(failures).toEqual([]);
  });
});

test.describe("oversize and malformed requests", () => {
  test("a signed-in request with a long query string is answered at once, not left hanging", async ({
    page,
    consoleErrors,
  }) => {
    await signIn(page, "officer");
    for (const size of [3_000, 8_000, 12_000, 15_000, 20_000, 40_000]) {
      const started = Date.now();
      const response = await page.request.get(`/people?q=${"a".repeat(size)}`, { timeout: 10_000 });
      expect([414, 431], `query of ${size}`).toContain(response.status());
      expect(Date.now() - started, `query of ${size}`).toBeLessThan(5_000);
    }
    // The same through the browser, which adds its own headers to the cookie and the address.
    for (const size of [8_000, 12_000]) {
      const started = Date.now();
      const response = await page.goto(`/people?q=${"a".repeat(size)}`, { timeout: 10_000 });
      expect(response?.status(), `browser, query of ${size}`).toBe(414);
      expect(Date.now() - started, `browser, query of ${size}`).toBeLessThan(5_000);
    }
    // Past 16 KB of address and headers, Node answers 431 with no body, which Chromium shows
    // as its own error page: at once, not after a minute.
    const started = Date.now();
    const refused = await page
      .goto(`/people?q=${"a".repeat(16_500)}`, { timeout: 10_000 })
      .catch((e: Error) => e);
    expect(refused instanceof Error ? refused.message : refused?.status()).toMatch(
      /431|ERR_HTTP_RESPONSE_CODE_FAILURE/,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    // The browser logs each refused page load; those are the point of this test.
    expect(consoleErrors.every((e) => /status of 414|status of 431/.test(e))).toBe(true);
    consoleErrors.length = 0;
  });

  test("hostile paths and query strings never get a 500", async ({ page }) => {
    test.setTimeout(180_000);
    await signIn(page, "officer");
    const hostile = [
      "%00",
      "%E0%A4%A",
      "%ff%fe",
      "%",
      "%%32%65",
      "\u202e\u2066abc",
      "a\u200bb\u200d",
      "..%2f..%2fetc%2fpasswd",
      "%C0%AE%C0%AE",
      "x".repeat(1_500),
    ];
    for (const base of ["/reports/", "/people/", "/referrals/", "/alerts/", "/submissions/"])
      for (const value of hostile) {
        const path = `${base}${value.startsWith("%") ? value : encodeURIComponent(value)}`;
        const response = await page.request.get(path, { timeout: 10_000, maxRedirects: 0 });
        expect(response.status(), path).toBeLessThan(500);
      }
    for (const value of hostile) {
      const query = value.startsWith("%") ? value : encodeURIComponent(value);
      for (const path of [`/dashboard?area=${query}`, `/?page=${query}`, `/login?next=${query}`]) {
        const response = await page.request.get(path, { timeout: 10_000, maxRedirects: 0 });
        expect(response.status(), path).toBeLessThan(500);
      }
    }
  });
});

test.describe("what a signed-out visitor is sent", () => {
  test("only the sign-in strings, not the message catalogue", async ({ page }) => {
    const dir = join(process.cwd(), "messages/en");
    const elsewhere: string[] = [];
    const collect = (value: unknown) => {
      if (typeof value === "string") {
        if (value.length >= 30 && !value.includes("{")) elsewhere.push(value);
      } else if (value && typeof value === "object") Object.values(value).forEach(collect);
    };
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
      const catalogue = JSON.parse(readFileSync(join(dir, file), "utf8")) as Record<string, unknown>;
      for (const [namespace, strings] of Object.entries(catalogue))
        // The demo banner is server-rendered text on every page, the sign-in page included.
        if (!SIGNED_OUT_NAMESPACES.includes(namespace) && namespace !== "demo") collect(strings);
    }
    expect(elsewhere.length).toBeGreaterThan(100);
    const response = await page.goto("/login");
    const html = await response!.text();
    // The page's own text comes through, so the check is looking at the right thing.
    expect(html).toContain("Sign in");
    const leaked = elsewhere.filter((s) => html.includes(JSON.stringify(s).slice(1, -1)) || html.includes(s));
    expect(leaked).toEqual([]);
  });
});

test.describe("when the database fails", () => {
  test.describe.configure({ timeout: 180_000 });
  // A second server from the same build, pointed at a port where nothing listens.
  // +50 is the outage journey's app (tests/e2e/outage.spec.ts); the two may run at once.
  const port = Number(process.env.E2E_PORT ?? 3100) + 60;
  const broken = `http://127.0.0.1:${port}`;
  let server: ChildProcess | undefined;
  const LEAKS = [
    /prisma/i,
    /ECONNREFUSED/,
    /postgres/i,
    /DriverAdapter/i,
    /node_modules/,
    /\bat \S+ \(.*:\d+:\d+\)/,
    /\b(SELECT|INSERT|UPDATE)\b.*\b(FROM|INTO|SET)\b/,
    /127\.0\.0\.1:1\b/,
  ];
  const expectNoLeak = (body: string, what: string) => {
    for (const pattern of LEAKS) expect(body, `${what}: ${pattern}`).not.toMatch(pattern);
  };

  test.beforeAll(async () => {
    server = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
      env: { ...process.env, DATABASE_URL: "postgresql://postgres@127.0.0.1:1/liaison" },
      detached: true,
      stdio: "ignore",
    });
    for (let i = 0; i < 200; i++) {
      const up = await fetch(`${broken}/login`).then(
        () => true,
        () => false,
      );
      if (up) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error("the second server did not start");
  });

  test.afterAll(() => {
    if (server?.pid) process.kill(-server.pid, "SIGTERM");
  });

  test("pages, payloads, downloads and sign-in answer with a generic message and nothing of the error", async ({
    page,
    browser,
  }) => {
    // A real session cookie, signed with the same secret: the broken server must go to the
    // database to check it, and cannot.
    await signIn(page, "supervisor");
    const cookies = (await page.context().cookies()).filter((c) => c.name.includes("session-token"));
    expect(cookies.length).toBeGreaterThan(0);
    const cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");

    for (const [path, headers] of [
      ["/", {}],
      ["/people", {}],
      ["/", { RSC: "1" }],
      ["/api/dashboard/export/headline?period=2025-26", { "Sec-Fetch-Site": "same-origin" }],
      ["/api/health", {}],
    ] as const) {
      const started = Date.now();
      const response = await fetch(`${broken}${path}`, {
        signal: AbortSignal.timeout(20_000),
        headers: { Cookie: cookie, ...headers },
        redirect: "manual",
      });
      const body = await response.text();
      const what = `${path} ${JSON.stringify(headers)} → ${response.status} ${response.headers.get("location") ?? ""}`;
      // Whatever the answer (the outage page, an error page, a refusal), it comes at once and
      // shows nothing of the failure, and no record.
      expect(Date.now() - started, what).toBeLessThan(10_000);
      if (path.startsWith("/api/")) expect(response.status, what).toBeGreaterThanOrEqual(500);
      expectNoLeak(body, what);
      expect(body, what).not.toMatch(/SWL-\d{4}-\d+/);
    }

    // In a browser: the sign-in page (or the outage page standing in for it) shows nothing of
    // the error, and signing in, where the form is offered, fails in the app's own words.
    const context = await browser.newContext({ baseURL: broken });
    const form = await context.newPage();
    const shown = await form.goto("/login", { timeout: 20_000 });
    expectNoLeak(await form.content(), `sign-in page (${shown?.status()})`);
    if (await form.getByLabel("Email").isVisible()) {
      await form.getByLabel("Email").fill("officer@demo.liaison.test");
      await form.getByLabel("Password").fill("LiaisonDemo!2026");
      const code = form.getByLabel("Code from your authenticator app");
      if (await code.isVisible()) await code.fill("123456");
      const answered = form.waitForResponse((r) => r.request().method() === "POST", { timeout: 20_000 });
      await form.getByRole("button", { name: "Sign in" }).click();
      expectNoLeak(await (await answered).text(), "sign-in answer");
      await expect(form.getByRole("alert").or(form.getByRole("status")).first()).toBeVisible();
      expectNoLeak(await form.content(), "sign-in page after trying");
    }
    await context.close();
  });
});

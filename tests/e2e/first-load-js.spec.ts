import { join } from "node:path";
import type { Browser, Cookie } from "@playwright/test";
import { test, expect, signIn } from "./fixtures";
import { openOwnCase, signedInPage } from "./helpers";
import { measureBuild } from "../../tools/first-load-js/measure";

// First-load JavaScript as a browser receives it: every script Chromium fetches while a page
// loads (the chunks the HTML names and any the page's code loads as it starts), at the size
// sent over the wire (gzip, as `next start` serves it), in a fresh browser cache. The budget
// is 150 kB a page (issue 11). tools/first-load-js weighs every route from the build output;
// this checks its figures against what the browser really fetched.
const BUDGET = 150_000;

async function weigh(browser: Browser, cookies: Cookie[], path: string) {
  const context = await browser.newContext({ locale: "en-GB", timezoneId: "Europe/London" });
  await context.addCookies(cookies);
  const page = await context.newPage();
  const sizes: Promise<{ url: string; bytes: number }>[] = [];
  page.on("requestfinished", (request) => {
    if (request.resourceType() === "script")
      sizes.push(request.sizes().then((s) => ({ url: request.url(), bytes: s.responseBodySize })));
  });
  await page.goto(path, { waitUntil: "networkidle" });
  const scripts = await Promise.all(sizes);
  await context.close();
  return { bytes: scripts.reduce((sum, s) => sum + s.bytes, 0), scripts: scripts.map((s) => s.url) };
}

test("every kind of page loads at most 150 kB of JavaScript, as the build-output figures say", async ({
  page,
  browser,
}) => {
  test.slow();
  const built = new Map(
    measureBuild(join(process.cwd(), process.env.NEXT_DIST_DIR ?? ".next")).map((p) => [p.route, p.gzip]),
  );
  const signedOut = await weigh(browser, [], "/login");

  await signIn(page, "officer");
  await openOwnCase(page, 0);
  const casePath = new URL(page.url()).pathname;
  await page.goto("/reports/new");
  await page.getByRole("button", { name: /start/i }).click();
  await expect(page).toHaveURL(/\/reports\/new\/[0-9a-f-]{36}\/person$/);
  const stepPath = new URL(page.url()).pathname;
  const officer = await page.context().cookies();
  const supervisorPage = await signedInPage(browser, "supervisor");
  const supervisor = await supervisorPage.context().cookies();
  await supervisorPage.context().close();

  const pages: [string, Cookie[], string][] = [
    ["/login", [], "/login"],
    ["/", officer, "/"],
    ["/people", officer, "/people"],
    ["/reports/[id]", officer, casePath],
    ["/reports/[id]/events/new", officer, `${casePath}/events/new`],
    ["/reports/new/[draftId]/[step]", officer, stepPath],
    ["/reports/drafts", officer, "/reports/drafts"],
    ["/dashboard", supervisor, "/dashboard"],
  ];
  const weighed: { route: string; browser: number; build: number | undefined }[] = [];
  for (const [route, cookies, path] of pages) {
    const { bytes } = route === "/login" ? signedOut : await weigh(browser, cookies, path);
    weighed.push({ route, browser: bytes, build: built.get(route) });
  }
  console.log(weighed.map((w) => `${w.route}: ${(w.browser / 1000).toFixed(1)} kB`).join("\n"));
  for (const w of weighed) {
    expect(w.browser, `${w.route} first-load JavaScript`).toBeLessThanOrEqual(BUDGET);
    // The build-output figure is what the HTML names; the browser's may add a chunk the page
    // loads as it starts, never less. Both are gzip bodies, so they agree to the byte.
    expect(w.build, `${w.route} in the build output`).toBeDefined();
    expect(w.browser, `${w.route}: browser against build output`).toBeGreaterThanOrEqual(
      (w.build ?? 0) * 0.98,
    );
  }
});

import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { test, expect, signIn } from "./fixtures";

// Exports answer only downloads started from the site's own pages (tests/e2e/web-layer.spec.ts).
const SAME_ORIGIN = { headers: { "Sec-Fetch-Site": "same-origin" } };

test.describe("the supervisor's dashboard", () => {
  test("shows the demo unit's funnel, mirroring the study, with a chart, its table and a summary", async ({
    page,
  }) => {
    await signIn(page, "supervisor");
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { name: "Outcomes and attrition", level: 1 })).toBeVisible();
    await expect(page.getByText("Exact figures, not for publication.")).toBeVisible();

    const headline = page.getByRole("table", { name: /Headline figures/ });
    await expect(headline.getByRole("row", { name: /^Reports received/ })).toContainText("86");
    await expect(headline.getByRole("row", { name: /^Charged or summonsed/ })).toContainText("7.0%");
    await expect(headline.getByRole("row", { name: /^Convicted/ })).toContainText("3.5%");

    const funnel = page.getByRole("table", { name: /Reports at each stage/ });
    await expect(funnel.getByRole("row", { name: /^Reports received/ })).toContainText("86");
    await expect(funnel.getByRole("row", { name: /^Charged or summonsed/ })).toContainText("6");
    const chart = page.getByRole("figure", { name: "Reports reaching each stage" });
    await expect(chart).toContainText("Of 86 reports received");
    // Drawn on the server: one bar per stage, each labelled with its figure.
    await expect(chart.locator("svg.chart-svg")).toBeVisible();
    await expect(chart.locator("svg.chart-svg rect")).toHaveCount(await funnel.locator("tbody tr").count());
    await expect(chart.locator("svg.chart-svg")).toContainText("86 (100");
  });

  test("filters live in the URL: a drill-down, the form, and a value it does not understand", async ({
    page,
  }) => {
    await signIn(page, "supervisor");
    await page.goto("/dashboard#breakdowns");
    await page.getByRole("link", { name: "Show only Through a partner agency" }).click();
    await expect(page).toHaveURL(/\/dashboard\?route=PARTNER_AGENCY/);
    await expect(page.getByText("Only: Through a partner agency")).toBeVisible();
    const received = page
      .getByRole("table", { name: /Headline figures/ })
      .getByRole("row", { name: /^Reports received/ });
    await expect(received).not.toContainText("86");

    await page.getByLabel("Period").selectOption({ label: "Last 12 months" });
    await page.getByRole("button", { name: "Show figures" }).click();
    await expect(page).toHaveURL(/\/dashboard\?period=last-12-months&route=PARTNER_AGENCY$/);

    const response = await page.goto("/dashboard?period=forever&officer=nobody");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("status")).toContainText("Some filters were not understood");
    await expect(page.getByRole("status")).toContainText("Period: showing all reports instead");
  });

  test("tables download as CSV for a complete financial year only, with small numbers suppressed", async ({
    page,
  }) => {
    await signIn(page, "supervisor");
    // All time is not published: a sentence says which periods are, and links to one.
    await page.goto("/dashboard");
    await expect(page.getByRole("link", { name: /as CSV$/ })).toHaveCount(0);
    await expect(page.getByText(/one complete financial year \(April to March\) only/)).toBeVisible();
    await page.getByRole("link", { name: "Show the last financial year" }).click();
    await expect(page).toHaveURL(/\/dashboard\?period=last-financial-year$/);

    const received = page
      .getByRole("table", { name: /Headline figures/ })
      .getByRole("row", { name: /^Reports received/ });
    // The on-screen figure only (innerText leaves out a suppressed cell's printed form).
    const shown = received.getByRole("cell").first();
    const count = Number((await shown.innerText()).replace(/\D/g, ""));
    expect(count).toBeGreaterThan(0);
    const downloading = page.waitForEvent("download");
    await page
      .getByRole("link", { name: "Download “Headline figures for the reports chosen” as CSV" })
      .click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^liaison-headline-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path()) as string, "utf8");
    expect(csv).toContain(`Reports received,${count},`);
    // Every count from 1 to 4 (the threshold is 5) is suppressed.
    for (const line of csv.split("\r\n").slice(1)) expect(line, line).not.toMatch(/,[1-4](,|$)/);

    // The same table for all time is refused, however the address is typed.
    const refused = await page.request.get("/api/dashboard/export/headline", SAME_ORIGIN);
    expect(refused.status()).toBe(404);
    const rolling = await page.request.get(
      "/api/dashboard/export/headline?period=last-12-months",
      SAME_ORIGIN,
    );
    expect(rolling.status()).toBe(404);
  });

  test("trust and engagement counts referrals and says what a conversion is", async ({ page }) => {
    await signIn(page, "supervisor");
    await page.goto("/dashboard#trust");
    const trust = page.getByRole("table", { name: /How people report/ });
    await expect(
      trust.getByRole("row", {
        name: /^Began as intelligence-only, anonymous or third-party; now a full investigation/,
      }),
    ).toBeVisible();
    const made = trust.getByRole("row", { name: /^Referrals made to partner agencies/ });
    const referrals = Number((await made.getByRole("cell").first().innerText()).replace(/\D/g, ""));
    expect(referrals).toBeGreaterThan(0);
    await expect(trust.getByRole("row", { name: /^Of those, accepted by the agency/ })).toBeVisible();
    await expect(trust.getByRole("row", { name: /^Of those, support taken up/ })).toBeVisible();
  });

  test("names the study it compares with, and compares like with like on request", async ({ page }) => {
    await signIn(page, "supervisor");
    await page.goto("/dashboard");
    const baseline = page.getByRole("complementary", { name: "For reference: the Gwent study" });
    await expect(baseline).toContainText(
      "UWE Bristol with Gwent Police and Cyfannol Women's Aid, September 2025",
    );
    await expect(baseline).toContainText("include every kind of incident");
    await page.getByRole("link", { name: /Compare like with like/ }).click();
    await expect(page).toHaveURL(/violence=yes/);
    await expect(page.getByText("Only: Violence and threats only")).toBeVisible();
    await expect(baseline).toContainText("like with like");
  });

  test("a count leads to exactly the reports it counts", async ({ page }) => {
    await signIn(page, "supervisor");
    await page.goto("/dashboard#funnel");
    const funnel = page.getByRole("table", { name: /Reports at each stage/ });
    const cell = funnel
      .getByRole("row", { name: /^Crime recorded/ })
      .getByRole("cell")
      .nth(5);
    const count = Number((await cell.innerText()).replace(/\D/g, ""));
    expect(count).toBeGreaterThan(0);
    await cell
      .getByRole("link", { name: /Stopped here, closed, Crime recorded\. Show these reports/ })
      .click();
    await expect(page).toHaveURL(/\/dashboard\/reports\?stopped=recorded&state=closed$/);
    await expect(page.getByRole("heading", { name: "Reports behind a figure", level: 1 })).toBeVisible();
    await expect(page.getByText(`${count} reports: stopped at “Crime recorded”, closed.`)).toBeVisible();
    const caption = page.getByRole("table", { name: `${count} reports, newest first` });
    await expect(caption).toBeVisible();
    // Across every page of the list, exactly that many reports.
    let listed = 0;
    for (;;) {
      listed += (await page.getByRole("table").getByRole("row").count()) - 1;
      const next = page.getByRole("link", { name: "Next page" });
      if ((await next.count()) === 0) break;
      const url = page.url();
      await next.click();
      await expect(page).not.toHaveURL(url);
    }
    expect(listed).toBe(count);
  });

  test("has no serious accessibility problems, and prints without its controls", async ({ page }) => {
    // Every count is a link: axe has a large page to walk, which took over a minute on a
    // busy 2-core machine, before the print checks.
    test.setTimeout(180_000);
    await signIn(page, "supervisor");
    await page.goto("/dashboard");
    await expect(page.locator("svg.chart-svg").first()).toBeVisible();
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
      .analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);

    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("button", { name: "Show figures" })).toBeHidden();
    // All time is not a published period: the page prints a notice, not the figures.
    await expect(page.getByText(/this page prints without them/)).toBeVisible();
    await expect(page.getByRole("table", { name: /Headline figures/ })).toBeHidden();

    // A complete financial year prints its published figures, small numbers suppressed.
    await page.goto("/dashboard?period=last-financial-year");
    await expect(page.getByText(/this page prints without them/)).toBeHidden();
    const headline = page.getByRole("table", { name: /Headline figures/ });
    await expect(headline).toBeVisible();
    await expect(page.getByText("Exact figures, not for publication.")).toBeHidden();
    await expect(page.getByText("Published figures: counts under 5", { exact: false })).toBeVisible();
    const printed = await headline.innerText();
    expect(printed).not.toMatch(/\t[1-4](\t|$)/m);
  });
});

test.describe("who else sees it", () => {
  test("an officer sees their own caseload only", async ({ page }) => {
    await signIn(page, "officer");
    await page.goto("/dashboard");
    await expect(
      page.getByRole("heading", { name: "Outcomes and attrition for your caseload" }),
    ).toBeVisible();
    await expect(page.getByText("Reports assigned to you")).toBeVisible();
    await expect(page.getByLabel("Officer", { exact: true })).toHaveCount(0);
    // Only the unit's whole view is published, so there is nothing to download here.
    await expect(page.getByRole("link", { name: /as CSV$/ })).toHaveCount(0);
    const received = page
      .getByRole("table", { name: /Headline figures/ })
      .getByRole("row", { name: /^Reports received/ });
    // The on-screen figure only (innerText leaves out a suppressed cell's printed form).
    const shown = received.getByRole("cell").first();
    const count = Number((await shown.innerText()).replace(/\D/g, ""));
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(86);
  });

  for (const who of ["partner", "admin"] as const) {
    test(`a ${who} gets 'not found', for the page and for a download`, async ({ page }) => {
      await signIn(page, who);
      const response = await page.goto("/dashboard");
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
      const download = await page.request.get("/api/dashboard/export/headline", SAME_ORIGIN);
      expect(download.status()).toBe(404);
    });
  }
});

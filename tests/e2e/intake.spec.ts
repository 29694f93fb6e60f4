import type { Locator, Page } from "@playwright/test";
import { test, expect, signIn, submitSignIn } from "./fixtures";
import { expectAccessible } from "./helpers";

// Moves focus with the Tab key alone until it reaches the target.
async function tabTo(page: Page, target: Locator, limit = 80) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error("could not reach the element with the Tab key");
}

async function startReport(page: Page) {
  await page.goto("/reports/new");
  await page.getByRole("button", { name: "Start a new report" }).click();
  await expect(page.getByRole("heading", { name: "The person", level: 1 })).toBeVisible();
}

test.describe("taking a report", () => {
  test("an officer takes a whole report with the keyboard alone", async ({ page }) => {
    await signIn(page, "officer");
    await page.goto("/reports/new");
    await tabTo(page, page.getByRole("button", { name: "Start a new report" }));
    await page.keyboard.press("Enter");
    await expect(page.getByText("Step 1 of 7")).toBeVisible();

    await tabTo(page, page.getByLabel("Working name or pseudonym"));
    await page.keyboard.type("Rhosyn");
    // Tab reaches a radio group once; the arrow keys choose within it.
    await tabTo(page, page.getByRole("radio", { name: "English" }));
    await page.keyboard.press("ArrowDown");
    await expect(page.getByRole("radio", { name: "Cymraeg" })).toBeChecked();
    await tabTo(page, page.getByRole("button", { name: "Save and continue" }));
    await page.keyboard.press("Enter");

    await expect(page.getByText("Step 2 of 7")).toBeVisible();
    await tabTo(page, page.getByRole("checkbox", { name: "Physical assault" }));
    await page.keyboard.press("Space");
    await tabTo(page, page.getByLabel("Area (optional)"));
    await page.keyboard.type("Canal Basin");
    await page.keyboard.press("Enter");

    for (const step of [3, 4, 5, 6, 7]) {
      await expect(page.getByText(`Step ${step} of 7`)).toBeVisible();
      await tabTo(page, page.getByRole("button", { name: "Save and continue" }));
      await page.keyboard.press("Enter");
    }

    await expect(page.getByRole("heading", { name: "Check your answers" })).toBeVisible();
    await expect(page.getByText("Rhosyn")).toBeVisible();
    await expect(page.getByText("Canal Basin")).toBeVisible();
    await tabTo(page, page.getByRole("button", { name: "Submit report" }), 200);
    await page.keyboard.press("Enter");

    await expect(page.getByRole("heading", { name: "Report submitted" })).toBeVisible();
    const reference = (await page.locator("strong").filter({ hasText: /^SWL-/ }).innerText()).trim();
    await tabTo(page, page.getByRole("link", { name: `Open case ${reference}` }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: reference, level: 1 })).toBeVisible();
  });

  test("every intake page has no serious accessibility problems", async ({ page }) => {
    // Nine full axe scans: more than the default 30 seconds on a busy machine.
    test.slow();
    await signIn(page, "officer2");
    await page.goto("/reports/new");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Start a new report" }).click();
    await page.getByLabel("Working name or pseudonym").fill("Nia");
    for (let step = 1; step <= 7; step++) {
      await expect(page.getByText(`Step ${step} of 7`)).toBeVisible();
      await expectAccessible(page);
      await page.getByRole("button", { name: "Save and continue" }).click();
    }
    await expect(page.getByRole("heading", { name: "Check your answers" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Submit report" }).click();
    await expect(page.getByRole("heading", { name: "Report submitted" })).toBeVisible();
    await expectAccessible(page);
  });

  test("a failed step keeps everything typed, and the error summary leads to the field", async ({ page }) => {
    await signIn(page, "officer");
    await startReport(page);
    await page.getByRole("button", { name: "Save and continue" }).click();
    const summary = page.getByRole("alert", { name: "There is a problem" });
    await expect(summary).toContainText("Enter the name they want us to use");
    await page.getByLabel("Working name or pseudonym").fill("Mo");
    await page.getByRole("button", { name: "Save and continue" }).click();

    await page.getByRole("radio", { name: "Exact" }).check();
    await page.getByLabel("Area (optional)").fill("Station Road");
    await page.getByLabel("Exact place, only if needed (optional)").fill("Near the bus shelter");
    await page.getByRole("button", { name: "Save and continue" }).click();
    await expect(summary).toContainText("Enter the date it happened");
    await expect(page.getByLabel("Area (optional)")).toHaveValue("Station Road");
    await expect(page.getByLabel("Exact place, only if needed (optional)")).toHaveValue(
      "Near the bus shelter",
    );
    await expect(page.getByRole("radio", { name: "Exact" })).toBeChecked();
    await expect(page.getByLabel("Date it happened")).toHaveAttribute("aria-invalid", "true");
    await summary.getByRole("link").first().click();
    await expect(page.getByLabel("Date it happened")).toBeFocused();
  });

  test("wording that blames is pointed out, but never stops the officer", async ({ page }) => {
    await signIn(page, "officer");
    await startReport(page);
    await page.getByLabel("Working name or pseudonym").fill("Dee");
    for (let i = 0; i < 3; i++) await page.getByRole("button", { name: "Save and continue" }).click();
    await expect(page.getByRole("heading", { name: "In their own words", level: 1 })).toBeVisible();
    await page
      .getByLabel("Their account (optional)")
      .fill("Officer noted she put herself at risk by going there.");
    await expect(page.getByText(/put herself at risk/i).last()).toBeVisible();
    await page.getByRole("button", { name: "Save and continue" }).click();
    await expect(page.getByText("Step 5 of 7")).toBeVisible();
  });

  test("a lapsed session returns the officer to the same step with the draft intact", async ({
    page,
    context,
  }) => {
    await signIn(page, "officer");
    await startReport(page);
    await page.getByLabel("Working name or pseudonym").fill("Lowri");
    await page.getByRole("button", { name: "Save and continue" }).click();
    await page.getByLabel("Area (optional)").fill("Market Street");
    // Wait for the autosave to keep what was typed, then lose the session.
    await expect(page.getByText(/Draft saved at/)).toBeVisible({ timeout: 10_000 });
    const stepUrl = page.url();
    await context.clearCookies();

    await page.reload();
    await expect(page).toHaveURL(/\/login\?next=/);
    await submitSignIn(page, "officer");
    await expect(page).toHaveURL(stepUrl);
    await expect(page.getByLabel("Area (optional)")).toHaveValue("Market Street");

    await page.goto("/reports/drafts");
    await expect(page.getByRole("link", { name: "Lowri" }).first()).toBeVisible();
  });

  test("safety comes first: “Are they safe now?” follows the name", async ({ page }) => {
    await signIn(page, "officer2");
    await startReport(page);
    const safe = page.getByRole("group", { name: "Are they safe now?" });
    await expect(safe.getByRole("radio", { name: "Yes, they are safe now" })).toBeVisible();
    // The control straight after the name is the first answer to "Are they safe now?".
    const next = await page.evaluate(() => {
      const controls = [...document.querySelectorAll("form input, form select, form textarea")].filter(
        (c) => (c as HTMLInputElement).type !== "hidden",
      );
      const i = controls.findIndex((c) => c.id === "workingName");
      return controls[i + 1]?.getAttribute("name");
    });
    expect(next).toBe("immediateDanger");
  });

  test("choosing Under 18 shows the safeguarding panel at once, and the referral reaches the record", async ({
    page,
  }) => {
    await signIn(page, "officer");
    await startReport(page);
    await page.getByLabel("Working name or pseudonym").fill("Seren");
    const panel = page.getByRole("region", { name: "Safeguarding: this is a child" });
    await expect(panel).toBeHidden();

    await page.getByRole("radio", { name: "Under 18" }).check();
    // At once, with no round trip to the server.
    await expect(panel).toBeVisible();
    await expect(panel).toContainText("child sexual exploitation");
    await expect(panel).toContainText("duty to report a child at risk");
    await expect(panel).toContainText("Multi-Agency Safeguarding Hub");
    // A child is never addressed in sex-work terms.
    await expect(page.getByLabel("The name they want us to use")).toHaveValue("Seren");
    await expect(page.getByText("Working name or pseudonym")).toHaveCount(0);
    await expect(page.getByText(/brothel|escort|where they mostly work/i)).toHaveCount(0);
    await expectAccessible(page);

    await page.getByRole("button", { name: "Save and continue" }).click();
    const summary = page.getByRole("alert", { name: "There is a problem" });
    await expect(summary).toContainText("Say whether a safeguarding referral has been made");
    await expect(panel).toBeVisible();
    await panel
      .getByRole("group", { name: "Has a safeguarding referral been made?" })
      .getByRole("radio", { name: "Yes" })
      .check();
    await panel.getByLabel("Who was it made to?").fill("Children's services, MASH ref 77");
    await page.getByRole("button", { name: "Save and continue" }).click();

    // When they reported it: London's today unless changed, and never in the future.
    await expect(page.getByText("Step 2 of 7")).toBeVisible();
    const today = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric" }).format(
      new Date(),
    );
    await expect(page.getByLabel("Day")).toHaveValue(today);
    await page.getByLabel("Year").fill("2999");
    await page.getByRole("button", { name: "Save and continue" }).click();
    await expect(summary).toContainText("The date they reported it must be today or in the past");
    await page.getByLabel("Year").fill(String(new Date().getUTCFullYear() - 1));
    await page.getByRole("button", { name: "Save and continue" }).click();

    await expect(page.getByText("Step 3 of 7")).toBeVisible();
    await page.getByRole("button", { name: "Save and continue" }).click();
    await page.getByLabel("Their account (optional)").fill("Her friend says she is a sex worker.");
    await expect(page.getByText(/consider “child at risk of sexual exploitation”/)).toBeVisible();
    for (const step of [4, 5, 6, 7]) {
      await expect(page.getByText(`Step ${step} of 7`)).toBeVisible();
      await page.getByRole("button", { name: "Save and continue" }).click();
    }

    await expect(page.getByRole("heading", { name: "Check your answers" })).toBeVisible();
    await expect(page.getByText("Children's services, MASH ref 77")).toBeVisible();
    await page.getByRole("button", { name: "Submit report" }).click();
    await expect(page.getByRole("heading", { name: "Report submitted" })).toBeVisible();
    await page.getByRole("link", { name: /^Open case/ }).click();
    await expect(page.getByText("Child at risk of sexual exploitation")).toBeVisible();
    await expect(page.getByText("Referral made to Children's services, MASH ref 77")).toBeVisible();
    // The reporting route was not answered: it is not recorded, not guessed.
    await expect(page.getByText("Not recorded")).toBeVisible();
  });

  test("finding someone already known keeps their name out of the address, and sends the form only what it shows", async ({
    page,
  }) => {
    await signIn(page, "officer");
    await startReport(page);
    // The seeded person Tash has access needs on their record; the form must not carry them.
    const payloads: string[] = [];
    page.on("response", async (response) => {
      if (response.request().method() === "GET" && response.url().includes("/reports/new/"))
        payloads.push(await response.text().catch(() => ""));
    });
    await page.getByLabel("Find someone already known to the unit, by the name they use").fill("Tash");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page.getByRole("radio", { name: /^Tash/ }).first()).toBeVisible();
    expect(page.url()).not.toMatch(/tash/i);
    expect(page.url()).not.toContain("q=");
    await page.reload();
    await expect(page.getByRole("radio", { name: /^Tash/ }).first()).toBeVisible();
    expect(payloads.join("\n")).not.toContain("Prefers letters and forms read out");
  });

  test("text typed after the session lapsed is kept on Continue, and saved once signed in again", async ({
    page,
    context,
  }) => {
    await signIn(page, "officer");
    await startReport(page);
    await context.clearCookies();
    await page.getByLabel("Working name or pseudonym").fill("Carys");
    await page.getByRole("button", { name: "Save and continue" }).click();
    await expect(
      page.getByText("Your session has ended. Everything you typed is still on this page."),
    ).toBeVisible();
    await expect(page.getByLabel("Working name or pseudonym")).toHaveValue("Carys");

    // No session cookie is left, so nothing could be sealed for this tab: signing in again
    // happens in a new tab, and this page keeps what it holds (components/form/form-recovery.tsx).
    const [signInTab] = await Promise.all([
      context.waitForEvent("page"),
      page.getByRole("link", { name: "Sign in again to save it" }).click(),
    ]);
    await submitSignIn(signInTab, "officer");
    await expect(signInTab.getByRole("button", { name: "Sign out" })).toBeVisible();
    await signInTab.close();

    await expect(page.getByLabel("Working name or pseudonym")).toHaveValue("Carys");
    await page.getByRole("button", { name: "Save and continue" }).click();
    await expect(page.getByRole("heading", { name: "What happened", level: 1 })).toBeVisible();
    await page.goto("/reports/drafts");
    await expect(page.getByRole("link", { name: "Carys" }).first()).toBeVisible();
  });
});

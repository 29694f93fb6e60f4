import type { Locator, Page } from "@playwright/test";
import { test, expect, signIn, submitSignIn } from "./fixtures";
import {
  OFFICER_NAME,
  expectAccessible,
  openOwnCase,
  startEvent,
  submitEvent,
  todayInLondon,
} from "./helpers";

// Moves focus with the Tab key alone until it reaches the target.
async function tabTo(page: Page, target: Locator, limit = 80) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error("could not reach the element with the Tab key");
}

test.describe("the case record", () => {
  test("an officer follows a case to conviction and sees the update the person is owed", async ({ page }) => {
    await signIn(page, "officer");
    const reference = await openOwnCase(page, 0);

    await startEvent(page, "Crime recorded");
    await page.getByLabel("Crime reference").fill("E2E/CR/0001");
    await submitEvent(page);
    await startEvent(page, "Charged or summonsed");
    await page.getByLabel("Offence charged or summonsed").fill("Assault by beating");
    await submitEvent(page);
    await startEvent(page, "Court result");
    await page.getByRole("radio", { name: "Convicted", exact: true }).check();
    await submitEvent(page);

    const trail = page.getByRole("table", { name: "Outcome trail" });
    await expect(trail.getByRole("row").filter({ hasText: "Crime reference: E2E/CR/0001" })).toHaveCount(1);
    await expect(trail.getByRole("row").filter({ hasText: "Offence: Assault by beating" })).toHaveCount(1);
    await expect(trail.getByRole("row").filter({ hasText: "Court result" }).last()).toContainText(
      "Convicted",
    );
    const owed = page.getByRole("table", { name: "Updates owed to the person" });
    await expect(owed.getByRole("row").filter({ hasText: "Charged or summonsed" }).last()).toContainText(
      "Due",
    );
    await expect(page.getByRole("region", { name: "Keeping the person informed" })).toContainText(
      "Agreed ways to contact",
    );
    await expectAccessible(page);

    await page.getByRole("link", { name: "Home" }).click();
    const due = page.getByRole("table", { name: /^Updates due/ });
    await expect(
      due.getByRole("row").filter({ hasText: reference }).filter({ hasText: "Charged or summonsed" }),
    ).toHaveCount(1);
  });

  test("an outcome 16 is recorded only with the reasons the person stepped back", async ({ page }) => {
    // Three events in one journey: crime, suspect, then the outcome.
    test.slow();
    await signIn(page, "officer");
    await openOwnCase(page, 1);
    // An outcome is given only to a recorded crime, and outcome 16 needs an identified suspect.
    await startEvent(page, "Crime recorded");
    await page.getByLabel("Crime reference").fill("E2E/CR/0016");
    await submitEvent(page);
    await startEvent(page, "Suspect identified");
    await submitEvent(page);
    await startEvent(page, "Outcome recorded");
    await page.getByLabel("Home Office outcome type").selectOption({
      label: "16: Suspect identified, victim does not support (or withdraws support for) further action",
    });
    await page.getByRole("button", { name: "Record event" }).click();

    const summary = page.getByRole("alert", { name: "There is a problem" });
    await expect(summary.getByRole("link")).toHaveText([
      "Choose at least one reason the person did not support further action",
    ]);
    await expect(page.getByLabel("Home Office outcome type")).toHaveValue("OUTCOME_16");
    await expect(page.getByRole("group", { name: "When did it happen?" }).getByLabel("Year")).toHaveValue(
      todayInLondon().year,
    );
    await expectAccessible(page);

    const reasons = page.getByRole("group", { name: /Why did the person not support/ });
    await reasons.getByRole("checkbox", { name: "Fear of being outed" }).check();
    await reasons.getByRole("checkbox", { name: "Other" }).check();
    await page.getByRole("button", { name: "Record event" }).click();
    await expect(page.getByRole("alert", { name: "There is a problem" }).getByRole("link")).toHaveText([
      "Describe the other reason",
    ]);
    await page.getByLabel("Other reason").fill("Moving away from the area");
    await submitEvent(page);

    const row = page
      .getByRole("table", { name: "Outcome trail" })
      .getByRole("row")
      .filter({ hasText: "16: Suspect identified" });
    await expect(row).toContainText("Fear of being outed, Other");
    await expect(row).toContainText("Other reason: Moving away from the area");
    // Outcome 16 is final: the case closes by itself, and says so.
    await expect(page.getByRole("region", { name: "Open or closed" })).toContainText(
      "Final outcome recorded",
    );
  });

  test("a supervisor closes a case with a reason, and reopens it", async ({ page }) => {
    test.slow();
    await signIn(page, "supervisor");
    await page.goto("/");
    const open = page.getByRole("table", { name: /^Open reports/ });
    // Another officer's case, so the officer's journeys above never share it.
    const rows = open
      .getByRole("row")
      .filter({ has: page.getByRole("link", { name: /^SWL-/ }) })
      .filter({ hasNotText: OFFICER_NAME });
    const count = await rows.count();
    expect(count).toBeGreaterThan(0);
    await rows
      .nth(count - 1)
      .getByRole("link", { name: /^SWL-/ })
      .click();
    await expect(page).toHaveURL(/\/reports\/[0-9a-f-]{36}$/);
    const reference = await page.getByRole("heading", { level: 1 }).innerText();
    expect(reference).toMatch(/^SWL-/);
    const caseUrl = page.url();

    await page.getByRole("link", { name: "Close this report" }).click();
    await page.getByRole("button", { name: "Close the report" }).click();
    await expect(page.getByRole("alert", { name: "There is a problem" }).getByRole("link")).toHaveText([
      "Choose why the report is being closed",
      "Explain the decision",
    ]);
    await expectAccessible(page);
    await page.getByRole("radio", { name: "Intelligence only" }).check();
    await page
      .getByRole("textbox", { name: "Explain the decision" })
      .fill("Wants it used to warn others only.");
    await page.getByRole("button", { name: "Close the report" }).click();

    const lifecycle = page.getByRole("region", { name: "Open or closed" });
    await expect(lifecycle).toContainText("Intelligence only");
    await expect(
      page
        .getByRole("table", { name: "Outcome trail" })
        .getByRole("row")
        .filter({ hasText: "Report closed" }),
    ).toContainText("Why: Wants it used to warn others only.");
    await page.getByRole("link", { name: "Home" }).click();
    await expect(
      page.getByRole("table", { name: /^Open reports/ }).getByRole("link", { name: reference }),
    ).toHaveCount(0);

    await page.goto(caseUrl);
    await page.getByRole("link", { name: "Reopen this report" }).click();
    await page.getByRole("textbox", { name: "Why is the report being reopened?" }).fill("New information.");
    await page.getByRole("button", { name: "Reopen the report" }).click();
    await expect(page.getByRole("region", { name: "Open or closed" })).toContainText("This report is open.");
  });

  test("linked reports show on both case pages, and partners cannot open a case", async ({
    page,
    browser,
  }) => {
    // Opens open cases one by one until one has a linked report, scans it, then signs a
    // partner in: more than the default 30 seconds on a busy machine.
    test.slow();
    await signIn(page, "officer");
    await page.goto("/");
    const hrefs = await page
      .getByRole("table", { name: /^Open reports/ })
      .getByRole("link", { name: /^SWL-/ })
      .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    const linked = page.getByRole("table", { name: "Reports sharing a suspect identifier" });
    let found = "";
    for (const href of hrefs) {
      await page.goto(href);
      if ((await linked.count()) > 0) {
        found = href;
        break;
      }
    }
    expect(found, "an open demo case with a repeat suspect").not.toBe("");
    const reference = await page.getByRole("heading", { level: 1 }).innerText();
    await expectAccessible(page);
    await linked.getByRole("link", { name: /^SWL-/ }).first().click();
    await expect(
      page
        .getByRole("table", { name: "Reports sharing a suspect identifier" })
        .getByRole("link", { name: reference }),
    ).toBeVisible();

    const partner = await browser.newContext();
    const partnerPage = await partner.newPage();
    await partnerPage.goto("/login");
    await submitSignIn(partnerPage, "partner");
    await expect(partnerPage.getByRole("button", { name: "Sign out" })).toBeVisible();
    await partnerPage.goto(found);
    await expect(partnerPage.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(partnerPage.getByText(reference)).toHaveCount(0);
    await partner.close();
  });

  test("two officers edit the same report: the second sees both versions and keeps their text", async ({
    page,
    browser,
  }) => {
    await signIn(page, "officer");
    await openOwnCase(page, 2);
    const caseUrl = page.url();
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signIn(otherPage, "officer2");

    await otherPage.goto(`${caseUrl}/edit`);
    await page.goto(`${caseUrl}/edit`);
    await page.getByLabel("In their own words").fill("First officer's account of the evening.");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("status")).toHaveText("The report details have been saved.");

    await otherPage
      .getByLabel("In their own words")
      .fill("Second officer's account, typed at the same time.");
    await otherPage.getByRole("button", { name: "Save changes" }).click();
    await expect(otherPage.getByRole("alert", { name: "There is a problem" })).toContainText(
      "Someone else saved this report while you were editing",
    );
    const compare = otherPage.getByRole("table", { name: "The saved version and your changes" });
    await expect(compare).toContainText("First officer's account of the evening.");
    await expect(compare).toContainText("Second officer's account, typed at the same time.");
    await expect(otherPage.getByLabel("In their own words")).toHaveValue(
      "Second officer's account, typed at the same time.",
    );

    await otherPage.getByRole("button", { name: "Save changes" }).click();
    await expect(otherPage.getByRole("status")).toHaveText("The report details have been saved.");
    await expect(otherPage.getByRole("region", { name: "In their own words" })).toContainText(
      "Second officer's account",
    );
    await other.close();

    await page.goto(caseUrl);
    await expect(page.getByRole("region", { name: "Timeline" })).toContainText(
      `Report details edited by ${OFFICER_NAME}`,
    );
  });

  test("an officer records an event with the keyboard alone", async ({ page }) => {
    await signIn(page, "officer");
    await openOwnCase(page, 3);
    await tabTo(page, page.getByRole("link", { name: "Record a case event" }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: "Record a case event", level: 1 })).toBeVisible();
    await tabTo(page, page.getByRole("radio", { name: "Crime recorded", exact: true }));
    await page.keyboard.press("ArrowDown");
    await expect(page.getByRole("radio", { name: "Suspect identified" })).toBeChecked();
    await tabTo(page, page.getByRole("button", { name: "Continue" }));
    await page.keyboard.press("Enter");

    await expect(page.getByRole("heading", { name: "Record: Suspect identified" })).toBeVisible();
    await expectAccessible(page);
    const today = todayInLondon();
    await tabTo(page, page.getByRole("group", { name: "When did it happen?" }).getByLabel("Day"));
    await page.keyboard.type(today.day);
    await page.keyboard.press("Tab");
    await page.keyboard.type(today.month);
    await page.keyboard.press("Tab");
    await page.keyboard.type(today.year);
    await tabTo(page, page.getByRole("button", { name: "Record event" }));
    await page.keyboard.press("Enter");

    await expect(page.getByRole("status")).toHaveText("The case event has been recorded.");
    await expect(page.getByRole("table", { name: "Outcome trail" })).toContainText("Suspect identified");
  });
});

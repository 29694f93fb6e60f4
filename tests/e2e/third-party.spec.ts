// A partner reports an incident for someone they support, anonymously and as intelligence
// only; the unit opens a report from it for a new person; the partner sees only that a
// report was opened. Keyboard only, with an accessibility check on every page on the way.
import type { Browser, Page } from "@playwright/test";
import { test, expect, signIn, type AccountName } from "./fixtures";
import { expectAccessible } from "./helpers";

async function press(page: Page, name: string | RegExp, role: "link" | "button" = "link") {
  await page.getByRole(role, { name }).first().focus();
  await page.keyboard.press("Enter");
}

async function choose(page: Page, label: string) {
  await page.getByLabel(label, { exact: true }).focus();
  await page.keyboard.press("Space");
}

async function signedInPage(browser: Browser, who: AccountName): Promise<Page> {
  const page = await (await browser.newContext({ locale: "en-GB", timezoneId: "Europe/London" })).newPage();
  await signIn(page, who);
  return page;
}

// The partner's list of what they sent, newest first: the address of the newest.
async function newestSubmissionHref(page: Page): Promise<string> {
  return (await page.getByRole("table").getByRole("row").nth(1).getByRole("link").getAttribute("href"))!;
}

// The partner's form, already open, answered as anonymous threats given as intelligence only
// and sent; the new submission is the newest row of their list.
async function sendAnonymousThreatsAsIntelligence(
  page: Page,
): Promise<{ href: string; submissionId: string }> {
  await choose(page, "Yes, stay anonymous");
  await choose(page, "Threats or intimidation");
  await choose(page, "Intelligence only: no investigation");
  await press(page, "Send the report", "button");
  await expect(page.getByText("Your report has been sent to the liaison unit.")).toBeVisible();
  const href = await newestSubmissionHref(page);
  const submissionId = href.split("/").pop()!;
  return { href, submissionId };
}

test("a partner's anonymous report becomes a report for a new person, and the partner sees only that", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signIn(page, "partner");
  await press(page, "Report an incident for someone you support");
  await expect(
    page.getByRole("heading", { name: "Report an incident for someone you support", level: 1 }),
  ).toBeVisible();
  await expectAccessible(page);

  // Sent half-answered: the errors are listed, and what was typed stays.
  const area = `Quayside ${Date.now()}`;
  await page.getByLabel("Area (optional)").fill(area);
  await press(page, "Send the report", "button");
  const summary = page.getByRole("alert", { name: "There is a problem" });
  await expect(summary).toContainText("Say whether they want to stay anonymous");
  await expect(summary).toContainText("Choose what they want the police to do");
  await expect(page.getByLabel("Area (optional)")).toHaveValue(area);
  await expectAccessible(page);

  await choose(page, "Yes, stay anonymous");
  await choose(page, "Threats or intimidation");
  await choose(page, "Intelligence only: no investigation");
  await press(page, "Send the report", "button");
  await expect(page.getByText("Your report has been sent to the liaison unit.")).toBeVisible();
  const newest = page.getByRole("table").getByRole("row").nth(1);
  await expect(newest).toContainText("Received");
  const link = newest.getByRole("link");
  const href = (await link.getAttribute("href"))!;
  expect(href).toMatch(/^\/third-party-reports\/[0-9a-f-]{36}$/);
  await expectAccessible(page);
  await press(page, (await link.textContent())!);
  await expect(page).toHaveURL(href);
  const status = page.locator("dd").first();
  await expect(status).toHaveText("Received");
  await expectAccessible(page);
  const submissionId = href.split("/").pop()!;

  // The unit: from the home page to the queue, then the submission.
  const officer = await signedInPage(browser, "officer");
  await press(officer, "Third-party reports from partners");
  await expect(officer.getByRole("heading", { name: "Third-party reports", level: 1 })).toBeVisible();
  await expectAccessible(officer);
  await officer.goto(`/submissions/${submissionId}`);
  await expect(officer.getByText(area)).toBeVisible();
  await expectAccessible(officer);
  await press(officer, "Mark as being looked at", "button");
  await expect(officer.getByText("Marked as being looked at.")).toBeVisible();

  // Seen by the partner as being looked at.
  await page.reload();
  await expect(status).toHaveText("Being looked at");

  await choose(officer, "Open a report for a new person");
  await press(officer, "Record the decision", "button");
  await expect(officer).toHaveURL(/\/reports\/[0-9a-f-]{36}$/);
  await expect(officer.getByText("Anonymous (via Demo Women's Aid)").first()).toBeVisible();
  const reference = (await officer
    .getByText(/SWL-\d{4}-\d{5}/)
    .first()
    .textContent())!.match(/SWL-\d{4}-\d{5}/)![0];
  const reportUrl = officer.url();

  // The partner sees that a report was opened, and nothing of it.
  await page.reload();
  await expect(status).toHaveText("Report opened");
  const html = await page.content();
  expect(html).not.toContain(reference);
  expect(html).not.toContain(reportUrl.split("/").pop()!);
  await expectAccessible(page);
});

test("the unit finds someone it already knows and opens the partner's report for them", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signIn(page, "partner");
  await press(page, "Report an incident for someone you support");
  const { href, submissionId } = await sendAnonymousThreatsAsIntelligence(page);

  const officer = await signedInPage(browser, "officer");
  await officer.goto(`/submissions/${submissionId}`);
  // The decision is chosen first; searching afterwards keeps it.
  await choose(officer, "Open a report for someone the unit already knows");
  await officer.getByLabel("Working name", { exact: true }).fill("Kasia");
  await press(officer, "Search", "button");
  await expect(officer.getByRole("status").filter({ hasText: "1 person found." })).toBeVisible();
  await expect(officer.getByLabel("Open a report for someone the unit already knows")).toBeChecked();
  await expectAccessible(officer);
  await officer.getByRole("radio", { name: /^Kasia/ }).focus();
  await officer.keyboard.press("Space");
  await press(officer, "Record the decision", "button");
  await expect(officer).toHaveURL(/\/reports\/[0-9a-f-]{36}$/);
  await expect(officer.getByRole("link", { name: "Kasia" }).first()).toBeVisible();

  await page.goto(href);
  await expect(page.locator("dd").first()).toHaveText("Report opened");
});

test("another agency's submission is not found", async ({ page, browser }) => {
  await signIn(page, "partner");
  await page.goto("/third-party-reports");
  const href = await newestSubmissionHref(page);
  const other = await signedInPage(browser, "partner2");
  const response = await other.goto(href);
  expect(response?.status()).toBe(404);
});

test("a partner reporting for a 16-year-old sees the child panel at once, child wording, and the unit sees the flag", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signIn(page, "partner");
  await press(page, "Report an incident for someone you support");
  // Safety first: "Are they safe now?" is the first question of the form.
  const firstGroup = page.getByRole("group").first();
  await expect(firstGroup).toContainText("Are they safe now?");
  const panel = page.getByRole("region", { name: "Safeguarding: this is a child" });
  await expect(panel).toBeHidden();
  await expect(page.getByLabel("Working name or pseudonym")).toBeVisible();

  // Choosing "Under 18" shows the partner's panel at once, before anything is sent.
  await choose(page, "Under 18");
  await expect(panel).toBeVisible();
  await expect(panel).toContainText("call 999");
  await expect(panel).toContainText("the liaison unit is told of this safeguarding concern at once");
  // Then the child wording: never "working name", never "client".
  await expect(page.getByLabel("The name they want us to use")).toBeVisible();
  await expect(page.getByLabel("Working name or pseudonym")).toHaveCount(0);
  await expect(page.getByLabel("Someone who paid or offered something to abuse them")).toBeVisible();
  await expect(
    page.getByText("Because this is a child, the unit will see the safeguarding concern"),
  ).toBeVisible();
  await expectAccessible(page);

  const { href, submissionId } = await sendAnonymousThreatsAsIntelligence(page);

  // The unit's queue flags it, in words.
  const officer = await signedInPage(browser, "officer");
  await press(officer, "Third-party reports from partners");
  const row = officer
    .getByRole("row")
    .filter({ has: officer.locator(`a[href="/submissions/${submissionId}"]`) });
  await expect(row).toContainText("Safeguarding: Child at risk of sexual exploitation");
  await expect(row).toContainText("Intelligence only");
  await expectAccessible(officer);
  await press(officer, (await row.getByRole("link").textContent())!);
  await expect(
    officer.getByRole("heading", { name: "Safeguarding concern raised by the partner" }),
  ).toBeVisible();
  await expectAccessible(officer);

  // The partner's own view carries neither the flag nor anything of the police record.
  await page.goto(href);
  await expect(page.getByText("Safeguarding: Child at risk")).toHaveCount(0);
});

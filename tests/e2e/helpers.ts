// Steps the journeys share: the accessibility check, London's today, opening a case of the
// officer's own, recording a case event, and keyboard-only presses in a second browser.
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { expect, signIn, type AccountName } from "./fixtures";

export const OFFICER_NAME = "PC Rhian Morgan";

// Fails on any serious or critical WCAG 2.2 AA violation axe finds on the page. It first
// waits for the page to be whole: the framework streams each page's <title> after its body
// (a page that never gets one still fails, here or in axe), and a page whose stylesheets
// are still loading lays out unstyled, which makes axe measure targets that are not there.
export async function expectAccessible(page: Page): Promise<void> {
  await expect(page).toHaveTitle(/\S/);
  await page.waitForLoadState("load");
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')).every(
      (link) => link.sheet !== null,
    ),
  );
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

// Today's date in London, as the day, month and year boxes take it.
export function todayInLondon(): { day: string; month: string; year: string } {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/London",
    day: "numeric",
    month: "numeric",
    year: "numeric",
  }).formatToParts(new Date());
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return { day: part("day"), month: part("month"), year: part("year") };
}

// Opens one of the officer's own open cases, counting from the oldest on the first page so
// that journeys running side by side (and reports other journeys add at the top) never share
// a case: each spec keeps to its own indexes.
export async function openOwnCase(page: Page, fromOldest: number): Promise<string> {
  await page.goto("/");
  const rows = page
    .getByRole("table", { name: /^Open reports/ })
    .getByRole("row")
    .filter({ hasText: OFFICER_NAME });
  const count = await rows.count();
  expect(count).toBeGreaterThan(fromOldest);
  await rows
    .nth(count - 1 - fromOldest)
    .getByRole("link", { name: /^SWL-/ })
    .click();
  await expect(page).toHaveURL(/\/reports\/[0-9a-f-]{36}$/);
  return page.getByRole("heading", { level: 1 }).innerText();
}

// From an open case record: chooses the kind of event and dates it today.
export async function startEvent(page: Page, kind: string): Promise<void> {
  await page.getByRole("link", { name: "Record a case event" }).click();
  await page.getByRole("radio", { name: kind, exact: true }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: `Record: ${kind}`, level: 1 })).toBeVisible();
  const date = page.getByRole("group", { name: "When did it happen?" });
  const today = todayInLondon();
  await date.getByLabel("Day").fill(today.day);
  await date.getByLabel("Month").fill(today.month);
  await date.getByLabel("Year").fill(today.year);
}

export async function submitEvent(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Record event" }).click();
  await expect(page.getByRole("status")).toHaveText("The case event has been recorded.");
}

// Keyboard only: focus a control and press a key, as a person without a mouse would.
export async function press(
  page: Page,
  name: string | RegExp,
  role: "link" | "button" = "link",
): Promise<void> {
  await page.getByRole(role, { name }).first().focus();
  await page.keyboard.press("Enter");
}

// A second person signed in, in a browser of their own.
export async function signedInPage(browser: Browser, who: AccountName): Promise<Page> {
  const page = await (await browser.newContext({ locale: "en-GB", timezoneId: "Europe/London" })).newPage();
  await signIn(page, who);
  return page;
}

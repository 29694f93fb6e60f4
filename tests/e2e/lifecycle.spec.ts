// One report's whole life, from intake to closed, and the dashboard moving by exactly that
// report at every step. The figures are read from the dashboard's accessible tables (each
// chart has a table of the same numbers), in the officer's own view: their caseload is the
// cohort, so nothing but this report can move it while the journey runs. This spec runs in a
// Playwright project of its own, after every other journey has finished (playwright.config.ts),
// so no journey running beside it adds reports or events to the same caseload.
import type { Page } from "@playwright/test";
import { test, expect, signIn } from "./fixtures";
import { startEvent, submitEvent } from "./helpers";

type Figures = Record<string, number>;

const FUNNEL = "Reports at each stage, from report to conviction";
const HEADLINE = "Headline figures for the reports chosen";
const OUTCOMES = "Outcome that stands for each report (Home Office outcome types)";
const TREND = "Reports by the month they were received";
const OPEN_AGE = "Open reports by time since they were received";
const UPDATES = "Victims' Code updates after key decisions";
const READ = [FUNNEL, HEADLINE, OUTCOMES, TREND, OPEN_AGE, UPDATES];
// Not a cell on the page: reports received less reports still open.
const CLOSED = "closed (received less still open)";

const cell = (table: string, row: string, column: string) => `${table} › ${row} › ${column}`;
const funnel = (stage: string, column: "Reports" | "supported" | "open" | "closed") =>
  cell(
    FUNNEL,
    stage,
    {
      Reports: "Reports",
      supported: "Of these, the person supports action",
      open: "Stopped here, still open",
      closed: "Stopped here, closed",
    }[column],
  );
const headline = (row: string) => cell(HEADLINE, row, "Count");
const outcome = (row: string) => cell(OUTCOMES, row, "Reports");

// The report is received today (London), so it sits in this month's row of the trend.
function thisMonth(): string {
  return new Intl.DateTimeFormat("en-GB", {
    month: "short",
    year: "numeric",
    timeZone: "Europe/London",
  }).format(new Date());
}
const trend = (column: string) => cell(TREND, thisMonth(), column);

// Every count in the chosen tables, keyed by table caption, row header and column header, as
// the page shows it to a screen reader (rates and day counts are left out: they follow).
async function readFigures(page: Page): Promise<Figures> {
  await page.goto("/dashboard");
  await expect(
    page.getByRole("heading", { name: "Outcomes and attrition for your caseload", level: 1 }),
  ).toBeVisible();
  for (const caption of READ) await expect(page.getByRole("table", { name: caption })).toBeVisible();
  const figures = await page.evaluate((captions) => {
    const out: Record<string, number> = {};
    for (const table of document.querySelectorAll("table")) {
      const caption = table.caption?.innerText.trim() ?? "";
      if (!captions.includes(caption)) continue;
      const columns = [...table.querySelectorAll("thead th")].map((th) =>
        (th as HTMLElement).innerText.trim(),
      );
      for (const tr of table.querySelectorAll("tbody tr")) {
        const th = tr.querySelector("th");
        // The row header's first line; a definition may follow on the next.
        const row = th?.innerText.split("\n")[0]?.trim() ?? "";
        tr.querySelectorAll("td").forEach((td, i) => {
          // innerText leaves out what is hidden on screen (the printed, suppressed figure).
          const text = td.innerText.trim();
          if (/^\d[\d,]*$/.test(text))
            out[`${caption} › ${row} › ${columns[i + 1]}`] = Number(text.replace(/,/g, ""));
        });
      }
    }
    return out;
  }, READ);
  const received = figures[headline("Reports received")] ?? 0;
  const open = Object.entries(figures)
    .filter(([key]) => key.startsWith(`${FUNNEL} › `) && key.endsWith(" › Stopped here, still open"))
    .reduce((sum, [, n]) => sum + n, 0);
  return { ...figures, [CLOSED]: received - open };
}

// What changed, and only what changed: a cell that appears or disappears counts from zero.
function changes(before: Figures, after: Figures): Figures {
  const out: Figures = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const d = (after[key] ?? 0) - (before[key] ?? 0);
    if (d !== 0) out[key] = d;
  }
  return out;
}

test("a report goes from intake to closed, and the dashboard moves by exactly that report", async ({
  page,
}) => {
  // Seven dashboard reads and a full intake on a shared machine.
  test.setTimeout(180_000);
  await signIn(page, "officer2");
  let figures = await readFigures(page);
  const expectStep = async (step: string, expected: Figures) => {
    const now = await readFigures(page);
    expect(changes(figures, now), `the dashboard after ${step}`).toEqual(expected);
    figures = now;
  };

  // Intake: the officer's seven steps, received today, the person wanting a full investigation.
  await page.goto("/reports/new");
  await page.getByRole("button", { name: "Start a new report" }).click();
  await page.getByLabel("Working name or pseudonym").fill("Carys");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByText("Step 2 of 7")).toBeVisible();
  await page.getByRole("checkbox", { name: "Physical assault" }).check();
  for (let step = 2; step <= 7; step++) {
    await expect(page.getByText(`Step ${step} of 7`)).toBeVisible();
    const wants = page.getByRole("radio", { name: "Full investigation", exact: true });
    if ((await wants.count()) > 0) await wants.check();
    await page.getByRole("button", { name: "Save and continue" }).click();
  }
  await expect(page.getByRole("heading", { name: "Check your answers" })).toBeVisible();
  await page.getByRole("button", { name: "Submit report" }).click();
  await expect(page.getByRole("heading", { name: "Report submitted" })).toBeVisible();
  const reference = (await page.locator("strong").filter({ hasText: /^SWL-/ }).innerText()).trim();
  await page.getByRole("link", { name: `Open case ${reference}` }).click();
  await expect(page.getByRole("heading", { name: reference, level: 1 })).toBeVisible();
  const caseUrl = page.url();

  await page.goto("/");
  const openReports = page.getByRole("table", { name: /^Open reports/ });
  await expect(openReports.getByRole("link", { name: reference })).toBeVisible();

  await expectStep("intake", {
    [funnel("Reports received", "Reports")]: 1,
    [funnel("Reports received", "supported")]: 1,
    [funnel("Reports received", "open")]: 1,
    [headline("Reports received")]: 1,
    [headline("Person supports action")]: 1,
    [trend("Received")]: 1,
    [trend("Still open")]: 1,
    [outcome("Still open, no outcome yet")]: 1,
    [cell(OPEN_AGE, "Under 3 months", "Open reports")]: 1,
  });

  await page.goto(caseUrl);
  await startEvent(page, "Crime recorded");
  await page.getByLabel("Crime reference").fill("E2E/LIFE/0001");
  await submitEvent(page);
  await expectStep("crime recorded", {
    [funnel("Crime recorded", "Reports")]: 1,
    [funnel("Crime recorded", "supported")]: 1,
    [funnel("Reports received", "open")]: -1,
    [funnel("Crime recorded", "open")]: 1,
  });

  await page.goto(caseUrl);
  await startEvent(page, "Suspect identified");
  await submitEvent(page);
  await expectStep("suspect identified", {
    [funnel("Suspect identified", "Reports")]: 1,
    [funnel("Suspect identified", "supported")]: 1,
    [funnel("Crime recorded", "open")]: -1,
    [funnel("Suspect identified", "open")]: 1,
  });

  // A charge is a key decision: it opens the update the person is owed.
  await page.goto(caseUrl);
  await startEvent(page, "Charged or summonsed");
  await expect(page.getByText(/This is a key decision\. Recording it opens an update/)).toBeVisible();
  await page.getByLabel("Offence charged or summonsed").fill("Assault occasioning actual bodily harm");
  await submitEvent(page);
  await expectStep("the charge", {
    // A charge reaches every stage before it, the file to the CPS included.
    [funnel("File passed to CPS", "Reports")]: 1,
    [funnel("File passed to CPS", "supported")]: 1,
    [funnel("Charged or summonsed", "Reports")]: 1,
    [funnel("Charged or summonsed", "supported")]: 1,
    [funnel("Suspect identified", "open")]: -1,
    [funnel("Charged or summonsed", "open")]: 1,
    [headline("Charged or summonsed")]: 1,
    [headline("Suspects with a charge")]: 1,
    [trend("Charged")]: 1,
    [cell(UPDATES, "Not yet made, not yet due", "Updates")]: 1,
  });

  // Outcome 1 records the same decision as the charge: no second update, and the page says so.
  await page.goto(caseUrl);
  await startEvent(page, "Outcome recorded");
  await expect(page.getByText(/opens no new update/)).toBeVisible();
  await page.getByLabel("Home Office outcome type").selectOption({ label: "1: Charged or summonsed" });
  await submitEvent(page);
  await expectStep("outcome 1", {
    [outcome("Still open, no outcome yet")]: -1,
    [outcome("1: Charged or summonsed")]: 1,
  });

  // The court result after outcome 1 finishes the case: it closes by itself.
  await page.goto(caseUrl);
  await startEvent(page, "Court result");
  await page.getByRole("radio", { name: "Convicted", exact: true }).check();
  await submitEvent(page);
  await expectStep("the conviction", {
    [funnel("Convicted", "Reports")]: 1,
    [funnel("Convicted", "supported")]: 1,
    [funnel("Charged or summonsed", "open")]: -1,
    [funnel("Convicted", "closed")]: 1,
    [headline("Convicted")]: 1,
    [trend("Convicted")]: 1,
    [trend("Still open")]: -1,
    [cell(OPEN_AGE, "Under 3 months", "Open reports")]: -1,
    [CLOSED]: 1,
  });

  await page.goto(caseUrl);
  await expect(page.getByRole("region", { name: "Open or closed" })).toContainText("Final outcome recorded");
  const closing = page
    .getByRole("region", { name: "Timeline" })
    .getByRole("listitem")
    .filter({ hasText: "Report closed" });
  await expect(closing).toHaveCount(1);
  await expect(closing).toContainText("Reason: Final outcome recorded");

  await page.goto("/");
  await expect(page.getByRole("table", { name: /^Open reports/ })).toBeVisible();
  await expect(
    page.getByRole("table", { name: /^Open reports/ }).getByRole("link", { name: reference }),
  ).toHaveCount(0);
});

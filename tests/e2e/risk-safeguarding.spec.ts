import { test, expect, signIn } from "./fixtures";
import { expectAccessible, openOwnCase } from "./helpers";

// A London calendar day some days from today, as the form's boxes and as the page shows it.
function londonDayFromToday(days: number) {
  const shifted = new Date(Date.now() + days * 86_400_000);
  const part = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", ...options }).format(shifted);
  return {
    day: part({ day: "numeric" }),
    month: part({ month: "numeric" }),
    year: part({ year: "numeric" }),
    shown: part({ day: "numeric", month: "short", year: "numeric" }),
  };
}

test.describe("risk and safeguarding on the case", () => {
  test("an officer records a high risk assessment with a review date and sees it on the case", async ({
    page,
  }) => {
    await signIn(page, "officer");
    const reference = await openOwnCase(page, 5);
    const riskPanel = page.getByRole("region", { name: "Risk assessment" });
    await riskPanel.getByRole("link", { name: /^(Assess|Reassess) risk$/ }).click();
    await expect(page.getByRole("heading", { name: "Assess risk", level: 1 })).toBeVisible();
    await expect(page.getByText(`Report ${reference}`)).toBeVisible();

    // Nothing chosen: every problem is listed, linked to its field.
    await page.getByRole("button", { name: "Record assessment" }).click();
    const summary = page.getByRole("alert", { name: "There is a problem" });
    await expect(summary.getByRole("link")).toHaveText([
      "Choose the risk level",
      "Enter why you chose this risk level",
    ]);
    await expectAccessible(page);

    const factors = page.getByRole("group", { name: "Which risk factors are present?" });
    await factors.getByRole("checkbox", { name: "Current threat from the suspect or others" }).check();
    await factors.getByRole("checkbox", { name: "Coercion or control by another person" }).check();
    await page
      .getByRole("group", { name: "What is the risk level?" })
      .getByRole("radio", { name: "High", exact: true })
      .check();
    await page
      .getByLabel("Why did you choose this level?")
      .fill("Threats by text since the report; he knows her flat.");
    await page.getByLabel("Safety plan (optional)").fill("Daily welfare call; panic alarm fitted.");
    const review = londonDayFromToday(3);
    const date = page.getByRole("group", { name: "When should the assessment be reviewed?" });
    await date.getByLabel("Day").fill(review.day);
    await date.getByLabel("Month").fill(review.month);
    await date.getByLabel("Year").fill(review.year);
    await page.getByRole("button", { name: "Record assessment" }).click();

    await expect(page.getByRole("status")).toHaveText("The risk assessment has been recorded.");
    await expect(riskPanel).toContainText("High");
    await expect(riskPanel).toContainText("Coercion or control by another person");
    await expect(riskPanel).toContainText("Threats by text since the report");
    await expect(riskPanel).toContainText("Daily welfare call; panic alarm fitted.");
    await expect(riskPanel).toContainText(`Next review${review.shown}`);
    await expect(riskPanel).not.toContainText("Review overdue");
    await expect(riskPanel.getByRole("link", { name: "Reassess risk" })).toBeVisible();
    await expectAccessible(page);
  });

  test("an officer adds a modern-slavery safeguarding record, prompted about the NRM", async ({ page }) => {
    await signIn(page, "officer");
    await openOwnCase(page, 6);
    const panel = page.getByRole("region", { name: "Safeguarding" });
    await panel.getByRole("link", { name: "Add a safeguarding record" }).click();
    await expect(page.getByRole("heading", { name: "Add a safeguarding record", level: 1 })).toBeVisible();
    const concern = page.getByRole("group", { name: "What is the safeguarding concern?" });
    await expect(concern).toContainText("National Referral Mechanism");
    await expect(concern).toContainText("duty to report a child at risk");
    await expectAccessible(page);

    await concern.getByRole("radio", { name: "Modern slavery or trafficking indicators" }).check();
    await page
      .getByRole("group", { name: "Has a safeguarding referral been made?" })
      .getByLabel("Yes")
      .check();
    await page.getByRole("button", { name: "Add record" }).click();
    await expect(page.getByRole("alert", { name: "There is a problem" }).getByRole("link")).toHaveText([
      "Enter who the referral was made to",
    ]);
    // The choices made survive the failed save.
    await expect(
      concern.getByRole("radio", { name: "Modern slavery or trafficking indicators" }),
    ).toBeChecked();
    await expectAccessible(page);

    await page
      .getByLabel("If yes: who was the referral made to?")
      .fill("National Referral Mechanism (first responder)");
    await page.getByRole("button", { name: "Add record" }).click();
    await expect(page.getByRole("status")).toHaveText("The safeguarding record has been added.");
    const records = panel.getByRole("table", { name: "Safeguarding records" });
    await expect(
      records.getByRole("row").filter({ hasText: "Modern slavery or trafficking indicators" }).last(),
    ).toContainText("Referral made to National Referral Mechanism (first responder)");
  });

  test("a crime not recorded within 24 hours is listed on the home page and flagged on the case", async ({
    page,
  }) => {
    await signIn(page, "officer");
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Risk reviews overdue", level: 2 })).toBeVisible();
    const crimes = page.getByRole("table", { name: /^Crimes not yet recorded/ });
    await expectAccessible(page);
    const first = crimes.getByRole("row").nth(1).getByRole("link", { name: /^SWL-/ });
    const reference = await first.innerText();
    await first.click();
    await expect(page.getByRole("heading", { name: reference, level: 1 })).toBeVisible();
    const warning = page.getByRole("region", { name: "Crime not yet recorded" });
    await expect(warning).toContainText("no crime reference was recorded within 24 hours");

    await warning.getByRole("link", { name: "Record why the crime is not recorded" }).click();
    await expect(
      page.getByRole("heading", { name: "Record why the crime is not recorded", level: 1 }),
    ).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Save reason" }).click();
    await expect(page.getByRole("alert", { name: "There is a problem" }).getByRole("link")).toHaveText([
      "Enter why the crime is not being recorded",
    ]);
    await page
      .getByLabel("Why is the crime not being recorded?")
      .fill("Awaiting the person's decision; PS Evans to review.");
    await page.getByRole("button", { name: "Save reason" }).click();
    await expect(page.getByRole("status")).toHaveText("The reason the crime is not recorded has been saved.");
    // A reason alone is not the person's choice of intelligence only: the warning stays, with it.
    await expect(page.getByRole("region", { name: "Crime not yet recorded" })).toContainText(
      "Awaiting the person's decision; PS Evans to review.",
    );
  });
});

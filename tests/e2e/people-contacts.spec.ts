import type { Locator, Page } from "@playwright/test";
import { test, expect, signIn } from "./fixtures";
import { expectAccessible } from "./helpers";

// Keyboard only: focus moves with Tab, text is typed, choices are made with Space.
async function typeInto(page: Page, field: Locator, text: string) {
  await field.focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(text);
}

async function openPerson(page: Page, workingName: string) {
  await page.getByRole("link", { name: "People" }).click();
  await page.getByLabel("Working name or pseudonym").fill(workingName);
  await page.keyboard.press("Enter");
  await page.getByRole("link", { name: workingName, exact: true }).click();
  await expect(page.getByRole("heading", { name: workingName, level: 1 })).toBeVisible();
}

test.describe("liaison contacts", () => {
  test("an officer finds a person, reads their contact safety first, and logs a contact by keyboard alone", async ({
    page,
  }) => {
    await signIn(page, "officer");
    await openPerson(page, "Jade");
    const safety = page.getByRole("region", { name: "Contact safety" });
    await expect(safety).toContainText("Do not text after 10pm");
    await expect(safety).toContainText("In person, Phone call, Text message");
    await expect(
      page
        .getByRole("table", { name: /Reports by Jade/ })
        .getByRole("link", { name: /^SWL-/ })
        .first(),
    ).toBeVisible();

    await page.getByRole("link", { name: "Log a contact" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: "Log a contact", level: 1 })).toBeVisible();
    await expect(page.getByRole("region", { name: "Contact safety" })).toContainText(
      "Do not text after 10pm",
    );

    const kind = page.getByRole("group", { name: "What kind of contact was it?" });
    await kind.getByRole("radio", { name: "Outreach" }).focus();
    await page.keyboard.press("ArrowDown");
    await expect(kind.getByRole("radio", { name: "Welfare check" })).toBeChecked();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Space");
    await expect(
      page
        .getByRole("group", { name: "How did the contact happen?" })
        .getByRole("radio", { name: "In person" }),
    ).toBeChecked();
    await typeInto(
      page,
      page.getByLabel("Notes (optional)"),
      "Met at the outreach van. Doing well; wants a call next week.",
    );
    const followUp = page.getByRole("group", { name: "Follow-up date (optional)" });
    const nextYear = String(new Date().getFullYear() + 1);
    await typeInto(page, followUp.getByLabel("Day"), "2");
    await page.keyboard.press("Tab");
    await page.keyboard.type("3");
    await page.keyboard.press("Tab");
    await page.keyboard.type(nextYear);
    await page.getByRole("button", { name: "Save contact" }).focus();
    await page.keyboard.press("Enter");

    await expect(page).toHaveURL(/\/people\/[0-9a-f-]{36}\?contact=saved$/);
    await expect(page.getByRole("status")).toHaveText("Contact saved.");
    const newest = page
      .getByRole("table", { name: /Contacts with Jade/ })
      .getByRole("row")
      .nth(1);
    await expect(newest).toContainText("Welfare check");
    await expect(newest).toContainText("In person");
    await expect(newest).toContainText("Met at the outreach van. Doing well; wants a call next week.");
    await expect(newest).toContainText(`2 Mar ${nextYear}`);
    await expect(newest).toContainText("PC Rhian Morgan");
  });

  test("a failed save says what is wrong and keeps everything typed", async ({ page }) => {
    await signIn(page, "officer");
    await openPerson(page, "Dee");
    await page.getByRole("link", { name: "Log a contact" }).click();
    await page.getByRole("radio", { name: "Safety advice" }).check();
    const when = page.getByRole("group", { name: "When was the contact?" });
    await when.getByLabel("Day").fill("31");
    await when.getByLabel("Month").fill("4");
    await page.getByLabel("Notes (optional)").fill("Gave the latest alert about a <b>dangerous</b> driver.");
    const followUp = page.getByRole("group", { name: "Follow-up date (optional)" });
    await followUp.getByLabel("Day").fill("1");
    await followUp.getByLabel("Month").fill("1");
    await followUp.getByLabel("Year").fill("2020");
    await page.getByRole("button", { name: "Save contact" }).click();

    const summary = page.getByRole("alert", { name: "There is a problem" });
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("link")).toHaveText([
      "Choose how the contact happened",
      "Enter a real date for the contact, like 27 3 2026",
      "The follow-up date must be today or in the future",
    ]);
    await expect(page.getByRole("radio", { name: "Safety advice" })).toBeChecked();
    await expect(when.getByLabel("Day")).toHaveValue("31");
    await expect(when.getByLabel("Day")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Notes (optional)")).toHaveValue(
      "Gave the latest alert about a <b>dangerous</b> driver.",
    );
    await expect(followUp.getByLabel("Year")).toHaveValue("2020");
    await summary.getByRole("link", { name: "Choose how the contact happened" }).click();
    await expect(page.getByRole("radio", { name: "In person" })).toBeFocused();
    await expectAccessible(page);
  });

  test("language advice appears for stigmatising words, and the contact still saves as typed", async ({
    page,
  }) => {
    await signIn(page, "officer");
    await openPerson(page, "Kelly");
    await page.getByRole("link", { name: "Log a contact" }).click();
    await page.getByRole("radio", { name: "Outreach" }).check();
    await page.getByRole("radio", { name: "Phone call" }).check();
    const notes = page.getByLabel("Notes (optional)");
    await notes.pressSequentially("Spoke to Kelly, a known prostitute in the area.");
    await expect(page.getByText("Check the wording")).toBeVisible();
    await expect(
      page
        .getByRole("listitem")
        .filter({ hasText: "“known prostitute”: consider “a sex worker the unit is in contact with”." }),
    ).toBeVisible();
    await expect(page.locator("[aria-live=polite]").filter({ hasText: "known prostitute" })).toHaveCount(1);
    await page.getByRole("button", { name: "Save contact" }).click();
    await expect(page.getByRole("status")).toHaveText("Contact saved.");
    await expect(
      page
        .getByRole("table", { name: /Contacts with Kelly/ })
        .getByRole("row")
        .nth(1),
    ).toContainText("Spoke to Kelly, a known prostitute in the area.");
  });

  test("a contact logged from a case is linked to it, goes back to the case, and the person opens from there", async ({
    page,
  }) => {
    await signIn(page, "officer");
    await openPerson(page, "Tash");
    await page
      .getByRole("table", { name: /Reports by Tash/ })
      .getByRole("link", { name: /^SWL-/ })
      .first()
      .click();
    await expect(page).toHaveURL(/\/reports\/[0-9a-f-]{36}$/);
    const reportUrl = page.url();
    const reportId = reportUrl.split("/").pop() ?? "";
    const reference = await page.getByRole("heading", { level: 1 }).innerText();

    await page.getByRole("link", { name: "Log a contact" }).first().click();
    await expect(page).toHaveURL(new RegExp(`/contacts/new\\?report=${reportId}$`));
    await expect(page.getByLabel("Which report is this about? (optional)")).toHaveValue(reportId);
    await page.getByRole("radio", { name: "Court support" }).check();
    await page.getByRole("radio", { name: "Through a partner agency" }).check();
    await page.getByRole("button", { name: "Save contact" }).click();
    await expect(page).toHaveURL(`${reportUrl}?contact=saved`);

    await page.getByRole("link", { name: "Tash", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Tash", level: 1 })).toBeVisible();
    const newest = page
      .getByRole("table", { name: /Contacts with Tash/ })
      .getByRole("row")
      .nth(1);
    await expect(newest).toContainText("Court support");
    await expect(newest.getByRole("link", { name: reference })).toHaveAttribute(
      "href",
      `/reports/${reportId}`,
    );
  });

  test("a case update names its report and the decisions told, and clears only those", async ({ page }) => {
    await signIn(page, "officer");
    // An update the demo data leaves overdue: other journeys only add updates still in time.
    const owed = page
      .getByRole("table", { name: /^Updates due/ })
      .getByRole("row")
      .filter({ hasText: "Overdue" })
      .first();
    await expect(owed).toBeVisible();
    const reference = await owed.getByRole("link", { name: /^SWL-/ }).innerText();
    const decisions = await owed.getByRole("listitem").allInnerTexts();
    expect(decisions.length).toBeGreaterThan(0);
    const told = decisions[0] ?? "";
    await owed.getByRole("link", { name: reference }).click();
    await expect(page).toHaveURL(/\/reports\/[0-9a-f-]{36}$/);
    const reportId = page.url().split("/").pop() ?? "";

    await page.getByRole("link", { name: "Log a contact" }).first().click();
    await page.getByRole("radio", { name: "Case update" }).check();
    await expect(page.getByLabel("Which report was the update about?")).toHaveValue(reportId);
    const choices = page.getByRole("group", { name: "Which decisions did you tell them about?" });
    // Nothing is ticked for the officer: ticking says the person was told.
    await expect(choices.getByRole("checkbox", { checked: true })).toHaveCount(0);
    // "Arrested, 3 Mar 2026" on the home page is "Arrested on 3 Mar 2026 (due by …)" here.
    const cut = told.lastIndexOf(", ");
    const box = choices
      .getByRole("checkbox", { name: `${told.slice(0, cut)} on ${told.slice(cut + 2)}` })
      .first();
    await box.check();
    await page.getByLabel("Notes (optional)").fill("Told them the suspect was arrested.");
    await page.getByRole("button", { name: "Save contact" }).click();

    // The method was left out: the error says so, and the report, tick and notes are kept.
    const summary = page.getByRole("alert", { name: "There is a problem" });
    await expect(summary.getByRole("link")).toHaveText(["Choose how the contact happened"]);
    await expect(page.getByLabel("Which report was the update about?")).toHaveValue(reportId);
    await expect(box).toBeChecked();
    await expect(page.getByLabel("Notes (optional)")).toHaveValue("Told them the suspect was arrested.");
    await expectAccessible(page);
    await page.getByRole("radio", { name: "Phone call" }).check();
    await page.getByRole("button", { name: "Save contact" }).click();

    await expect(page).toHaveURL(new RegExp(`/reports/${reportId}\\?contact=saved$`));
    const onCase = page.getByRole("table", { name: "Updates owed to the person" });
    await expect(
      onCase
        .getByRole("row")
        .filter({ hasText: `${told}` })
        .first(),
    ).toContainText("Given on");
    await page.getByRole("link", { name: "Home" }).click();
    const after = page
      .getByRole("table", { name: /^Updates due/ })
      .getByRole("row")
      .filter({ hasText: reference });
    const left = (await after.getByRole("listitem").allInnerTexts()).filter((d) => d === told);
    expect(left.length).toBe(decisions.filter((d) => d === told).length - 1);
  });

  test("the person page and the contact form have no serious accessibility problems", async ({ page }) => {
    await signIn(page, "officer");
    await openPerson(page, "Cerys");
    await expect(page.getByText("Use Cymraeg in all contact with this person.")).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Log a contact" }).click();
    await expect(page.getByRole("heading", { name: "Log a contact", level: 1 })).toBeVisible();
    await expectAccessible(page);
  });

  test("an officer updates a person's contact safety, and the person page shows it first", async ({
    page,
  }) => {
    await signIn(page, "officer");
    await openPerson(page, "Gem");
    await page.getByRole("link", { name: "Change details or contact safety" }).click();
    await expect(page.getByRole("heading", { name: "Change details", level: 1 })).toBeVisible();
    await expectAccessible(page);
    await expect(page.getByRole("checkbox", { name: "In person" })).toBeChecked();
    await page.getByRole("checkbox", { name: "Through a partner agency" }).check();
    await page
      .getByLabel("Do not (optional)")
      .fill("Has no phone: meet on outreach. Never approach when a client is near.");
    await page.getByRole("button", { name: "Save details" }).click();
    await expect(page.getByRole("status")).toHaveText("Details saved.");
    const safety = page.getByRole("region", { name: "Contact safety" });
    await expect(safety).toContainText("In person, Through a partner agency");
    await expect(safety).toContainText("Never approach when a client is near.");
  });

  test("partners and administrators opening a person's address get 'not found'", async ({ browser }) => {
    const officer = await browser.newPage();
    await signIn(officer, "officer");
    await openPerson(officer, "Bethan");
    const personUrl = officer.url();
    await officer.close();

    for (const who of ["partner", "admin"] as const) {
      const page = await browser.newPage();
      await signIn(page, who);
      for (const url of [personUrl, `${personUrl}/contacts/new`, `${personUrl}/edit`, "/people"]) {
        const response = await page.goto(url);
        expect(response?.status(), url).toBe(404);
        await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
      }
      await page.close();
    }
  });
});

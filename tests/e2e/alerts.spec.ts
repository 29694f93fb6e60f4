import { test, expect, signIn } from "./fixtures";
import { expectAccessible, press, signedInPage } from "./helpers";

const SEEDED = "Man in a silver estate car picking up workers";
const TITLE = "Silver estate driver seen again near the docks";

test.describe("safety alerts", () => {
  test("an officer drafts an alert from a case, a supervisor approves it, the partner prints it and another agency cannot open it", async ({
    page,
    browser,
  }) => {
    test.setTimeout(180_000);
    await signIn(page, "officer");
    await press(page, "Safety alerts");
    await expect(page.getByRole("heading", { name: "Safety alerts", level: 1 })).toBeVisible();
    await expectAccessible(page);

    // From the seeded alert to the report it was built from, and from that case a new draft.
    await press(page, SEEDED);
    await expect(page.getByRole("heading", { name: SEEDED, level: 1 })).toBeVisible();
    const builtFrom = page.getByRole("region", { name: "What each part was built from" });
    await builtFrom.getByRole("link").first().focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: "Safety alerts", level: 2 })).toBeVisible();
    await press(page, "Draft a safety alert from this report");
    await expect(page.getByRole("heading", { name: "Draft a safety alert", level: 1 })).toBeVisible();

    // Prefilled from the report's suspect, never from its narrative.
    await expect(page.getByLabel("Description of the person")).toHaveValue(/silver estate/);
    await expect(page.getByLabel("Vehicles")).toHaveValue(/zc19/i);
    await expect(page.getByLabel("What happened, in general terms")).toHaveValue(/^Reports to the unit of/);
    await expect(page.getByText("Built from: suspect vehicle registrations")).toBeVisible();
    await expectAccessible(page);

    await press(page, "Save draft", "button");
    const summary = page.getByRole("alert", { name: "There is a problem" });
    await expect(summary).toContainText("Enter a title.");
    await expect(summary).toContainText("Choose at least one partner agency.");
    // What was prefilled is still there after the refusal.
    await expect(page.getByLabel("Vehicles")).toHaveValue(/zc19/i);
    await page.getByLabel("Title").fill(TITLE);
    await page.getByRole("checkbox", { name: "Demo Women's Aid" }).focus();
    await page.keyboard.press("Space");
    await press(page, "Save draft", "button");
    await expect(page.getByRole("status")).toHaveText("Draft saved.", { timeout: 20_000 });
    await expect(page.getByRole("heading", { name: TITLE, level: 1 })).toBeVisible();
    await expectAccessible(page);
    await press(page, "Send for approval", "button");
    await expect(page.getByRole("status")).toHaveText("Sent for approval.", { timeout: 20_000 });
    // An officer is offered no approval.
    await expect(page.getByRole("button", { name: "Approve and send to partners" })).toHaveCount(0);
    const alertUrl = page.url().replace(/\?.*$/, "");

    // A supervisor approves, keeping the default expiry.
    const supervisor = await signedInPage(browser, "supervisor");
    await supervisor.goto(alertUrl);
    await expect(supervisor.getByRole("heading", { name: TITLE, level: 1 })).toBeVisible();
    await expectAccessible(supervisor);
    await press(supervisor, "Approve and send to partners", "button");
    await expect(supervisor.getByRole("status")).toHaveText("Approved. Partners can now see this alert.", {
      timeout: 20_000,
    });

    // The partner sees it on their home page and opens the printable sheet.
    const partner = await signedInPage(browser, "partner");
    await partner.goto("/referrals");
    const alerts = partner.getByRole("region", { name: "Safety alerts" });
    await expect(alerts).toContainText(TITLE);
    await expectAccessible(partner);
    await press(partner, new RegExp(`^Open and print: ${TITLE}$`));
    await expect(partner.getByRole("heading", { name: TITLE, level: 1 })).toBeVisible();
    await expect(partner.getByRole("heading", { name: "Vehicles" })).toBeVisible();
    await expect(partner.getByRole("button", { name: "Print" })).toBeVisible();
    await expectAccessible(partner);
    await partner.emulateMedia({ media: "print" });
    await expect(partner.getByRole("button", { name: "Print" })).toBeHidden();

    // Another agency opening it by its address gets "not found".
    const partner2 = await signedInPage(browser, "partner2");
    await partner2.goto(alertUrl);
    await expect(partner2.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(partner2.getByText(TITLE)).toHaveCount(0);
  });
});

import type { Page } from "@playwright/test";
import { test, expect, signIn } from "./fixtures";
import { expectAccessible, press, signedInPage } from "./helpers";

async function openPerson(page: Page, workingName: string) {
  await page.getByRole("link", { name: "People" }).click();
  await page.getByLabel("Working name or pseudonym").fill(workingName);
  await page.keyboard.press("Enter");
  await page.getByRole("link", { name: workingName, exact: true }).click();
  await expect(page.getByRole("heading", { name: workingName, level: 1 })).toBeVisible();
}

test.describe("consent and referrals", () => {
  test("an officer records consent and refers; the partner accepts and updates; withdrawal reaches the partner", async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    await signIn(page, "officer");
    await openPerson(page, "Marnie");
    const personUrl = page.url();

    // Consent, by keyboard.
    await press(page, "Record consent to share");
    await expect(page.getByRole("heading", { name: "Record consent to share", level: 1 })).toBeVisible();
    await expectAccessible(page);
    await press(page, "Record consent", "button");
    await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText(
      "Choose the partner agency",
    );
    await page.getByLabel("Partner agency", { exact: true }).selectOption({ label: "Demo Women's Aid" });
    const fields = page.getByRole("group", { name: "What may be shared?" });
    for (const name of ["Working name", "Support needed", "Reason for the referral"]) {
      await fields.getByRole("checkbox", { name }).focus();
      await page.keyboard.press("Space");
    }
    await page
      .getByRole("group", { name: "How did they give consent?" })
      .getByRole("radio", { name: "Written" })
      .check();
    await expectAccessible(page);
    await press(page, "Record consent", "button");
    await expect(page.getByRole("status").first()).toHaveText("Consent recorded.");
    const consents = page.getByRole("table", { name: /Consents given by Marnie/ });
    await expect(consents.getByRole("row").nth(1)).toContainText("Live");

    // Referral on that consent: only its fields are offered.
    await press(page, "Refer to Demo Women's Aid");
    await expect(page.getByRole("heading", { name: "Refer to a partner agency", level: 1 })).toBeVisible();
    const shared = page.getByRole("group", { name: "What will be shared?" });
    await expect(shared.getByRole("checkbox")).toHaveCount(3);
    await page
      .getByRole("textbox", { name: "Reason for the referral" })
      .fill("Wants support after a robbery");
    await page.getByLabel("Support requested").fill("Someone to talk to, and help with a new phone");
    await shared.getByRole("checkbox", { name: "Working name" }).check();
    await shared.getByRole("checkbox", { name: "Support needed" }).check();
    await page.getByLabel("Your contact details for the agency").fill("PC Demo, 01632 960123");
    await expectAccessible(page);
    await press(page, "Send referral", "button");
    await expect(page).toHaveURL(/\/people\/[0-9a-f-]{36}\?referral=sent$/);
    const referrals = page.getByRole("table", { name: /Referrals of Marnie/ });
    await expect(referrals.getByRole("row").nth(1)).toContainText("Demo Women's Aid");
    await expect(referrals.getByRole("row").nth(1)).toContainText("New");

    // The partner sees it, accepts and adds an update.
    const partner = await signedInPage(browser, "partner");
    await expect(partner).toHaveURL(/\/referrals$/);
    await expectAccessible(partner);
    const list = partner.getByRole("table", { name: /Referrals/ });
    await expect(list.getByRole("row").nth(1)).toContainText("Marnie");
    await list
      .getByRole("link", { name: /^Referral of / })
      .first()
      .focus();
    await partner.keyboard.press("Enter");
    await expect(partner).toHaveURL(/\/referrals\/[0-9a-f-]{36}$/);
    await expect(partner.getByRole("heading", { name: "Referral", exact: true, level: 1 })).toBeVisible();
    const referralUrl = partner.url();
    const details = partner.getByRole("region", { name: "What the person agreed to share" });
    await expect(details).toContainText("Marnie");
    await expect(details).toContainText("Someone to talk to");
    await expect(details).not.toContainText("robbery");
    await expectAccessible(partner);
    await press(partner, "Accept referral", "button");
    await expect(partner.getByRole("status")).toHaveText("Referral accepted.");
    await partner.getByRole("textbox", { name: "Update" }).fill("First appointment booked for Tuesday");
    await press(partner, "Add update", "button");
    await expect(partner.getByRole("status")).toHaveText("Update added.");
    await expect(partner.getByRole("region", { name: "Updates" })).toContainText("First appointment booked");
    await expectAccessible(partner);

    // The officer sees the answer and the update.
    await page.goto(personUrl);
    const row = page
      .getByRole("table", { name: /Referrals of Marnie/ })
      .getByRole("row")
      .nth(1);
    await expect(row).toContainText("Accepted");
    await expect(row).toContainText("First appointment booked for Tuesday");

    // Withdrawal, recorded by the officer, takes effect at once.
    await press(page, "Record withdrawal of consent for Demo Women's Aid");
    await expect(page.getByRole("heading", { name: "Record withdrawal of consent", level: 1 })).toBeVisible();
    await page
      .getByRole("group", { name: "How did they withdraw consent?" })
      .getByRole("radio", { name: "Spoken" })
      .check();
    await expectAccessible(page);
    await press(page, "Record withdrawal", "button");
    await expect(page.getByRole("status").first()).toContainText("Consent withdrawn");
    await expect(
      page
        .getByRole("table", { name: /Referrals of Marnie/ })
        .getByRole("row")
        .nth(1),
    ).toContainText("Agency has not yet confirmed erasure");

    // The partner is told at once, sees nothing of what was shared, and confirms erasure.
    await partner.goto(referralUrl);
    await expect(
      partner.getByRole("heading", { name: /Consent withdrawn: stop using and erase/ }),
    ).toBeVisible();
    await expect(partner.getByText("Marnie")).toHaveCount(0);
    await expect(partner.getByText("First appointment booked")).toHaveCount(0);
    await expectAccessible(partner);
    await press(partner, "I confirm we have erased it", "button");
    await expect(partner.getByRole("status")).toHaveText("Thank you: erasure confirmed.");

    await page.goto(personUrl);
    await expect(
      page
        .getByRole("table", { name: /Referrals of Marnie/ })
        .getByRole("row")
        .nth(1),
    ).toContainText("Agency confirmed erasure");

    // Another agency cannot open it.
    const other = await signedInPage(browser, "partner2");
    const response = await other.goto(referralUrl);
    expect(response?.status()).toBe(404);
    await expect(other.getByText("Marnie")).toHaveCount(0);
  });
});

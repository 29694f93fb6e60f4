// Need to know, as the unit lives it: a supervisor restricts a case; a colleague sees only
// its reference, opens it by override after confirming their password and giving a reason;
// the supervisor is alerted on their home page and marks the override reviewed.
import { test, expect, ACCOUNTS, DEMO_PASSWORD } from "./fixtures";
import { expectAccessible, signedInPage } from "./helpers";
import { query } from "./support/seeded-db";

// The oldest open demo case of the first officer's, with an account to keep private: far
// from the newest cases that other journeys open from the home page.
async function caseToRestrict() {
  const [row] = await query<{ id: string; reference: string }>(
    `SELECT r.id, r.reference
       FROM "IncidentReport" r JOIN "User" u ON u.id = r."assignedOfficerId"
      WHERE u.email = $1 AND r.status = 'OPEN' AND NOT r.restricted AND r.narrative IS NOT NULL
      ORDER BY r."reportedAt" ASC, r.id ASC LIMIT 1`,
    [ACCOUNTS.officer],
  );
  if (!row) throw new Error("the demo data has no open case with an account for the officer");
  return row;
}

// As if the colleague signed in more than five minutes ago: the override asks again.
async function ageSessionsOf(email: string) {
  await query(
    `UPDATE "Session" SET "createdAt" = now() - interval '10 minutes', "reauthenticatedAt" = NULL
      WHERE "endedAt" IS NULL AND "userId" = (SELECT id FROM "User" WHERE email = $1)`,
    [email],
  );
}

test("a colleague opens a restricted case by override, and the supervisor is alerted", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const report = await caseToRestrict();
  const reason = "The person rang the unit for an update while the assigned officer is on leave.";

  // The supervisor restricts the case, saying why.
  const supervisor = await signedInPage(browser, "supervisor");
  await supervisor.goto(`/reports/${report.id}`);
  // The account in the person's own words, as a supervisor reads it (the stored text may be
  // encrypted): a part of it long enough to be unmistakable.
  const account = await supervisor
    .getByRole("region", { name: "In their own words" })
    .locator("p")
    .innerText();
  // Letters, spaces and plain punctuation only, so that no escaping (HTML or JSON) hides it.
  const narrative = account.match(/[A-Za-z][A-Za-z ,.]{15,39}/)?.[0] ?? "";
  expect(narrative.length).toBeGreaterThan(15);
  await supervisor.getByRole("link", { name: "Restrict this case" }).click();
  await supervisor.getByRole("button", { name: "Restrict the case" }).click();
  await expect(supervisor.getByRole("alert", { name: "There is a problem" })).toContainText(
    "Enter your reason",
  );
  await supervisor.getByLabel("Why?").fill("A relative of the suspect works in this unit.");
  await supervisor.getByRole("button", { name: "Restrict the case" }).click();
  await expect(supervisor.getByText(/^This case is restricted: only the assigned officer/)).toBeVisible();

  // A colleague sees the reference and that it is restricted, nothing of the account,
  // neither in the page nor in the React payload behind it.
  const colleague = await signedInPage(browser, "officer2");
  const page = await colleague.goto(`/reports/${report.id}`);
  expect(page?.status()).toBe(200);
  await expect(colleague.getByRole("heading", { level: 1 })).toHaveText(report.reference);
  await expect(colleague.getByText("This case is restricted.", { exact: true })).toBeVisible();
  expect(await colleague.locator("body").innerText()).not.toContain(narrative);
  expect(await colleague.content()).not.toContain(narrative);
  const payload = await colleague.request.get(`/reports/${report.id}`, { headers: { RSC: "1" } });
  expect(await payload.text()).not.toContain(narrative);
  await expectAccessible(colleague);

  // Opening it asks for the password again (the sign-in was long enough ago), then a reason.
  await ageSessionsOf(ACCOUNTS.officer2);
  await colleague.getByRole("link", { name: "Open this case by override" }).click();
  await expect(colleague.getByRole("heading", { name: "Confirm it is you" })).toBeVisible();
  await colleague.getByLabel("Your password").fill(DEMO_PASSWORD);
  await colleague.getByRole("button", { name: "Confirm" }).click();
  await expect(colleague.getByRole("heading", { name: "Open a restricted case" })).toBeVisible();
  await expectAccessible(colleague);
  await colleague.getByRole("button", { name: "Open the case" }).click();
  await expect(colleague.getByRole("alert", { name: "There is a problem" })).toContainText(
    "Enter your reason",
  );
  await colleague.getByLabel("Why do you need to open this case?").fill(reason);
  await colleague.getByRole("button", { name: "Open the case" }).click();
  await expect(colleague).toHaveURL(new RegExp(`/reports/${report.id}$`));
  await expect(colleague.getByText(narrative, { exact: false })).toBeVisible();
  // No personal data reached an address on the way.
  expect(colleague.url()).not.toContain(encodeURIComponent(reason).slice(0, 20));

  // The supervisor's home page lists the override with the reason, until it is reviewed.
  await supervisor.goto("/");
  const alert = supervisor.getByRole("region", { name: "Restricted cases opened by override" });
  await expect(alert).toBeVisible();
  const row = alert.getByRole("row").filter({ hasText: report.reference });
  await expect(row).toContainText(reason);
  await expect(row).toContainText("PC Daniel Okoro");
  await expectAccessible(supervisor);
  await row.getByRole("button", { name: `Mark reviewed (${report.reference})` }).click();
  await expect(supervisor.getByRole("row").filter({ hasText: reason })).toHaveCount(0);

  // Lifting the restriction, with a reason, closes the loop for the next journey.
  await supervisor.goto(`/reports/${report.id}`);
  await supervisor.getByRole("link", { name: "Lift the restriction" }).click();
  await supervisor.getByLabel("Why?").fill("The journey is over.");
  await supervisor.getByRole("button", { name: "Lift the restriction" }).click();
  await expect(supervisor.getByText("This case is not restricted.")).toBeVisible();
});

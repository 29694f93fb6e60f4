// Shared steps for the journeys: signing in as a demo account, and failing any test whose
// page logged an error to the browser console.
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test as base, expect, type Cookie, type Page } from "@playwright/test";
import { DEMO_TOTP_SECRET } from "../../lib/auth/demo-totp";
import { TOTP_STEP_SECONDS, totpAt } from "../../lib/auth/totp";

export const DEMO_PASSWORD = "LiaisonDemo!2026";

export const ACCOUNTS = {
  officer: "officer@demo.liaison.test",
  officer2: "officer2@demo.liaison.test",
  supervisor: "supervisor@demo.liaison.test",
  partner: "partner@demo.liaison.test",
  partner2: "partner2@demo.liaison.test",
  admin: "admin@demo.liaison.test",
} as const;

export type AccountName = keyof typeof ACCOUNTS;

// Signing in needs a TOTP code, and the app accepts each 30-second step once per account
// (replay protection). The journeys sign the same six accounts in many times from two
// workers, so:
// - each worker signs an account in once and reuses that session's cookies for later tests
//   (checked on use: a test that signed out or ended the session gets a fresh sign-in);
// - a fresh sign-in (the form, with a code) takes a per-account lock shared by the workers
//   and uses a step that no earlier sign-in of that account used, waiting for the next step
//   when it must. `{ fresh: true }` asks for a new session, for tests that need one.
const sessions = new Map<AccountName, Cookie[]>();

export async function signIn(page: Page, who: AccountName, options: { fresh?: boolean } = {}): Promise<void> {
  const context = page.context();
  const saved = sessions.get(who);
  if (saved && !options.fresh) {
    await context.clearCookies();
    await context.addCookies(saved);
    await page.goto("/");
    if (!new URL(page.url()).pathname.startsWith("/login")) {
      await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible({ timeout: 20_000 });
      return;
    }
    sessions.delete(who);
  }
  // Signing in from a browser that holds a session ends that session: start clean.
  await context.clearCookies();
  await page.goto("/login");
  await submitSignIn(page, who);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible({ timeout: 20_000 });
  sessions.set(who, await context.cookies());
}

// Fills the sign-in form on the current page (email, password and a code nobody has used)
// and submits it, waiting until the app has answered and left the sign-in page.
export async function submitSignIn(page: Page, who: AccountName, password = DEMO_PASSWORD): Promise<void> {
  await withUnusedStep(who, async (code) => {
    await page.getByLabel("Email").fill(ACCOUNTS[who]);
    await page.getByLabel("Password").fill(password);
    await page.getByLabel("Code from your authenticator app").fill(code);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  });
}

const STEP_MS = TOTP_STEP_SECONDS * 1000;
const lockRoot = join(tmpdir(), `liaison-e2e-totp-${process.env.E2E_PORT ?? "3100"}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Runs `run` with the demo code of a step this account has not used before, holding a lock
// that the other workers respect, so no two sign-ins of one account share a step.
export async function withUnusedStep<T>(key: string, run: (code: string) => Promise<T>): Promise<T> {
  return withStepLock(key, async (claim) =>
    run(totpAt(DEMO_TOTP_SECRET, new Date((await claim()) * STEP_MS))),
  );
}

// The lock behind withUnusedStep, for any secret: `claim` waits for a step after the last
// one claimed under `key` and returns it (the caller computes the code for it).
export async function withStepLock<T>(
  key: string,
  run: (claim: () => Promise<number>) => Promise<T>,
): Promise<T> {
  // Waiting for the lock and then for a new step can take up to a minute.
  base.info().setTimeout(base.info().timeout + 65_000);
  mkdirSync(lockRoot, { recursive: true });
  const lock = join(lockRoot, `${key}.lock`);
  const stepFile = join(lockRoot, `${key}.step`);
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      // A worker that died holding the lock leaves it behind: a minute is far longer than a sign-in.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 60_000) rmSync(lock, { recursive: true, force: true });
      } catch {}
      await sleep(100);
    }
  }
  try {
    return await run(async () => {
      let last = -1;
      try {
        last = Number(readFileSync(stepFile, "utf8")) || -1;
      } catch {}
      let step = Math.floor(Date.now() / STEP_MS);
      if (step <= last) {
        await sleep((last + 1) * STEP_MS - Date.now() + 50);
        step = last + 1;
      }
      writeFileSync(stepFile, String(step));
      return step;
    });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (message) => {
        // A 404 answer for a record the user may not see is expected, and the browser logs it.
        if (message.type() === "error" && !/status of 404/.test(message.text())) errors.push(message.text());
      });
      page.on("pageerror", (error) => errors.push(error.message));
      await use(errors);
      expect(errors, "errors in the browser console").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

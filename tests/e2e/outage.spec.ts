// Calm when things fail: the database goes away in the middle of an intake, and comes back.
//
// How the database is stopped: this spec runs its own app server (the same build, its own
// port) whose DATABASE_URL points at a TCP relay in this test process, in front of the
// shared end-to-end database. "Stopping the database" closes the relay's listening socket
// and destroys every open connection through it, so the app sees exactly what a stopped
// PostgreSQL gives it: its pooled connections end mid-stream and new ones are refused.
// Starting it again re-opens the relay on the same port. A relay rather than a real stop,
// because the shared test server (embedded, or the one in DATABASE_URL) is used by every
// other journey running in parallel and cannot be stopped, and a private embedded server
// would need its own migrations and seed in each run; the app cannot tell the difference.
// (`npm run bench:load` does stop and start a real embedded PostgreSQL.)
//
// The app is never restarted: the journey finishes on the same server process.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { decode } from "next-auth/jwt";
import pg from "pg";
import type { Page, Response } from "@playwright/test";
import { test as journey, expect, signIn, submitSignIn } from "./fixtures";

const APP_PORT = Number(process.env.E2E_PORT ?? 3100) + 50;
const BASE = `http://127.0.0.1:${APP_PORT}`;
const OUTAGE_TEXT =
  "Liaison cannot reach its database. Nothing you typed on this page has been sent; try again in a minute.";

// Browsers log every 503 answer and the app's own failures are expected here, and so is
// React's production message for a page the database left half-made ("an error occurred in
// the Server Components render", #441, logged by the page's error boundary); anything else in
// the console still fails the test.
const test = journey.extend<{ consoleErrors: string[]; outageConsoleErrors: string[] }>({
  // Replaced by the check below, which lets 503 answers through.
  consoleErrors: async ({ page }, provide) => {
    void page;
    await provide([]);
  },
  outageConsoleErrors: [
    async ({ page }, provide) => {
      const errors: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error" && !/status of (404|503)|React error #441/.test(message.text()))
          errors.push(message.text());
      });
      page.on("pageerror", (error) => errors.push(error.message));
      await provide(errors);
      expect(errors, "errors in the browser console").toEqual([]);
    },
    { auto: true },
  ],
});

// A TCP relay to PostgreSQL that can be cut and restored.
class Relay {
  private server: net.Server | null = null;
  private sockets = new Set<net.Socket>();
  private trap: { marker: Buffer; sprung: () => void } | null = null;
  port = 0;
  constructor(
    private readonly host: string,
    private readonly targetPort: number,
  ) {}

  async start(): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.targetPort, this.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on("close", () => this.sockets.delete(s));
        s.on("error", () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
      client.on("data", (chunk: Buffer) => {
        const trap = this.trap;
        if (trap && chunk.includes(trap.marker)) {
          this.trap = null;
          void this.cut().then(trap.sprung);
        }
      });
      client.on("close", () => upstream.destroy());
      upstream.on("close", () => client.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", () => resolve());
    });
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  // Cuts everything the moment the app sends a statement naming `marker`: the database goes
  // away after the proxy's check passed, while a page is being made. Resolves once cut.
  cutWhenSent(marker: string): Promise<void> {
    return new Promise((sprung) => {
      this.trap = { marker: Buffer.from(marker), sprung };
    });
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

function databaseUrl(): URL {
  const raw = process.env.DATABASE_URL;
  if (!raw) throw new Error("DATABASE_URL is set by `npm test` for the end-to-end tests");
  return new URL(raw);
}

let relay: Relay;
let app: ChildProcess | null = null;

async function healthStatus(): Promise<number> {
  try {
    return (await fetch(`${BASE}/api/health`)).status;
  } catch {
    return 0;
  }
}

// Liaison's own outage page: status 503 with Retry-After, the security headers, the outage's
// words in the app's layout, and the address asked for kept in the address bar.
async function expectOutagePage(page: Page, response: Response | null, path: string): Promise<void> {
  expect(response?.status()).toBe(503);
  const headers = response?.headers() ?? {};
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["cache-control"]).toContain("no-store");
  expect(headers["retry-after"]).toBe("60");
  await expect(page.getByRole("heading", { name: "Liaison is not available", level: 1 })).toBeVisible();
  await expect(page.getByText(OUTAGE_TEXT)).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link", { name: "Liaison" })).toBeVisible();
  await expect(page).toHaveURL(`${BASE}${path}`);
}

test.describe.configure({ mode: "serial" });
test.use({ baseURL: BASE });

test.beforeAll(async () => {
  test.setTimeout(150_000);
  const url = databaseUrl();
  relay = new Relay(url.hostname, Number(url.port || 5432));
  await relay.start();
  const relayed = new URL(url);
  relayed.hostname = "127.0.0.1";
  relayed.port = String(relay.port);
  app = spawn("npx", ["next", "start", "-p", String(APP_PORT), "-H", "127.0.0.1"], {
    // Its own address, so its same-origin check accepts this server's form posts.
    env: { ...process.env, DATABASE_URL: relayed.toString(), AUTH_URL: BASE },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  app.stderr?.resume();
  await expect.poll(healthStatus, { timeout: 120_000, intervals: [500] }).toBe(200);
});

test.afterAll(async () => {
  await relay?.cut();
  // The whole group: npx, then next-server under it.
  if (app?.pid) {
    try {
      process.kill(-app.pid, "SIGTERM");
    } catch {
      // Already gone.
    }
  }
});

test("the database stops in the middle of an intake: nothing typed is lost, every page says why, and the intake finishes once it is back", async ({
  page,
}) => {
  test.setTimeout(150_000);
  await signIn(page, "officer2");
  await page.goto("/reports/new");
  await page.getByRole("button", { name: "Start a new report" }).click();
  const name = page.getByLabel("Working name or pseudonym");
  await name.fill("Outage Olwen");
  await expect(page.getByText(/^Draft saved at/)).toBeVisible({ timeout: 15_000 });

  // A page loaded just now, so any earlier "the database is up" is still fresh when it goes.
  const other = await page.context().newPage();
  expect((await other.goto("/people"))?.status()).toBe(200);

  await relay.cut();

  // The very next page load, at once: Liaison's own page, status 503, in the app's layout,
  // with the headers.
  await expectOutagePage(other, await other.goto("/people"), "/people");
  // The health check names the dependency that failed.
  const health = await other.request.get("/api/health");
  expect(health.status()).toBe(503);
  expect(await health.json()).toEqual({ status: "unavailable", checks: { database: "unavailable" } });
  await other.close();

  // Typed after the database went: autosave says it could not save, and keeps trying.
  await name.fill("Outage Olwen, typed while the database was down");
  await expect(page.getByText(/Could not save the draft just now/)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(/^Draft saved at/)).toHaveCount(0);

  // Continue: the form stays, with what was typed and why it was not saved.
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "Liaison cannot reach its database." }),
  ).toBeVisible();
  await expect(name).toHaveValue("Outage Olwen, typed while the database was down");
  await expect(page.getByText("Step 1 of 7")).toBeVisible();

  await relay.start();
  await expect.poll(healthStatus, { timeout: 30_000, intervals: [500] }).toBe(200);
  // Autosave kept trying, and saves on its own now the database is back.
  await expect(page.getByText(/^Draft saved at/)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(/Could not save the draft just now/)).toHaveCount(0);

  // Same page, same server: Continue now saves what was typed during the outage.
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByText("Step 2 of 7")).toBeVisible();
  for (let step = 2; step <= 7; step++) {
    await expect(page.getByText(`Step ${step} of 7`)).toBeVisible();
    await page.getByRole("button", { name: "Save and continue" }).click();
  }
  await expect(page.getByRole("heading", { name: "Check your answers" })).toBeVisible();
  await expect(page.getByText("Outage Olwen, typed while the database was down")).toBeVisible();
  await page.getByRole("button", { name: "Submit report" }).click();
  await expect(page.getByRole("heading", { name: "Report submitted" })).toBeVisible();
});

test("the database stops while a page is being made: that page load answers 503 with Liaison's page too", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signIn(page, "officer2");
  // The home page's last list, read after the proxy's check and the session have passed.
  const cut = relay.cutWhenSent('"ThirdPartySubmission"');
  const response = await page.goto("/");
  await cut;
  await expectOutagePage(page, response, "/");

  await relay.start();
  await expect.poll(healthStatus, { timeout: 30_000, intervals: [500] }).toBe(200);
  // The same address, reloaded, is the page again.
  expect((await page.reload())?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Open reports", level: 1 })).toBeVisible();
});

test("the database stops during a move from page to page: the page says why, and Try again brings it back", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signIn(page, "officer2");
  expect((await page.goto("/people"))?.status()).toBe(200);
  // A link inside the app is fetched by the browser's router, not loaded as a page, so no
  // status reaches the person: the error boundary has to say what happened.
  const cut = relay.cutWhenSent('"ThirdPartySubmission"');
  await page.getByRole("banner").getByRole("link", { name: "Home", exact: true }).click();
  await cut;
  await expect(page.getByRole("heading", { name: "Liaison is not available", level: 1 })).toBeVisible();
  await expect(page.getByText(OUTAGE_TEXT)).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link", { name: "Liaison" })).toBeVisible();

  await relay.start();
  await expect.poll(healthStatus, { timeout: 30_000, intervals: [500] }).toBe(200);
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { name: "Open reports", level: 1 })).toBeVisible();
  await expect(page).toHaveURL(`${BASE}/`);
});

// Behind the app's back, as the owner when `npm test` says who that is.
async function asOwner<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({
    connectionString: process.env.TEST_OWNER_DATABASE_URL ?? databaseUrl().toString(),
  });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

test("the database stops before a triage search: the search says why, and the decision being written is kept", async ({
  page,
}) => {
  test.setTimeout(90_000);
  // A partner's submission still waiting in the officer's unit; this test only searches, so
  // it stays waiting.
  const submissionId = await asOwner(async (client) => {
    const found = await client.query<{ id: string }>(
      `SELECT s.id FROM "ThirdPartySubmission" s JOIN "User" u ON u."organisationId" = s."unitId"
        WHERE u.email = 'officer@demo.liaison.test' AND s.status IN ('RECEIVED', 'BEING_LOOKED_AT')
        ORDER BY s.id LIMIT 1`,
    );
    return found.rows[0]?.id;
  });
  expect(submissionId, "the demo data has a submission waiting for triage").toBeTruthy();
  await signIn(page, "officer");
  expect((await page.goto(`/submissions/${submissionId}`))?.status()).toBe(200);
  const notOpened = page.getByLabel("Do not open a report");
  const reason = page.getByLabel("Why no report is opened");
  const query = page.getByLabel("Working name", { exact: true });
  await notOpened.check();
  await reason.fill("Typed before the search; the database went while it ran.");
  await query.fill("Kasia");

  await relay.cut();
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Liaison cannot reach its database." }),
  ).toBeVisible();
  await expect(query).toHaveValue("Kasia");
  await expect(notOpened).toBeChecked();
  await expect(reason).toHaveValue("Typed before the search; the database went while it ran.");

  await relay.start();
  await expect.poll(healthStatus, { timeout: 30_000, intervals: [500] }).toBe(200);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByText("1 person found.")).toBeVisible();
  await expect(page.getByRole("radio", { name: /^Kasia/ })).toBeVisible();
  // The people found join the decision form without drawing it afresh.
  await expect(notOpened).toBeChecked();
  await expect(reason).toHaveValue("Typed before the search; the database went while it ran.");
});

// The session ends (as an idle limit ends it) between typing and pressing Continue.
async function endSessionOf(page: Page): Promise<void> {
  const cookies = await page.context().cookies(BASE);
  const cookie = cookies.find((c) => /authjs\.session-token$/.test(c.name));
  if (!cookie) throw new Error("no session cookie");
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is set by `npm test`");
  const token = await decode({ token: cookie.value, secret, salt: cookie.name });
  if (!token?.sub) throw new Error("session cookie without a session id");
  const ended = await asOwner((client) =>
    client.query(`UPDATE "Session" SET "endedAt" = now() WHERE id = $1`, [token.sub]),
  );
  expect(ended.rowCount).toBe(1);
}

test("a session that lapses before Continue keeps what was typed through signing in again", async ({
  page,
}) => {
  // Two sign-ins of one account need two TOTP steps: up to 30 s of waiting.
  test.setTimeout(120_000);
  // A session of its own, since this test ends it.
  await signIn(page, "officer2", { fresh: true });
  await page.goto("/reports/new");
  await page.getByRole("button", { name: "Start a new report" }).click();
  await expect(page.getByRole("heading", { name: "The person", level: 1 })).toBeVisible();
  const stepUrl = page.url();
  const name = page.getByLabel("Working name or pseudonym");
  await name.fill("Lapsed Lowri");
  await page.getByRole("radio", { name: "Cymraeg" }).check();

  await endSessionOf(page);
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(
    page.getByText("Your session has ended. Everything you typed is still on this page."),
  ).toBeVisible();
  await expect(name).toHaveValue("Lapsed Lowri");

  // Signing in again in the same tab brings the person back to this page, filled in.
  await page.getByRole("link", { name: "Sign in again to save it" }).click();
  await expect(page).toHaveURL(/\/login\?/);
  await submitSignIn(page, "officer2");
  await expect(page).toHaveURL(stepUrl);
  await expect(page.getByText(/You are signed in again\. What you typed/)).toBeVisible();
  await expect(name).toHaveValue("Lapsed Lowri");
  await expect(page.getByRole("radio", { name: "Cymraeg" })).toBeChecked();
  // The sealed copy is gone from the tab once used.
  expect(await page.evaluate(() => Object.keys(window.sessionStorage))).toEqual([]);

  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByText("Step 2 of 7")).toBeVisible();
});

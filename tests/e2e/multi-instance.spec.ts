// Several app instances serve one database (issue 11, "More than one machine"). This spec
// starts two more production servers of the build under test (`next start`, same database,
// same secrets) behind a small load balancer of its own, and runs one person's journey
// across both: sessions, throttles, drafts and the submit key all live in PostgreSQL, so
// nothing depends on which instance answers.
//
// The balancer models production: one public address (AUTH_URL is that address on both
// instances, as it would be behind a real load balancer) and no sticky sessions. Each page
// of the test says which instance it wants with a header the balancer reads and removes, so
// the journey can move from one instance to the other at chosen points; requests without it
// go round-robin.
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import pg from "pg";
import { test, expect, submitSignIn } from "./fixtures";
import { freePort } from "../../tools/free-port";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const PICK = "x-liaison-test-instance";
// The balancer listens on the second port this run was given (E2E_PORT + 1).
const LB_PORT = Number(process.env.E2E_PORT ?? 3100) + 1;
const PUBLIC_URL = `http://127.0.0.1:${LB_PORT}`;

type Instance = { name: "a" | "b"; port: number; child: ChildProcess; hits: number; output: string[] };
const instances: Instance[] = [];
let balancer: http.Server | undefined;
let turn = 0;

async function startInstance(name: "a" | "b"): Promise<Instance> {
  const port = await freePort();
  // Same build, same database, same secrets as the server Playwright started; only the public
  // address differs, and it is the balancer's.
  const child = spawn(
    join(ROOT, "node_modules", ".bin", "next"),
    ["start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: ROOT,
      env: { ...process.env, AUTH_URL: PUBLIC_URL, PORT: String(port) },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  const instance: Instance = { name, port, child, hits: 0, output: [] };
  child.stdout?.on("data", (d: Buffer) => instance.output.push(d.toString()));
  child.stderr?.on("data", (d: Buffer) => instance.output.push(d.toString()));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`instance ${name} exited: ${instance.output.join("")}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) break;
    } catch {}
    if (Date.now() > deadline) throw new Error(`instance ${name} did not start: ${instance.output.join("")}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return instance;
}

function startBalancer(): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const asked = req.headers[PICK];
    const target = instances.find((i) => i.name === asked) ?? instances[turn++ % instances.length]!;
    target.hits++;
    const headers = { ...req.headers };
    delete headers[PICK];
    const upstream = http.request(
      { host: "127.0.0.1", port: target.port, method: req.method, path: req.url, headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(LB_PORT, "127.0.0.1", () => resolve(server));
  });
}

function stop(instance: Instance): Promise<void> {
  return new Promise((resolve) => {
    if (instance.child.exitCode !== null || !instance.child.pid) return resolve();
    instance.child.once("exit", () => resolve());
    try {
      // The process group this spec started (next may fork a worker).
      process.kill(-instance.child.pid, "SIGTERM");
    } catch {
      resolve();
    }
  });
}

// Both tests in one worker, in order, sharing the two instances (a failure does not skip the other).
test.describe.configure({ mode: "default" });

test.beforeAll(async () => {
  test.setTimeout(200_000);
  const started = await Promise.allSettled([startInstance("a"), startInstance("b")]);
  for (const s of started) if (s.status === "fulfilled") instances.push(s.value);
  const failed = started.find((s) => s.status === "rejected");
  if (failed) throw failed.reason;
  balancer = await startBalancer();
});

test.afterAll(async () => {
  balancer?.closeAllConnections();
  await new Promise<void>((resolve) => (balancer ? balancer.close(() => resolve()) : resolve()));
  await Promise.all(instances.map(stop));
});

// Errors the pages logged in the browser, as the shared fixture collects for its own page.
let browserErrors: string[] = [];

function watch(page: Page): void {
  page.on("console", (m) => {
    if (m.type() === "error" && !/status of 404/.test(m.text())) browserErrors.push(m.text());
  });
  page.on("pageerror", (e) => browserErrors.push(e.message));
}

test.afterEach(() => {
  const seen = browserErrors;
  browserErrors = [];
  expect(seen, "errors in the browser console").toEqual([]);
});

async function pinnedPages(browser: Browser): Promise<{ context: BrowserContext; onA: Page; onB: Page }> {
  const context = await browser.newContext({
    baseURL: PUBLIC_URL,
    locale: "en-GB",
    timezoneId: "Europe/London",
  });
  const onA = await context.newPage();
  await onA.setExtraHTTPHeaders({ [PICK]: "a" });
  const onB = await context.newPage();
  await onB.setExtraHTTPHeaders({ [PICK]: "b" });
  watch(onA);
  watch(onB);
  return { context, onA, onB };
}

function hitsOf(name: "a" | "b"): number {
  return instances.find((i) => i.name === name)!.hits;
}

test("a journey moves between two instances: session, draft, one report for two submits, sign-out", async ({
  browser,
}) => {
  test.slow();
  const { context, onA, onB } = await pinnedPages(browser);
  const before = { a: hitsOf("a"), b: hitsOf("b") };

  // Signed in on A…
  await onA.goto("/login");
  await submitSignIn(onA, "officer2");
  await expect(onA.getByRole("button", { name: "Sign out" })).toBeVisible();
  // …and B knows the session.
  await onB.goto("/");
  await expect(onB).not.toHaveURL(/\/login/);
  await expect(onB.getByRole("button", { name: "Sign out" })).toBeVisible();

  // A draft started and autosaved on A…
  const name = `Across ${Date.now().toString(36)}`;
  await onA.goto("/reports/new");
  await onA.getByRole("button", { name: "Start a new report" }).click();
  await expect(onA.getByText("Step 1 of 7")).toBeVisible();
  await onA.getByLabel("Working name or pseudonym").fill(name);
  await expect(onA.getByText(/^Draft saved at/)).toBeVisible({ timeout: 20_000 });
  const draftId = new URL(onA.url()).pathname.split("/")[3]!;
  expect(draftId).toMatch(/^[0-9a-f-]{36}$/);

  // …is continued on B with what A saved.
  await onB.goto(onA.url());
  await expect(onB.getByLabel("Working name or pseudonym")).toHaveValue(name);
  for (let step = 1; step <= 7; step++) {
    await expect(onB.getByText(`Step ${step} of 7`)).toBeVisible();
    await onB.getByRole("button", { name: "Save and continue" }).click();
  }
  await expect(onB.getByRole("heading", { name: "Check your answers" })).toBeVisible();
  await expect(onB.getByText(name)).toBeVisible();

  // The same submission posted to both instances at once creates one report.
  await onA.goto(onB.url());
  await expect(onA.getByText(name)).toBeVisible();
  await Promise.all([
    onA.getByRole("button", { name: "Submit report" }).click(),
    onB.getByRole("button", { name: "Submit report" }).click(),
  ]);
  await expect(onA.getByRole("heading", { name: "Report submitted" })).toBeVisible();
  await expect(onB.getByRole("heading", { name: "Report submitted" })).toBeVisible();
  const refA = (await onA.locator("strong").filter({ hasText: /^SWL-/ }).innerText()).trim();
  const refB = (await onB.locator("strong").filter({ hasText: /^SWL-/ }).innerText()).trim();
  expect(refB).toBe(refA);
  const owner = new pg.Client({ connectionString: process.env.TEST_OWNER_DATABASE_URL });
  await owner.connect();
  try {
    const { rows } = await owner.query<{ n: number; reference: string }>(
      `SELECT count(*)::int AS n, min(reference) AS reference FROM "IncidentReport" WHERE "idempotencyKey" = $1`,
      [draftId],
    );
    expect(rows[0]).toEqual({ n: 1, reference: refA });
  } finally {
    await owner.end();
  }

  // Signing out on A ends the session everywhere: B refuses the same cookie.
  const cookies = await context.cookies();
  await onA.goto("/");
  await onA.getByRole("button", { name: "Sign out" }).click();
  await expect(onA).toHaveURL(/\/login/);
  await context.clearCookies();
  await context.addCookies(cookies);
  await onB.goto("/reports/new");
  await expect(onB).toHaveURL(/\/login/);
  await expect(onB.getByRole("heading", { name: "Sign in to Liaison" })).toBeVisible();

  // Both instances did part of the work.
  expect(hitsOf("a")).toBeGreaterThan(before.a);
  expect(hitsOf("b")).toBeGreaterThan(before.b);
  await context.close();
});

test("wrong sign-in attempts split across the instances count against one account limit", async ({
  browser,
}) => {
  const { context, onA, onB } = await pinnedPages(browser);
  // An address nobody uses: the account counter is keyed by the email whether or not an
  // account exists, and no other journey is slowed by this one.
  const email = `nobody-${Date.now().toString(36)}@demo.liaison.test`;
  const attempt = async (page: Page) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByLabel("Code from your authenticator app").fill("123456");
    await page.getByRole("button", { name: "Sign in" }).click();
    const summary = page.getByRole("alert", { name: "There is a problem" });
    await expect(summary).toBeVisible();
    return summary.innerText();
  };
  // The free attempts (SIGN_IN_FREE_ATTEMPTS, 5 unless set), taken turn about on A and B, are
  // checked and refused as wrong…
  const free = Number(process.env.SIGN_IN_FREE_ATTEMPTS ?? 5);
  for (let i = 0; i < free; i++)
    expect(await attempt(i % 2 === 0 ? onA : onB)).toContain("The email, password or code is not right");
  // …and the next, on either instance, though each saw only part of them, is held back by the
  // counter they share.
  expect(await attempt(free % 2 === 0 ? onA : onB)).toContain("There have been too many attempts to sign in");
  expect(await attempt(free % 2 === 0 ? onB : onA)).toContain("There have been too many attempts to sign in");
  await context.close();
});

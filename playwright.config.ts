import { defineConfig } from "@playwright/test";
import { findChromium } from "./tools/browser";

const READ_ONLY = /(sign-in|roles|accessibility|dashboard)\.spec\.ts$/;
const RUNS_ALONE = /lifecycle\.spec\.ts$/;
// What Chromium downloads on first load, against the 150 kB budget: a measurement, run by
// `npm run bench:first-load` (npm test checks the build output's figures instead).
const BENCH_ONLY = /first-load-js\.spec\.ts$/;
const benchOnly = process.env.LIAISON_BENCH === "1" ? [] : [BENCH_ONLY];
const port = Number(process.env.E2E_PORT ?? 3100);
const executablePath = findChromium() ?? undefined;

// tools/test.ts prepares the database and the build, then runs this with E2E_* set.
export default defineConfig({
  testDir: "tests/e2e",
  outputDir: `test-results/playwright-${port}`,
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "en-GB",
    timezoneId: "Europe/London",
    trace: "off",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  // All journeys share one seeded database. Those that only read it run first, so the demo
  // figures they check (86 reports, 7.0% charged) are not moved by journeys that add reports
  // and case events.
  // Any spec not named as read-only lands in the second group, so none is left out.
  // The lifecycle journey checks that the dashboard moves by exactly one report at each step,
  // so it runs last, alone: no other journey can add reports or events while it reads.
  projects: [
    { name: "reads demo data", testMatch: READ_ONLY },
    {
      name: "changes data",
      testMatch: "**/*.spec.ts",
      testIgnore: [READ_ONLY, RUNS_ALONE, ...benchOnly],
      dependencies: ["reads demo data"],
    },
    { name: "lifecycle", testMatch: RUNS_ALONE, dependencies: ["changes data"] },
  ],
  webServer: {
    command: `npx next start -p ${port} -H 127.0.0.1`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});

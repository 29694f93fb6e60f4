// Finds a Chromium for Playwright: CHROMIUM_PATH, then Debian's, then Playwright's own.
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  for (const c of candidates) if (c && existsSync(c)) return c;
  try {
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    // Playwright has no browser of its own installed
  }
  return null;
}

export const CHROMIUM_HELP = [
  "No Chromium found for the end-to-end tests. Install one of:",
  "  Debian/Ubuntu:  sudo apt-get install -y chromium",
  "  Any machine:    npx playwright install chromium",
  "or point CHROMIUM_PATH at a Chromium or Chrome executable.",
].join("\n");

// Runs only the tools/db tests, whatever the repository's own Vitest projects include:
// npx vitest run --config tools/db/vitest.config.ts
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    root: fileURLToPath(new URL("../..", import.meta.url)),
    include: ["tools/db/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

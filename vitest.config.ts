import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // Next.js makes `server-only` a no-op on the server; tests run server code directly.
      { find: /^server-only$/, replacement: `${root}/tests/support/empty-module.ts` },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          setupFiles: ["tests/support/fail-on-console-error.ts"],
          // The property tests run hundreds of cases; a busy two-core machine needs the room.
          testTimeout: 30_000,
          include: ["{lib,tools,tests,prisma}/**/*.test.ts"],
          exclude: ["**/*.integration.test.ts", "node_modules/**", ".data/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["{lib,tools,tests}/**/*.integration.test.ts"],
          exclude: ["node_modules/**", ".data/**", "tools/db/**"],
          setupFiles: ["tests/support/fail-on-console-error.ts", "tests/support/database-per-file.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});

import { defineConfig } from "prisma/config";

// No datasource here on purpose: `prisma generate` must run with no DATABASE_URL set.
// Migrations are applied by tools/db (WASM schema engine), not by the Prisma CLI.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});

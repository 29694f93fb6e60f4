// Generates the Prisma client offline. `prisma generate` never runs the schema engine, but the
// CLI insists that one exists, so point it at a file that does (see docs/decisions/001).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = fileURLToPath(new URL("../package.json", import.meta.url));
}
execFileSync("npx", ["prisma", "generate", "--no-hints"], { cwd: root, env, stdio: "inherit" });

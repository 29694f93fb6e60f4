// Temporary (H12): the e2e part of tools/test.ts without the first-load budget step, to run one spec.
import { ensureDatabaseServer, createDatabase, dropDatabase, withDatabase } from "./db/server";
import { applyMigrations } from "./db/migrate";
import { enableRuntimeLogin } from "./db/roles";
import { appEnvironment, localSecrets, applyLocalFieldKey } from "./secrets";
import { run } from "./build";
import { findChromium } from "./browser";
import { createPrismaClient } from "@/lib/db/client";
import { seedDemo } from "@/prisma/seed/demo";

const server = await ensureDatabaseServer({ purpose: "test" });
const db = `liaison_test_h12_${Date.now().toString(36)}`;
let code = 1;
try {
  await createDatabase(server.url, db);
  const url = withDatabase(server.url, db);
  await applyMigrations(url);
  const runtimeServerUrl = await enableRuntimeLogin(server.url, localSecrets().DATABASE_RUNTIME_PASSWORD);
  applyLocalFieldKey();
  const client = createPrismaClient(url, 2);
  const seeded = await seedDemo(client, { environment: { LIAISON_DEMO: "1" } });
  await client.$disconnect();
  if (!seeded.created) throw new Error(String(seeded.reason));
  const env = {
    ...appEnvironment(withDatabase(runtimeServerUrl, db), { url: `http://127.0.0.1:${process.env.E2E_PORT}`, demo: true }),
    SIGN_IN_ADDRESS_FREE_ATTEMPTS: "1000",
    CHROMIUM_PATH: findChromium() ?? "",
    TEST_OWNER_DATABASE_URL: url,
  };
  code = await run("npx", ["playwright", "test", "--reporter=list", ...process.argv.slice(2)], env);
} finally {
  await dropDatabase(server.url, db).catch(() => undefined);
  await server.stop();
}
process.exit(code);

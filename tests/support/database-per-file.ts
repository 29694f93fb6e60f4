// Each integration test file gets its own database, copied in milliseconds from a
// template that tools/test.ts migrated once for the whole run.
import { afterAll, beforeAll } from "vitest";
import { randomUUID } from "node:crypto";
import { createDatabase, dropDatabase, withDatabase } from "@/tools/db/server";

const adminUrl = process.env.TEST_ADMIN_DATABASE_URL;
const template = process.env.TEST_TEMPLATE_DATABASE;
if (!adminUrl || !template) {
  throw new Error(
    "Integration tests need TEST_ADMIN_DATABASE_URL and TEST_TEMPLATE_DATABASE: run them with `npm test`.",
  );
}

const name = `liaison_t_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
// The code under test connects as the runtime role, as the app does (docs/decisions/016);
// a test that must act as the owner (to tamper, or to check grants) uses TEST_OWNER_DATABASE_URL.
const runtimeUrl = process.env.TEST_RUNTIME_DATABASE_URL;
if (!runtimeUrl)
  throw new Error("Integration tests need TEST_RUNTIME_DATABASE_URL: run them with `npm test`.");
process.env.DATABASE_URL = withDatabase(runtimeUrl, name);
process.env.TEST_OWNER_DATABASE_URL = withDatabase(adminUrl, name);
process.env.AUTH_SECRET ??= "integration-test-secret-that-is-long-enough";
process.env.LIAISON_MASTER_KEY ??= "integration-test-field-master-key-32-bytes-long";

beforeAll(async () => {
  await createDatabase(adminUrl, name, template);
});

afterAll(async () => {
  const { db } = await import("@/lib/db/client");
  await db().$disconnect();
  await dropDatabase(adminUrl, name);
});

// The database as its owner, for tests that prepare or inspect rows behind the app's back:
// the owner is not subject to row-level security, so a check reads what is really there
// rather than what the runtime role's scope shows (docs/decisions/016).
import { afterAll } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";

let client: PrismaClient | undefined;

export function ownerDb(): PrismaClient {
  const url = process.env.TEST_OWNER_DATABASE_URL;
  if (!url) throw new Error("TEST_OWNER_DATABASE_URL is not set: run integration tests with `npm test`.");
  client ??= createPrismaClient(url, 2);
  return client;
}

afterAll(async () => {
  await client?.$disconnect();
});

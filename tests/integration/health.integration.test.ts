// /api/health names the dependency that failed: here a read replica that cannot be reached
// (DATABASE_REPLICA_URL at a port nothing listens on) while the primary answers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkHealth } from "@/lib/health";
import { freePort as closedPort } from "@/tools/free-port";

describe("the health check with a read replica configured", () => {
  beforeAll(async () => {
    // Read by lib/env on first use, which is after this.
    const replica = new URL(process.env.DATABASE_URL ?? "");
    replica.hostname = "127.0.0.1";
    replica.port = String(await closedPort());
    process.env.DATABASE_REPLICA_URL = replica.toString();
    // The primary's first connection (and the client's start-up) can take longer than the
    // check's 2 s limit on a busy test machine; a running app has long been connected.
    const { db } = await import("@/lib/db/client");
    await db().$queryRaw`SELECT 1`;
  });

  afterAll(async () => {
    const { readDb } = await import("@/lib/db/replica");
    await readDb().$disconnect();
  });

  it("a replica that cannot be reached shows as failed while the primary is ok", async () => {
    expect(await checkHealth()).toEqual({
      status: "degraded",
      checks: { database: "ok", replica: "unavailable" },
    });
  });
});

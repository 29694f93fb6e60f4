import { describe, expect, it } from "vitest";
import { isDatabaseLost } from "./database-lost";
import { answersWith503, noteRenderError } from "./outage-status";

// The shapes below are what pg and Prisma 7's driver adapter threw when a TCP relay in front
// of PostgreSQL was cut under a running query, and then refused new connections.
const midQuery = new Error("Connection terminated unexpectedly");
const refused = Object.assign(new Error("Can't reach database server at 127.0.0.1:33789"), {
  code: "P1001",
  meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable" } } },
});
const refusedRaw = Object.assign(new Error("Raw query failed. Code: `N/A`."), {
  code: "P2010",
  meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable" } } },
});
// pg's answer when a pooled connection that broke is used again.
const broken = new Error("Client has encountered a connection error and is not queryable");
const shutDown = Object.assign(new Error("terminating connection due to administrator command"), {
  code: "57P01",
});

describe("isDatabaseLost", () => {
  it("recognises a connection cut mid-query, refused, or ended by a shutdown", () => {
    for (const error of [midQuery, refused, refusedRaw, broken, shutDown])
      expect(isDatabaseLost(error)).toBe(true);
    expect(isDatabaseLost(new Error("wrapped", { cause: midQuery }))).toBe(true);
  });

  it("does not take a failing query or a bug for an outage", () => {
    const unique = Object.assign(new Error("Unique constraint failed"), { code: "P2002" });
    const deadlock = Object.assign(new Error("deadlock detected"), { code: "40P01" });
    for (const error of [unique, deadlock, new TypeError("x is undefined"), "text", null, undefined])
      expect(isDatabaseLost(error)).toBe(false);
  });

  it("follows a cycle of causes without looping", () => {
    const a = new Error("a");
    const b = new Error("b", { cause: a });
    (a as { cause?: unknown }).cause = b;
    expect(isDatabaseLost(a)).toBe(false);
  });
});

describe("answersWith503", () => {
  it("turns a 500 into 503 only for a page load marked while it failed for the database", () => {
    const page = { method: "GET", url: "/reports/1", headers: {} };
    expect(answersWith503(500, page)).toBe(false);
    noteRenderError(midQuery, page);
    expect(answersWith503(500, page)).toBe(true);
    expect(answersWith503(200, page)).toBe(false);
    expect(answersWith503(404, page)).toBe(false);

    const other = { method: "GET", url: "/people", headers: {} };
    noteRenderError(new TypeError("a bug"), other);
    expect(answersWith503(500, other)).toBe(false);

    for (const notAPage of [
      { method: "POST", url: "/reports/new", headers: {} },
      { method: "GET", url: "/api/health", headers: {} },
      { method: "GET", url: "/_next/static/x.js", headers: {} },
    ]) {
      noteRenderError(midQuery, notAPage);
      expect(answersWith503(500, notAPage)).toBe(false);
    }
    expect(answersWith503(500, undefined)).toBe(false);
  });
});

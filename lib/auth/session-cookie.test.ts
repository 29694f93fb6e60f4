import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import {
  browserSessionOnly,
  SESSION_COOKIE,
  sessionIdFromCookieHeader,
  withoutLifetime,
} from "./session-cookie";

const SECRET = "unit-test-secret-that-is-long-enough-to-use";

describe("the session cookie", () => {
  it("loses its expiry and max-age, keeping every other attribute", () => {
    const line = `${SESSION_COOKIE}=abc; Path=/; Expires=Wed, 02 Dec 2026 10:00:00 GMT; Max-Age=43200; HttpOnly; Secure; SameSite=Lax`;
    expect(withoutLifetime(line)).toBe(`${SESSION_COOKIE}=abc; Path=/; HttpOnly; Secure; SameSite=Lax`);
  });

  it("being cleared keeps its date in the past, and other cookies are left alone", () => {
    const cleared = `${SESSION_COOKIE}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Secure`;
    expect(withoutLifetime(cleared)).toBe(cleared);
    const other = "__Host-authjs.csrf-token=x; Path=/; Max-Age=60; Secure";
    expect(withoutLifetime(other)).toBe(other);
  });

  it("is rewritten in a route handler's response, which keeps its status, body and other headers", async () => {
    const headers = new Headers({ location: "/next" });
    headers.append("set-cookie", `${SESSION_COOKIE}=abc; Path=/; Max-Age=10; Secure`);
    headers.append("set-cookie", "other=1; Max-Age=10");
    const rewritten = browserSessionOnly(new Response("body", { status: 302, headers }));
    expect(rewritten.status).toBe(302);
    expect(rewritten.headers.get("location")).toBe("/next");
    expect(await rewritten.text()).toBe("body");
    expect(rewritten.headers.getSetCookie()).toEqual([
      `${SESSION_COOKIE}=abc; Path=/; Secure`,
      "other=1; Max-Age=10",
    ]);
  });

  it("names its session only when it was issued by us", async () => {
    const token = await encode({
      token: { sub: "0199a1b2-0000-7000-8000-000000000001" },
      secret: SECRET,
      salt: SESSION_COOKIE,
    });
    expect(await sessionIdFromCookieHeader(`a=1; ${SESSION_COOKIE}=${token}`, SECRET)).toBe(
      "0199a1b2-0000-7000-8000-000000000001",
    );
    expect(
      await sessionIdFromCookieHeader(`${SESSION_COOKIE}=${token}`, "another-secret-that-is-long-enough-too"),
    ).toBeNull();
    expect(await sessionIdFromCookieHeader(`${SESSION_COOKIE}=forged`, SECRET)).toBeNull();
    expect(await sessionIdFromCookieHeader(null, SECRET)).toBeNull();
  });
});

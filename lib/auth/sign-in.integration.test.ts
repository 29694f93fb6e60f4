import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { attemptSignIn } from "./sign-in";
import { resolveSession } from "./sessions";
import {
  makeOrganisation,
  makeUser as makeUserWithoutFactor,
  TEST_PASSWORD,
} from "@/tests/support/factories";
import { codeAt, enrolSecondFactor } from "@/tests/support/second-factor";

// Users with an authenticator app (enrolled a few minutes ago); `code(user, at)` is what
// their app shows at that moment. Second-factor cases are in second-factor.integration.test.ts.
const secrets = new Map<string, string>();
async function makeUser(...args: Parameters<typeof makeUserWithoutFactor>) {
  const user = await makeUserWithoutFactor(...args);
  secrets.set(user.id, (await enrolSecondFactor(user.id, new Date("2026-01-01T00:00:00Z"))).secret);
  return user;
}
const code = (user: { id: string }, at = new Date()) => codeAt(secrets.get(user.id)!, at);
// A client address of its own, untouched by the throttled failures of the tests before.
const ELSEWHERE = { address: "192.0.2.10" };

describe("signing in", () => {
  it("a user with the right password gets a session that resolves to them", async () => {
    const unit = await makeOrganisation();
    const user = await makeUser("LIAISON_OFFICER", unit.id);
    const result = await attemptSignIn(user.email.toUpperCase(), TEST_PASSWORD, code(user));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const current = await resolveSession(result.sessionId);
    expect(current).toMatchObject({ id: user.id, role: "LIAISON_OFFICER", unitId: unit.id, agencyId: null });
    const events = await db().auditEvent.findMany({ where: { action: "auth.sign-in", actorId: user.id } });
    expect(events.map((e) => e.outcome)).toEqual(["SUCCESS"]);
  });

  it("a wrong password and an unknown email fail the same way, and both are audited", async () => {
    const unit = await makeOrganisation();
    const user = await makeUser("LIAISON_OFFICER", unit.id);
    const wrongPassword = await attemptSignIn(user.email, "nope", code(user));
    const unknownEmail = await attemptSignIn("nobody@test.liaison", TEST_PASSWORD, "123456");
    expect(wrongPassword).toEqual({ ok: false, reason: "invalid" });
    expect(unknownEmail).toEqual(wrongPassword);
    const failures = await db().auditEvent.findMany({
      where: { action: "auth.sign-in", outcome: "FAILURE" },
    });
    expect(failures).toHaveLength(2);
    // The attempted email is never stored, only a keyed hash of it.
    expect(JSON.stringify(failures)).not.toContain("nobody@test.liaison");
  });

  it("a disabled user cannot sign in, and their open session stops working", async () => {
    const unit = await makeOrganisation();
    const user = await makeUser("SUPERVISOR", unit.id);
    const first = await attemptSignIn(user.email, TEST_PASSWORD, code(user));
    if (!first.ok) throw new Error("sign-in should have worked");
    await db().user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await resolveSession(first.sessionId)).toBeNull();
    expect(await attemptSignIn(user.email, TEST_PASSWORD, code(user, new Date(Date.now() + 30_000)))).toEqual(
      {
        ok: false,
        reason: "invalid",
      },
    );
  });

  it("after too many failures an email is refused for a while, even with the right password", async () => {
    const unit = await makeOrganisation();
    const user = await makeUser("LIAISON_OFFICER", unit.id);
    for (let i = 0; i < 10; i++) await attemptSignIn(user.email, `wrong ${i}`, "123456");
    expect(await attemptSignIn(user.email, TEST_PASSWORD, code(user))).toMatchObject({
      ok: false,
      reason: "too-many-attempts",
    });
    // Half an hour later the window has passed.
    const later = new Date(Date.now() + 30 * 60_000);
    expect((await attemptSignIn(user.email, TEST_PASSWORD, code(user, later), later)).ok).toBe(true);
  });
});

describe("sessions", () => {
  it("end after 30 minutes idle and after 12 hours in all", async () => {
    const unit = await makeOrganisation();
    const user = await makeUser("LIAISON_OFFICER", unit.id);
    const start = new Date("2026-06-01T08:00:00Z");
    const signIn = await attemptSignIn(user.email, TEST_PASSWORD, code(user, start), start, ELSEWHERE);
    if (!signIn.ok) throw new Error("sign-in should have worked");
    const minutes = (n: number) => new Date(start.getTime() + n * 60_000);

    // Active every 20 minutes: still signed in just before 12 hours…
    for (let m = 20; m <= 700; m += 20)
      expect(await resolveSession(signIn.sessionId, minutes(m))).not.toBeNull();
    expect(await resolveSession(signIn.sessionId, minutes(719))).not.toBeNull();
    // …but never past 12 hours in all.
    expect(await resolveSession(signIn.sessionId, minutes(721))).toBeNull();

    // A code is accepted once: the second sign-in uses the next step's.
    const idle = await attemptSignIn(
      user.email,
      TEST_PASSWORD,
      code(user, minutes(0.5)),
      minutes(0.5),
      ELSEWHERE,
    );
    if (!idle.ok) throw new Error("sign-in should have worked");
    expect(await resolveSession(idle.sessionId, minutes(29))).not.toBeNull();
    expect(await resolveSession(idle.sessionId, minutes(29 + 31))).toBeNull();
    // Once ended, a session stays ended.
    expect(await resolveSession(idle.sessionId, minutes(30))).toBeNull();
  });
});

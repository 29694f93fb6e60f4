import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { issueSetupLink } from "@/lib/accounts/setup-links";
import { makeOrganisation, makeUser, signedIn, TEST_PASSWORD } from "@/tests/support/factories";
import { enrolSecondFactor } from "@/tests/support/second-factor";
import { attemptSignIn } from "./sign-in";
import { resolveSession } from "./sessions";
import { totpAt } from "./totp";
import { hasRecentAuth } from "./recent-auth";
import {
  changePassword,
  chooseSetupPassword,
  completeSetup,
  reauthenticate,
  REAUTH_MAX_FAILURES,
  setupState,
} from "./account-credentials";

const tokenOf = (url: string) => new URL(url).pathname.split("/").pop()!;

async function newUserWithLink(now = new Date()) {
  const force = await makeOrganisation("POLICE_FORCE");
  const admin = await makeUser("ADMIN", force.id);
  const unit = await makeOrganisation();
  const user = await makeUser("LIAISON_OFFICER", unit.id, { passwordHash: null });
  const { url } = await issueSetupLink(admin, user.id, now);
  return { user, admin, token: tokenOf(url) };
}

describe("redeeming a set-up link", () => {
  it("password, then the app, then the link is spent and the recovery codes are given once", async () => {
    const { user, token } = await newUserWithLink();
    expect(await setupState(token)).toMatchObject({ step: "password", email: user.email });
    expect(await chooseSetupPassword(token, "password123456", "password123456")).toEqual({
      ok: false,
      reason: "common",
    });
    expect(await chooseSetupPassword(token, "lantern harbour kettle", "lantern harbour kettles")).toEqual({
      ok: false,
      reason: "mismatch",
    });
    expect(await chooseSetupPassword(token, "lantern harbour kettle", "lantern harbour kettle")).toEqual({
      ok: true,
    });
    const state = await setupState(token);
    if (state?.step !== "enrol") throw new Error("expected the enrolment step");
    const at = new Date(Date.now() - 60_000);
    expect(
      await completeSetup(token, "000000" === totpAt(state.secret, at) ? "111111" : "000000", at),
    ).toEqual({
      ok: false,
      reason: "code",
    });
    const done = await completeSetup(token, totpAt(state.secret, at), at);
    if (!done.ok) throw new Error("set-up should have completed");
    expect(done.recoveryCodes).toHaveLength(10);
    // Spent: the page shows the "cannot be used" answer, and nothing more can be done with it.
    expect(await setupState(token)).toBeNull();
    expect(await completeSetup(token, totpAt(state.secret, new Date()))).toEqual({
      ok: false,
      reason: "link",
    });
    expect(await chooseSetupPassword(token, "another long passphrase", "another long passphrase")).toEqual({
      ok: false,
      reason: "link",
    });
    expect(
      (await attemptSignIn(user.email, "lantern harbour kettle", totpAt(state.secret, new Date()))).ok,
    ).toBe(true);
    const audit = await db().auditEvent.findMany({ where: { recordId: user.id }, orderBy: { at: "asc" } });
    expect(audit.map((a) => `${a.action} ${a.outcome}`)).toEqual(
      expect.arrayContaining([
        "account.setup.password SUCCESS",
        "auth.second-factor.enrol FAILURE",
        "auth.second-factor.enrol SUCCESS",
      ]),
    );
  });

  it("an expired link does nothing", async () => {
    const { token } = await newUserWithLink(new Date(Date.now() - 25 * 3_600_000));
    expect(await setupState(token)).toBeNull();
    expect(await chooseSetupPassword(token, "lantern harbour kettle", "lantern harbour kettle")).toEqual({
      ok: false,
      reason: "link",
    });
  });

  it("after an administrator resets the factor, the new link leads to a new password and a new app", async () => {
    const { user, admin, token } = await newUserWithLink();
    await chooseSetupPassword(token, "lantern harbour kettle", "lantern harbour kettle");
    const first = await setupState(token);
    if (first?.step !== "enrol") throw new Error("expected the enrolment step");
    await completeSetup(
      token,
      totpAt(first.secret, new Date(Date.now() - 60_000)),
      new Date(Date.now() - 60_000),
    );
    const { resetSecondFactor } = await import("./second-factor");
    await resetSecondFactor(admin, user.id);
    const again = tokenOf((await issueSetupLink(admin, user.id)).url);
    expect(await setupState(again)).toMatchObject({ step: "password" });
    // The password from before is one of the last five.
    expect(await chooseSetupPassword(again, "lantern harbour kettle", "lantern harbour kettle")).toEqual({
      ok: false,
      reason: "reused",
    });
  });

  // What the sign-in page tells someone who has forgotten their password.
  it("a new link for a forgotten password leads to a new password and a new app; the old ones stop working", async () => {
    const { user, admin, token } = await newUserWithLink();
    const before = new Date(Date.now() - 60_000);
    await chooseSetupPassword(token, "lantern harbour kettle", "lantern harbour kettle");
    const first = await setupState(token);
    if (first?.step !== "enrol") throw new Error("expected the enrolment step");
    expect((await completeSetup(token, totpAt(first.secret, before), before)).ok).toBe(true);

    const again = tokenOf((await issueSetupLink(admin, user.id)).url);
    expect(await setupState(again)).toMatchObject({ step: "password" });
    expect(await chooseSetupPassword(again, "quarry lighthouse minnow", "quarry lighthouse minnow")).toEqual({
      ok: true,
    });
    const second = await setupState(again);
    if (second?.step !== "enrol") throw new Error("expected the enrolment step");
    expect(second.secret).not.toBe(first.secret);
    // Until the new app is confirmed nobody signs in with the new password, nor with the old app.
    expect(
      (await attemptSignIn(user.email, "quarry lighthouse minnow", totpAt(first.secret, new Date()))).ok,
    ).toBe(false);
    expect((await completeSetup(again, totpAt(second.secret, new Date()))).ok).toBe(true);
    expect(
      (await attemptSignIn(user.email, "lantern harbour kettle", totpAt(second.secret, new Date()))).ok,
    ).toBe(false);
    const later = new Date(Date.now() + 30_000);
    expect(
      (await attemptSignIn(user.email, "quarry lighthouse minnow", totpAt(second.secret, later), later)).ok,
    ).toBe(true);
  });
});

describe("changing a password", () => {
  it("needs the current one, refuses the last five, keeps this session and ends the others", async () => {
    const unit = await makeOrganisation();
    const base = await makeUser("LIAISON_OFFICER", unit.id);
    const { secret } = await enrolSecondFactor(base.id);
    const here = await attemptSignIn(base.email, TEST_PASSWORD, totpAt(secret, new Date()), new Date(), {
      address: "192.0.2.1",
    });
    const there = await attemptSignIn(
      base.email,
      TEST_PASSWORD,
      totpAt(secret, new Date(Date.now() + 30_000)),
      new Date(Date.now() + 30_000),
      {
        address: "192.0.2.2",
      },
    );
    if (!here.ok || !there.ok) throw new Error("sign-ins should have worked");
    const user = (await resolveSession(here.sessionId))!;
    expect(await changePassword(user, "wrong", "orchard pebble compass", "orchard pebble compass")).toEqual({
      ok: false,
      reason: "current",
    });
    expect(await changePassword(user, TEST_PASSWORD, TEST_PASSWORD, TEST_PASSWORD)).toEqual({
      ok: false,
      reason: "reused",
    });
    expect(await changePassword(user, TEST_PASSWORD, "short", "short")).toEqual({
      ok: false,
      reason: "too-short",
    });
    expect(
      await changePassword(user, TEST_PASSWORD, "orchard pebble compass", "orchard pebble compass"),
    ).toEqual({ ok: true });
    expect(await resolveSession(here.sessionId)).not.toBeNull();
    expect(await resolveSession(there.sessionId)).toBeNull();
    expect(await hasRecentAuth(user)).toBe(true);
    expect(
      await db().auditEvent.count({ where: { action: "account.password.change", recordId: user.id } }),
    ).toBe(2);
  });
});

describe("confirming the password again", () => {
  it("a right password marks the session as recently authenticated; five wrong ones end it", async () => {
    const unit = await makeOrganisation();
    const user = await signedIn("SUPERVISOR", unit.id);
    await db().session.update({
      where: { id: user.sessionId },
      data: { createdAt: new Date(Date.now() - 600_000) },
    });
    expect(await hasRecentAuth(user)).toBe(false);
    expect(await reauthenticate(user, TEST_PASSWORD)).toBe("ok");
    expect(await hasRecentAuth(user)).toBe(true);
    for (let i = 1; i < REAUTH_MAX_FAILURES; i++)
      expect(await reauthenticate(user, `wrong ${i}`)).toBe("invalid");
    expect(await reauthenticate(user, "wrong again")).toBe("signed-out");
    expect(await resolveSession(user.sessionId)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { attemptSignIn } from "./sign-in";
import { resolveSession } from "./sessions";
import { hasRecentAuth, markRecentAuth } from "./recent-auth";
import {
  decryptTotpSecret,
  regenerateRecoveryCodes,
  resetSecondFactor,
  verifySecondFactor,
} from "./second-factor";
import { isRecentlyUsedPassword, storeNewPassword } from "./password-policy";
import { verifyPassword } from "./password";
import { makeOrganisation, makeUser, TEST_PASSWORD } from "@/tests/support/factories";
import { codeAt, enrolSecondFactor } from "@/tests/support/second-factor";
import { AccountRefusal } from "@/lib/accounts/errors";
import { ownerSql } from "@/tests/support/owner-sql";

const seconds = (base: Date, n: number) => new Date(base.getTime() + n * 1000);

// Each attempt from its own client address, so that the throttle's per-address counter
// (lib/auth/throttle.ts, tested on its own) does not carry over from one test to the next.
let addressSeq = 0;
function attempt(email: string, password: string, code: string, now = new Date()) {
  addressSeq += 1;
  return attemptSignIn(email, password, code, now, {
    address: `10.9.${addressSeq >> 8}.${addressSeq & 255}`,
  });
}

async function enrolledUser(
  role: "LIAISON_OFFICER" | "ADMIN" | "PARTNER" | "SUPERVISOR" = "LIAISON_OFFICER",
) {
  const org = await makeOrganisation(
    role === "PARTNER" ? "PARTNER_AGENCY" : role === "ADMIN" ? "POLICE_FORCE" : "LIAISON_UNIT",
  );
  const user = await makeUser(role, org.id);
  const { secret, recoveryCodes } = await enrolSecondFactor(user.id);
  return { user, secret, recoveryCodes };
}

describe("signing in with a second factor", () => {
  it.each(["LIAISON_OFFICER", "SUPERVISOR", "PARTNER", "ADMIN"] as const)(
    "a %s needs the password and a current code",
    async (role) => {
      const { user, secret } = await enrolledUser(role);
      const now = new Date();
      expect(await attempt(user.email, TEST_PASSWORD, "", now)).toEqual({
        ok: false,
        reason: "invalid",
      });
      expect(
        await attempt(user.email, TEST_PASSWORD, "000000" === codeAt(secret, now) ? "111111" : "000000", now),
      ).toEqual({
        ok: false,
        reason: "invalid",
      });
      const ok = await attempt(user.email, TEST_PASSWORD, codeAt(secret, now), now);
      expect(ok.ok).toBe(true);
      if (ok.ok) expect((await resolveSession(ok.sessionId))?.id).toBe(user.id);
    },
  );

  it("a right code with a wrong password fails like any other mistake, and does not spend the code", async () => {
    const { user, secret } = await enrolledUser();
    const now = new Date();
    expect(await attempt(user.email, "not the password", codeAt(secret, now), now)).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect((await attempt(user.email, TEST_PASSWORD, codeAt(secret, now), now)).ok).toBe(true);
  });

  it("a code is accepted once: replaying it, or an older one, is refused", async () => {
    const { user, secret } = await enrolledUser();
    // The first second of a step, so that a few seconds later it is still the same step.
    const now = new Date(Math.floor(Date.now() / 30_000) * 30_000 + 1000);
    const code = codeAt(secret, now);
    expect((await attempt(user.email, TEST_PASSWORD, code, now)).ok).toBe(true);
    expect(await attempt(user.email, TEST_PASSWORD, code, seconds(now, 5))).toEqual({
      ok: false,
      reason: "invalid",
    });
    // The previous step's code is still inside the ±1 window, but older than the one used.
    expect(
      await attempt(user.email, TEST_PASSWORD, codeAt(secret, seconds(now, -30)), seconds(now, 10)),
    ).toEqual({
      ok: false,
      reason: "invalid",
    });
    // The next step's code works.
    expect(
      (await attempt(user.email, TEST_PASSWORD, codeAt(secret, seconds(now, 30)), seconds(now, 30))).ok,
    ).toBe(true);
    const failures = await db().auditEvent.findMany({
      where: { action: "auth.sign-in", actorId: user.id, outcome: "FAILURE", recordType: "second-factor" },
    });
    expect(failures).toHaveLength(2);
  });

  it("two requests with the same code at the same moment: exactly one gets in", async () => {
    const { user, secret } = await enrolledUser();
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => verifySecondFactor(user, codeAt(secret, now), now)),
    );
    expect(results.filter((r) => r === "totp")).toHaveLength(1);
  });

  it("accepts a code one step either side of now, and not two", async () => {
    const { user, secret } = await enrolledUser();
    const now = new Date();
    expect(await verifySecondFactor(user, codeAt(secret, seconds(now, -30)), now)).toBe("totp");
    expect(await verifySecondFactor(user, codeAt(secret, seconds(now, 30)), now)).toBe("totp");
    expect(await verifySecondFactor(user, codeAt(secret, seconds(now, 60)), now)).toBeNull();
  });

  it("a recovery code signs in once, its use is audited, and the others still work", async () => {
    const { user, recoveryCodes } = await enrolledUser();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const [first, second] = recoveryCodes as [string, string];
    expect((await attempt(user.email, TEST_PASSWORD, first.toUpperCase())).ok).toBe(true);
    expect(await attempt(user.email, TEST_PASSWORD, first)).toEqual({ ok: false, reason: "invalid" });
    expect((await attempt(user.email, TEST_PASSWORD, second.replace("-", " "))).ok).toBe(true);
    const uses = await db().auditEvent.findMany({
      where: { action: "auth.recovery-code.use", actorId: user.id },
    });
    expect(uses).toHaveLength(2);
    expect(await db().recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(8);
  });

  it("regenerated recovery codes replace every earlier one", async () => {
    const { user, recoveryCodes } = await enrolledUser();
    const fresh = await regenerateRecoveryCodes(user);
    expect(fresh).toHaveLength(10);
    expect(await attempt(user.email, TEST_PASSWORD, recoveryCodes[0]!)).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect((await attempt(user.email, TEST_PASSWORD, fresh![0]!)).ok).toBe(true);
  });

  it("a user with no second factor cannot sign in, and is told so only after the right password", async () => {
    const unit = await makeOrganisation();
    const user = await makeUser("LIAISON_OFFICER", unit.id);
    expect(await attempt(user.email, "wrong password", "123456")).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await attempt(user.email, TEST_PASSWORD, "123456")).toEqual({
      ok: false,
      reason: "no-second-factor",
    });
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("every attempt is audited, and no code, password or recovery code is stored in the log", async () => {
    const { user, secret, recoveryCodes } = await enrolledUser();
    const now = new Date();
    await attempt(user.email, TEST_PASSWORD, "999999", now);
    await attempt(user.email, TEST_PASSWORD, codeAt(secret, now), now);
    await attempt(user.email, TEST_PASSWORD, recoveryCodes[3]!, now);
    const events = await db().auditEvent.findMany({ where: { actorId: user.id } });
    const log = JSON.stringify(events, (_, v: unknown) => (typeof v === "bigint" ? String(v) : v));
    for (const secretThing of [TEST_PASSWORD, codeAt(secret, now), recoveryCodes[3]!, secret])
      expect(log).not.toContain(secretThing);
    expect(
      events
        .filter((e) => e.action === "auth.sign-in")
        .map((e) => e.outcome)
        .sort(),
    ).toEqual(["FAILURE", "SUCCESS", "SUCCESS"]);
  });
});

describe("secrets at rest", () => {
  it("the database holds neither the TOTP secret nor the recovery codes in a usable form", async () => {
    const { user, secret, recoveryCodes } = await enrolledUser();
    const rows = await ownerSql().query(`SELECT "totpSecretEnc" FROM "User" WHERE id = $1`, [user.id]);
    const codes = await ownerSql().query(`SELECT "codeHash" FROM "RecoveryCode" WHERE "userId" = $1`, [
      user.id,
    ]);
    const dump = JSON.stringify([rows.rows, codes.rows]);
    expect(dump).not.toContain(secret);
    for (const code of recoveryCodes) expect(dump).not.toContain(code.replace("-", ""));
    // The ciphertext is bound to its user: moved to another row it does not decrypt.
    const stored = rows.rows[0].totpSecretEnc as string;
    expect(decryptTotpSecret(user.id, stored)).toBe(secret);
    expect(() => decryptTotpSecret("0199a1b2-0000-7000-8000-000000000000", stored)).toThrow();
  });
});

describe("an administrator resetting a second factor", () => {
  it("removes the factor and codes and ends the user's sessions; the user must be set up again", async () => {
    const { user, secret, recoveryCodes } = await enrolledUser();
    const force = await makeOrganisation("POLICE_FORCE");
    const admin = await makeUser("ADMIN", force.id);
    const signIn = await attempt(user.email, TEST_PASSWORD, codeAt(secret));
    if (!signIn.ok) throw new Error("sign-in should have worked");
    await resetSecondFactor(admin, user.id);
    expect(await resolveSession(signIn.sessionId)).toBeNull();
    expect(await attempt(user.email, TEST_PASSWORD, recoveryCodes[0]!)).toEqual({
      ok: false,
      reason: "no-second-factor",
    });
    const audit = await db().auditEvent.findMany({
      where: { action: "auth.second-factor.reset", recordId: user.id },
    });
    expect(audit.map((a) => [a.actorId, a.outcome])).toEqual([[admin.id, "SUCCESS"]]);
  });

  it("is refused (and audited) for anyone but an administrator", async () => {
    const { user } = await enrolledUser();
    const { user: supervisor } = await enrolledUser("SUPERVISOR");
    await expect(resetSecondFactor(supervisor, user.id)).rejects.toBeInstanceOf(AccountRefusal);
    expect(await db().user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      totpEnrolledAt: expect.any(Date),
    });
    expect(
      await db().auditEvent.count({ where: { action: "auth.second-factor.reset", outcome: "DENIED" } }),
    ).toBe(1);
  });
});

describe("passwords", () => {
  it("none of the last five can be chosen again; the sixth one back can", async () => {
    const unit = await makeOrganisation();
    const user = await makeUser("LIAISON_OFFICER", unit.id);
    const passwords = [
      "first lantern harbour",
      "second lantern harbour",
      "third lantern harbour",
      "fourth lantern harbour",
      "fifth lantern harbour",
    ];
    for (const p of passwords) await db().$transaction((tx) => storeNewPassword(tx, user.id, p));
    // Current: the fifth; before it the fourth … first. TEST_PASSWORD is now six back.
    for (const p of passwords)
      expect(await db().$transaction((tx) => isRecentlyUsedPassword(tx, user.id, p))).toBe(true);
    expect(await db().$transaction((tx) => isRecentlyUsedPassword(tx, user.id, TEST_PASSWORD))).toBe(false);
    await db().$transaction((tx) => storeNewPassword(tx, user.id, "sixth lantern harbour"));
    expect(await db().$transaction((tx) => isRecentlyUsedPassword(tx, user.id, passwords[0]!))).toBe(false);
    expect(await db().$transaction((tx) => isRecentlyUsedPassword(tx, user.id, passwords[1]!))).toBe(true);
    expect(await db().passwordHistory.count({ where: { userId: user.id } })).toBe(4);
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(row.passwordHash, "sixth lantern harbour")).toBe(true);
  });
});

describe("recent authentication", () => {
  it("sign-in counts for five minutes; a later password check counts again", async () => {
    const { user, secret } = await enrolledUser();
    const start = new Date();
    const signIn = await attempt(user.email, TEST_PASSWORD, codeAt(secret, start), start);
    if (!signIn.ok) throw new Error("sign-in should have worked");
    const owner = { id: user.id, sessionId: signIn.sessionId };
    expect(await hasRecentAuth(owner, seconds(start, 60))).toBe(true);
    expect(await hasRecentAuth(owner, seconds(start, 301))).toBe(false);
    await markRecentAuth(owner, seconds(start, 400));
    expect(await hasRecentAuth(owner, seconds(start, 500))).toBe(true);
    expect(await hasRecentAuth(owner, seconds(start, 701))).toBe(false);
    // Another user's session id proves nothing.
    expect(
      await hasRecentAuth(
        { id: "0199a1b2-0000-7000-8000-000000000000", sessionId: signIn.sessionId },
        seconds(start, 60),
      ),
    ).toBe(false);
  });
});

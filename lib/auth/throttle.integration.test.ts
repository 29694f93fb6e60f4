import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { attemptSignIn } from "./sign-in";
import { pruneThrottle, reserveAttempt } from "./throttle";
import { encryptTotpSecret } from "./second-factor";
import { generateTotpSecret, totpAt } from "./totp";
import { makeOrganisation, makeUser, TEST_PASSWORD } from "@/tests/support/factories";

// Read once by lib/env.ts, before anything here asks for it: 5 free attempts per account
// (the default) and 8 per address for this file.
vi.stubEnv("SIGN_IN_ADDRESS_FREE_ATTEMPTS", "8");

const FREE = 5;

// Limits passed straight to reserveAttempt: five free attempts per account and address,
// waits up to 15 minutes, and the given cap on password checks per minute.
function fiveFree(overallPerMinute: number) {
  return { accountFreeAttempts: FREE, addressFreeAttempts: FREE, maxWaitMs: 900_000, overallPerMinute };
}

async function enrolledOfficer() {
  const unit = await makeOrganisation();
  const user = await makeUser("LIAISON_OFFICER", unit.id);
  const secret = generateTotpSecret();
  await db().user.update({
    where: { id: user.id },
    data: { totpSecretEnc: encryptTotpSecret(user.id, secret), totpEnrolledAt: new Date() },
  });
  return { user, secret };
}

// The last audit event so far: what a test's attempts write comes after it.
async function mark(): Promise<string> {
  const last = await db().auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  return last?.id ?? "00000000-0000-0000-0000-000000000000";
}

// A password check that happened leaves a FAILURE (or SUCCESS) event; a refused attempt
// leaves a DENIED one and never reaches the check.
async function outcomes(after: string) {
  const events = await db().auditEvent.findMany({
    where: { action: "auth.sign-in", id: { gt: after } },
    orderBy: { id: "asc" },
    select: { outcome: true, recordType: true, recordId: true },
  });
  const count = (o: string) => events.filter((e) => e.outcome === o).length;
  return { checked: count("FAILURE") + count("SUCCESS"), denied: count("DENIED"), events };
}

describe("sign-in throttling", () => {
  it("a burst of 20 parallel wrong guesses at one account gets only the free attempts checked", async () => {
    const { user } = await enrolledOfficer();
    const since = await mark();
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        attemptSignIn(user.email, `wrong guess ${i}`, "123456", now, { address: `198.51.100.${i + 1}` }),
      ),
    );
    const { checked, denied } = await outcomes(since);
    expect(checked).toBe(FREE);
    expect(denied).toBe(20 - FREE);
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(FREE);
    const refused = results.filter((r) => !r.ok && r.reason === "too-many-attempts");
    expect(refused).toHaveLength(20 - FREE);
    // Each refusal says how long to wait: the first wait is 30 seconds.
    for (const r of refused) expect(r).toMatchObject({ retryAfterSeconds: 30 });
  });

  it("while an account waits, even the right password is refused without being checked; after the wait it works", async () => {
    const { user, secret } = await enrolledOfficer();
    const since = await mark();
    const start = new Date("2026-06-01T09:00:00Z");
    const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
    const client = { address: "203.0.113.5" };
    for (let i = 0; i < FREE; i++) await attemptSignIn(user.email, `wrong ${i}`, "123456", start, client);

    const refused = await attemptSignIn(user.email, TEST_PASSWORD, totpAt(secret, at(10)), at(10), client);
    expect(refused).toEqual({ ok: false, reason: "too-many-attempts", retryAfterSeconds: 20 });
    const { checked, events } = await outcomes(since);
    expect(events.filter((e) => e.outcome === "DENIED").map((e) => e.recordId)).toEqual(["account"]);
    // No password check happened: no FAILURE or SUCCESS after the five.
    expect(checked).toBe(FREE);

    const after = await attemptSignIn(user.email, TEST_PASSWORD, totpAt(secret, at(31)), at(31), client);
    expect(after.ok).toBe(true);
    // A success starts the account afresh: the next mistake does not wait.
    expect(await attemptSignIn(user.email, "wrong again", "123456", at(32), client)).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("waits double with each further attempt, up to the cap, and a rested account starts afresh", async () => {
    const limits = {
      accountFreeAttempts: 5,
      addressFreeAttempts: 100,
      maxWaitMs: 900_000,
      overallPerMinute: 1000,
    };
    const subject = { accountKey: "doubling", address: "203.0.113.6" };
    const row = () => db().signInThrottle.findUniqueOrThrow({ where: { key: "account:doubling" } });
    let now = new Date("2026-06-02T09:00:00Z");
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      expect(await reserveAttempt(subject, now, limits)).toBeNull();
      const wait = ((await row()).blockedUntil.getTime() - now.getTime()) / 1000;
      waits.push(wait);
      if (wait > 0)
        expect(await reserveAttempt(subject, new Date(now.getTime() + wait * 1000 - 1000), limits)).toEqual({
          limit: "account",
          retryAfterSeconds: 1,
        });
      now = new Date(now.getTime() + wait * 1000);
    }
    expect(waits).toEqual([0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900, 900]);
    // Fifteen minutes past the last wait, the account has rested and starts again at one.
    expect(await reserveAttempt(subject, new Date(now.getTime() + 15 * 60_000), limits)).toBeNull();
    expect((await row()).attempts).toBe(1);
  });

  it("an unknown email is throttled and answered exactly like a real account", async () => {
    const now = new Date();
    const client = { address: "203.0.113.7" };
    const answers = [];
    for (let i = 0; i < FREE + 1; i++)
      answers.push(await attemptSignIn("nobody-here@test.liaison", `guess ${i}`, "123456", now, client));
    expect(answers.slice(0, FREE).every((a) => !a.ok && a.reason === "invalid")).toBe(true);
    expect(answers[FREE]).toEqual({ ok: false, reason: "too-many-attempts", retryAfterSeconds: 30 });
  });

  it("one address guessing at many accounts is slowed after its own allowance", async () => {
    const users = await Promise.all(Array.from({ length: 12 }, () => enrolledOfficer()));
    const since = await mark();
    const now = new Date();
    const results = await Promise.all(
      users.map(({ user }) => attemptSignIn(user.email, "wrong", "123456", now, { address: "192.0.2.44" })),
    );
    const { checked } = await outcomes(since);
    expect(checked).toBe(8);
    expect(results.filter((r) => !r.ok && r.reason === "too-many-attempts")).toHaveLength(4);
    const refusedBy = await db().auditEvent.findMany({
      where: { action: "auth.sign-in", outcome: "DENIED", id: { gt: since } },
      select: { recordId: true },
    });
    expect(new Set(refusedBy.map((e) => e.recordId))).toEqual(new Set(["address"]));
    // A colleague at another address is not held up.
    const other = users[0]!.user;
    expect(await attemptSignIn(other.email, "wrong", "123456", now, { address: "192.0.2.45" })).toMatchObject(
      {
        reason: "invalid",
      },
    );
  });

  it("caps password checks per minute in all, whatever the account and address", async () => {
    const limits = fiveFree(3);
    const now = new Date("2030-01-01T00:00:00Z");
    const answers = [];
    for (let i = 0; i < 5; i++)
      answers.push(await reserveAttempt({ accountKey: `k${i}`, address: `192.0.2.${i + 100}` }, now, limits));
    expect(answers.slice(0, 3)).toEqual([null, null, null]);
    expect(answers[3]).toEqual({ limit: "overall", retryAfterSeconds: 60 });
    // The next minute has room again.
    expect(
      await reserveAttempt(
        { accountKey: "k9", address: "192.0.2.99" },
        new Date(now.getTime() + 60_000),
        limits,
      ),
    ).toBeNull();
  });

  it("colleagues behind one address whose attempts reach the counters out of order are not refused", async () => {
    // Each attempt takes its time when it starts, then may queue for a password-check slot:
    // the later-started one can be charged first. Neither is past the allowance, so neither
    // may be told to wait (an end-to-end run here was refused "wait 1 minute" this way).
    const limits = fiveFree(100);
    const later = new Date("2031-01-01T00:00:02Z");
    const earlier = new Date(later.getTime() - 2_000);
    const address = "192.0.2.210";
    expect(await reserveAttempt({ accountKey: "queued-a", address }, later, limits)).toBeNull();
    expect(await reserveAttempt({ accountKey: "queued-b", address }, earlier, limits)).toBeNull();
    // The same account, too: a second browser's attempt that started first.
    expect(
      await reserveAttempt({ accountKey: "queued-a", address: "192.0.2.211" }, earlier, limits),
    ).toBeNull();
    // Past the allowance, the wait still holds, whichever order the attempts arrive in.
    for (let i = 0; i < 3; i++)
      expect(await reserveAttempt({ accountKey: `queued-c${i}`, address }, later, limits)).toBeNull();
    expect(await reserveAttempt({ accountKey: "queued-d", address }, earlier, limits)).toEqual({
      limit: "address",
      retryAfterSeconds: 30,
    });
  });

  it("counters left alone for a day are cleared away; the overall counter stays", async () => {
    const then = new Date("2031-01-01T00:00:00Z");
    await reserveAttempt({ accountKey: "old", address: "192.0.2.200" }, then);
    expect(
      await db().signInThrottle.count({ where: { key: { in: ["account:old", "address:192.0.2.200"] } } }),
    ).toBe(2);
    await pruneThrottle(new Date(then.getTime() + 25 * 3_600_000));
    expect(
      await db().signInThrottle.count({ where: { key: { in: ["account:old", "address:192.0.2.200"] } } }),
    ).toBe(0);
    expect(await db().signInThrottle.count({ where: { key: "overall" } })).toBe(1);
  });
});

import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { attemptSignIn } from "./sign-in";
import { encryptTotpSecret } from "./second-factor";
import { generateTotpSecret, totpAt } from "./totp";
import { reasonNotToSeedHere, seedDemo } from "@/prisma/seed/demo";
import { makeOrganisation, makeUser, TEST_PASSWORD } from "@/tests/support/factories";

// This file runs outside demo mode, as a real deployment does (lib/env.ts reads it once).
vi.stubEnv("LIAISON_DEMO", "0");

async function enrolled(email: string) {
  const unit = await makeOrganisation();
  const user = await makeUser("SUPERVISOR", unit.id, { email });
  const secret = generateTotpSecret();
  await db().user.update({
    where: { id: user.id },
    data: { totpSecretEnc: encryptTotpSecret(user.id, secret), totpEnrolledAt: new Date() },
  });
  return { user, secret };
}

describe("outside demo mode", () => {
  it("a demo account is refused even with the right password and code, audited, and answered like a wrong password", async () => {
    const { secret } = await enrolled("supervisor@demo.liaison.test");
    const now = new Date();
    const answer = await attemptSignIn(
      "Supervisor@Demo.Liaison.Test",
      TEST_PASSWORD,
      totpAt(secret, now),
      now,
    );
    expect(answer).toEqual({ ok: false, reason: "invalid" });
    expect(await db().session.count()).toBe(0);
    const events = await db().auditEvent.findMany({ where: { action: "auth.sign-in" } });
    expect(events.map((e) => [e.outcome, e.recordType])).toEqual([["DENIED", "demo-account"]]);

    // An ordinary account signs in as usual.
    const real = await enrolled("officer@force.example");
    const later = new Date(now.getTime() + 31_000);
    expect((await attemptSignIn(real.user.email, TEST_PASSWORD, totpAt(real.secret, later), later)).ok).toBe(
      true,
    );
  });

  it("the demo seed refuses to run, and a production environment never seeds", async () => {
    const before = await db().user.count();
    const refused = await seedDemo(db(), { environment: {} });
    expect(refused.created).toBe(false);
    expect(refused.reason).toMatch(/not demo mode/);
    const production = await seedDemo(db(), { environment: { NODE_ENV: "production", LIAISON_DEMO: "1" } });
    expect(production.created).toBe(false);
    expect(production.reason).toMatch(/production/);
    expect(await db().user.count()).toBe(before);
    expect(await db().organisation.count({ where: { isDemo: true } })).toBe(0);
  });

  it("the seed runs only in demo mode or a test run", () => {
    expect(reasonNotToSeedHere({ LIAISON_DEMO: "1" })).toBeNull();
    expect(reasonNotToSeedHere({ NODE_ENV: "test" })).toBeNull();
    expect(reasonNotToSeedHere({ LIAISON_DEMO: "0", NODE_ENV: "development" })).not.toBeNull();
  });
});

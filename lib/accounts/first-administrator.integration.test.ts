// The first administrator of an installation (npm run admin:first). The file's database starts
// with no accounts, as a new deployment does; before each test every administrator is
// disabled, so each test starts from "nobody can make accounts".
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { chooseSetupPassword, completeSetup, setupState } from "@/lib/auth/account-credentials";
import { totpAt } from "@/lib/auth/totp";
import { makeOrganisation, makeUser } from "@/tests/support/factories";
import { ownerDb } from "@/tests/support/owner-db";
import { findRedeemableSetupToken } from "./setup-links";
import { ADMINISTRATORS_LOCK } from "./admin-guard";
import { createFirstAdministrator } from "./first-administrator";

const now = new Date();
const NO_SSO = { demo: false, oidcIssuer: null };
let n = 0;
// A new person (and force) for each run, so tests do not meet each other's accounts.
const someone = (organisation = "Gwent Police") => {
  n += 1;
  return { organisation, name: `Alex Morgan ${"I".repeat(n)}`, email: `alex.${n}@gwent.example` };
};

function tokenOf(url: string): string {
  const match = /\/setup\/([A-Za-z0-9_-]{43})$/.exec(new URL(url).pathname);
  if (!match?.[1]) throw new Error(`not a set-up link: ${url}`);
  return match[1];
}

async function written() {
  return {
    users: await db().user.count(),
    organisations: await db().organisation.count(),
    tokens: await db().accountSetupToken.count(),
  };
}

async function lastSeq(): Promise<bigint> {
  const last = await db().auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } });
  return last?.seq ?? 0n;
}

async function eventsSince(seq: bigint) {
  return db().auditEvent.findMany({ where: { seq: { gt: seq } }, orderBy: { seq: "asc" } });
}

// An administrator who has set up their account: a password and a confirmed authenticator.
async function setUpAdministrator(organisationId: string, overrides: { email?: string } = {}) {
  return makeUser("ADMIN", organisationId, { totpEnrolledAt: now, ...overrides });
}

beforeEach(async () => {
  await db().user.updateMany({ where: { role: "ADMIN", disabledAt: null }, data: { disabledAt: now } });
});

describe("the first administrator", () => {
  it("two runs at once make one administrator: the second waits for the lock and is told who is waiting", async () => {
    // Hold the administrators' lock so that both runs are certainly inside at the same time.
    const holder = new pg.Client({ connectionString: env().DATABASE_URL });
    await holder.connect();
    try {
      await holder.query("SELECT pg_advisory_lock($1::bigint)", [ADMINISTRATORS_LOCK]);
      const a = someone("Gwent Police");
      const b = someone("Dyfed-Powys Police");
      const runs = Promise.all([
        createFirstAdministrator(a, now, NO_SSO),
        createFirstAdministrator(b, now, NO_SSO),
      ]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await holder.query("SELECT pg_advisory_unlock($1::bigint)", [ADMINISTRATORS_LOCK]);
      const results = await runs;
      expect(results.map((r) => r.status).sort()).toEqual(["created", "set-up-pending"]);
      const active = await db().user.findMany({ where: { role: "ADMIN", disabledAt: null } });
      expect(active).toHaveLength(1);
      expect(results.find((r) => r.status === "set-up-pending")).toEqual({
        status: "set-up-pending",
        email: active[0]?.email,
      });
    } finally {
      await holder.end();
    }
  });

  it("makes the force, the account with no password and a 24-hour link, audited with no actor and no token", async () => {
    const before = await lastSeq();
    const input = someone("South Wales Police");
    const made = await createFirstAdministrator(
      { ...input, email: ` ${input.email.toUpperCase()} ` },
      now,
      NO_SSO,
    );
    if (made.status !== "created") throw new Error(`expected created, got ${made.status}`);
    expect(made).toMatchObject({
      email: input.email,
      organisationName: "South Wales Police",
      organisationCreated: true,
    });
    expect(made.expiresAt).toEqual(new Date(now.getTime() + 24 * 3_600_000));
    const user = await db().user.findUniqueOrThrow({
      where: { id: made.userId },
      include: { organisation: true },
    });
    expect(user).toMatchObject({
      role: "ADMIN",
      passwordHash: null,
      totpEnrolledAt: null,
      organisation: { id: made.organisationId, kind: "POLICE_FORCE", deactivatedAt: null },
    });
    const token = tokenOf(made.setupUrl);
    expect(await findRedeemableSetupToken(token, now)).toMatchObject({ userId: made.userId });
    const events = await eventsSince(before);
    expect(events.map((e) => [e.action, e.outcome, e.recordType, e.recordId, e.actorId])).toEqual([
      ["organisation.create", "SUCCESS", "organisation", made.organisationId, null],
      ["account.first-administrator", "SUCCESS", "user", made.userId, null],
      ["account.setup-link.issue", "SUCCESS", "user", made.userId, null],
    ]);
    expect(JSON.stringify(events, (_, v: unknown) => (typeof v === "bigint" ? String(v) : v))).not.toContain(
      token,
    );
  });

  it("asked again for the waiting account: a new link from the start, the earlier one and its password gone", async () => {
    const input = someone();
    const made = await createFirstAdministrator(input, now, NO_SSO);
    if (made.status !== "created") throw new Error(`expected created, got ${made.status}`);
    const firstToken = tokenOf(made.setupUrl);
    expect(
      await chooseSetupPassword(firstToken, "Llanfair-Ceredigion-19-stones", "Llanfair-Ceredigion-19-stones"),
    ).toEqual({
      ok: true,
    });
    expect(await setupState(firstToken)).toMatchObject({ step: "enrol" });

    const before = await lastSeq();
    const again = await createFirstAdministrator(
      { ...input, name: "Somebody Else", organisation: "Elsewhere" },
      now,
      NO_SSO,
    );
    if (again.status !== "new-link") throw new Error(`expected a new link, got ${again.status}`);
    expect(again).toMatchObject({
      userId: made.userId,
      organisationId: made.organisationId,
      organisationCreated: false,
    });
    expect(await findRedeemableSetupToken(firstToken, now)).toBeNull();
    expect(await setupState(tokenOf(again.setupUrl))).toMatchObject({ step: "password" });
    expect(await db().user.findUniqueOrThrow({ where: { id: made.userId } })).toMatchObject({
      name: input.name,
      passwordHash: null,
      totpSecretEnc: null,
    });
    expect(await db().organisation.count({ where: { name: "Elsewhere" } })).toBe(0);
    expect((await eventsSince(before)).map((e) => [e.action, e.outcome, e.actorId])).toEqual([
      ["account.first-administrator.new-link", "SUCCESS", null],
      ["account.setup-link.issue", "SUCCESS", null],
    ]);
  });

  it("a set-up that finishes while the command runs is not undone by a new link", async () => {
    const input = someone();
    const made = await createFirstAdministrator(input, now, NO_SSO);
    if (made.status !== "created") throw new Error(`expected created, got ${made.status}`);
    // The last step of redeeming the link, still uncommitted when the command asks.
    const redeeming = new pg.Client({ connectionString: env().DATABASE_URL });
    await redeeming.connect();
    try {
      await redeeming.query("BEGIN");
      await redeeming.query(
        `UPDATE "User" SET "passwordHash" = 'chosen', "totpEnrolledAt" = now() WHERE id = $1`,
        [made.userId],
      );
      const asked = createFirstAdministrator(input, now, NO_SSO);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await redeeming.query("COMMIT");
      expect(await asked).toEqual({ status: "administrator-exists" });
    } finally {
      await redeeming.end();
    }
    expect(await db().user.findUniqueOrThrow({ where: { id: made.userId } })).toMatchObject({
      passwordHash: "chosen",
    });
  });

  it("the last administrator locked out: once the owner clears their sign-in, a new link for them", async () => {
    const force = await makeOrganisation("POLICE_FORCE");
    const locked = await setUpAdministrator(force.id);
    expect(await createFirstAdministrator({ ...someone(), email: locked.email }, now, NO_SSO)).toEqual({
      status: "administrator-exists",
    });
    // decision 025's way back, run as the owner outside the app.
    await ownerDb()
      .$executeRaw`UPDATE "User" SET "passwordHash" = NULL, "totpEnrolledAt" = NULL WHERE email = ${locked.email}`;
    const again = await createFirstAdministrator({ ...someone(), email: locked.email }, now, NO_SSO);
    expect(again).toMatchObject({ status: "new-link", userId: locked.id, organisationId: force.id });
    if (again.status === "new-link")
      expect(await setupState(tokenOf(again.setupUrl))).toMatchObject({ step: "password" });
  });

  it("bad input changes nothing and names each field", async () => {
    const before = await written();
    const seq = await lastSeq();
    expect(
      await createFirstAdministrator(
        { organisation: " ", name: "A\u0007", email: "not an address" },
        now,
        NO_SSO,
      ),
    ).toEqual({
      status: "invalid",
      fieldErrors: {
        organisation: "admin.errors.organisationName",
        name: "admin.errors.controlCharacters",
        email: "admin.errors.email",
      },
    });
    expect(
      await createFirstAdministrator({ organisation: "Gwent Police", name: "Alex" }, now, NO_SSO),
    ).toMatchObject({
      status: "invalid",
      fieldErrors: { email: "admin.errors.email" },
    });
    expect(await written()).toEqual(before);
    expect(await lastSeq()).toBe(seq);
  });

  it("refuses, audited and changing nothing, once the administrator has set up password and authenticator", async () => {
    const input = someone();
    const made = await createFirstAdministrator(input, now, NO_SSO);
    if (made.status !== "created") throw new Error(`expected created, got ${made.status}`);
    const token = tokenOf(made.setupUrl);
    await chooseSetupPassword(token, "Llanfair-Ceredigion-19-stones", "Llanfair-Ceredigion-19-stones");
    const state = await setupState(token);
    if (state?.step !== "enrol") throw new Error(`expected the enrol step, got ${state?.step}`);
    expect((await completeSetup(token, totpAt(state.secret, new Date()))).ok).toBe(true);

    const before = await written();
    const seq = await lastSeq();
    expect(await createFirstAdministrator(input, now, NO_SSO)).toEqual({ status: "administrator-exists" });
    expect(await createFirstAdministrator(someone(), now, NO_SSO)).toEqual({
      status: "administrator-exists",
    });
    expect(await written()).toEqual(before);
    expect((await eventsSince(seq)).map((e) => [e.action, e.outcome, e.actorId])).toEqual([
      ["account.first-administrator", "DENIED", null],
      ["account.first-administrator", "DENIED", null],
    ]);
  });

  it("counts only administrators who could sign in now: not disabled, not in a deactivated force, demo and single sign-on only where they work", async () => {
    const closed = await makeOrganisation("POLICE_FORCE");
    await setUpAdministrator(closed.id);
    await db().organisation.update({ where: { id: closed.id }, data: { deactivatedAt: now } });
    const force = await makeOrganisation("POLICE_FORCE");
    await setUpAdministrator(force.id, { email: `admin-${n}@demo.liaison.test` });
    await db().user.update({
      where: { id: (await makeUser("ADMIN", force.id, { passwordHash: null })).id },
      data: { oidcIssuer: "https://idp.force.example", oidcSubject: "entra-object-id-1" },
    });
    const sso = await db().user.findFirstOrThrow({ where: { oidcSubject: "entra-object-id-1" } });
    expect(await createFirstAdministrator(someone(), now, { demo: true, oidcIssuer: null })).toEqual({
      status: "administrator-exists",
    });
    expect(
      await createFirstAdministrator(someone(), now, {
        demo: false,
        oidcIssuer: "https://idp.force.example",
      }),
    ).toEqual({ status: "administrator-exists" });
    // With single sign-on pointed elsewhere, its administrator is only waiting (a set-up link
    // is their way in); the demo administrator, who can never sign in outside demo mode, is
    // neither counted nor waited for, and the one in the deactivated force does not count.
    expect(
      await createFirstAdministrator(someone(), now, { demo: false, oidcIssuer: "https://other.example" }),
    ).toEqual({
      status: "set-up-pending",
      email: sso.email,
    });
    await db().user.update({ where: { id: sso.id }, data: { disabledAt: now } });
    expect((await createFirstAdministrator(someone(), now, NO_SSO)).status).toBe("created");
  });

  it("uses the force already there whatever its capitals; refuses an address in use or a name that is not a force", async () => {
    const existing = await makeOrganisation("POLICE_FORCE", "North Wales Police");
    const made = await createFirstAdministrator(someone("NORTH WALES police"), now, NO_SSO);
    expect(made).toMatchObject({
      status: "created",
      organisationId: existing.id,
      organisationName: "North Wales Police",
      organisationCreated: false,
    });
    await db().user.updateMany({ where: { role: "ADMIN", disabledAt: null }, data: { disabledAt: now } });

    const unit = await makeOrganisation("LIAISON_UNIT", "Gwent SWLO Unit");
    const officer = await makeUser("LIAISON_OFFICER", unit.id);
    const before = await written();
    expect(await createFirstAdministrator({ ...someone(), email: officer.email }, now, NO_SSO)).toEqual({
      status: "email-taken",
    });
    expect(await createFirstAdministrator(someone("gwent swlo unit"), now, NO_SSO)).toEqual({
      status: "organisation-not-a-force",
    });
    await db().organisation.update({ where: { id: existing.id }, data: { deactivatedAt: now } });
    expect(await createFirstAdministrator(someone("North Wales Police"), now, NO_SSO)).toEqual({
      status: "organisation-not-a-force",
    });
    expect(await written()).toEqual(before);
  });

  it("the command prints the link and the force's id, explains a refusal and exits non-zero", async () => {
    const run = promisify(execFile);
    // The file's own DATABASE_URL and AUTH_SECRET reach the command as an operator's would.
    const command = async (...args: string[]) =>
      run(process.execPath, ["--import", "tsx", "tools/first-admin-cli.ts", ...args], {
        timeout: 60_000,
      }).then(
        ({ stdout, stderr }) => ({ code: 0, out: stdout, err: stderr }),
        (error: { code?: number; stdout?: string; stderr?: string }) => ({
          code: error.code ?? -1,
          out: error.stdout ?? "",
          err: error.stderr ?? "",
        }),
      );

    const usage = await command("--name", "Only a name");
    expect(usage.code).toBe(1);
    expect(usage.err).toContain("Usage: npm run admin:first");

    const bad = await command("--organisation", "Gwent Police", "--name", "Rhian Price", "--email", "nope");
    expect(bad.code).toBe(1);
    expect(bad.err).toContain("--email: Enter an email address in the correct format");

    const made = await command(
      "--organisation",
      "Heddlu Gwent",
      "--name",
      "Rhian Price",
      "--email",
      "rhian.price@gwent.example",
    );
    expect(made.code).toBe(0);
    const url = /https?:\/\/\S+\/setup\/[A-Za-z0-9_-]{43}/.exec(made.out)?.[0];
    if (!url) throw new Error(`no link in: ${made.out}`);
    expect(await findRedeemableSetupToken(tokenOf(url))).not.toBeNull();
    const force = await db().organisation.findFirstOrThrow({ where: { name: "Heddlu Gwent" } });
    expect(made.out).toContain(force.id);

    const waiting = await command(
      "--organisation=Heddlu Gwent",
      "--name=Sam Other",
      "--email=sam@gwent.example",
    );
    expect(waiting.code).toBe(2);
    expect(waiting.err).toContain("waiting to be set up: rhian.price@gwent.example");
  }, 120_000);
});

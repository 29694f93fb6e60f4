// The first administrator of an installation (npm run admin:first). The tests run in order on
// one database that starts with no accounts at all, as a new deployment does.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { chooseSetupPassword, completeSetup, setupState } from "@/lib/auth/account-credentials";
import { totpAt } from "@/lib/auth/totp";
import { makeOrganisation, makeUser } from "@/tests/support/factories";
import { findRedeemableSetupToken } from "./setup-links";
import { createFirstAdministrator } from "./first-administrator";

const now = new Date();
const input = { organisation: "Gwent Police", name: "Alex Morgan", email: "Alex.Morgan@gwent.example" };
// Which of the two first runs won the race (test 1); the tests after it continue with them.
let first = { ...input };

function tokenOf(url: string): string {
  const match = /\/setup\/([A-Za-z0-9_-]{43})$/.exec(new URL(url).pathname);
  if (!match?.[1]) throw new Error(`not a set-up link: ${url}`);
  return match[1];
}

async function written() {
  return {
    users: await db().user.count(),
    organisations: await db().organisation.count(),
    events: await db().auditEvent.count(),
  };
}

const run = promisify(execFile);

// The command as an operator runs it, against this file's database.
async function command(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    // The file's own DATABASE_URL and AUTH_SECRET reach the command as an operator's would.
    const { stdout, stderr } = await run(
      process.execPath,
      ["--import", "tsx", "tools/first-admin-cli.ts", ...args],
      {
        timeout: 60_000,
      },
    );
    return { code: 0, out: stdout, err: stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, out: failed.stdout ?? "", err: failed.stderr ?? "" };
  }
}

describe("the first administrator", () => {
  it("two runs at once on an empty installation make one administrator; the other is told who is waiting", async () => {
    expect(await db().user.count({ where: { role: "ADMIN" } })).toBe(0);
    const [a, b] = await Promise.all([
      createFirstAdministrator(input, now),
      createFirstAdministrator({ ...input, name: "Sam Other", email: "sam@gwent.example" }, now),
    ]);
    const results = [a, b].map((r) => r.status).sort();
    expect(results).toEqual(["created", "set-up-pending"]);
    const admins = await db().user.findMany({ where: { role: "ADMIN" }, include: { organisation: true } });
    expect(admins).toHaveLength(1);
    const [admin] = admins;
    expect(admin).toMatchObject({
      passwordHash: null,
      disabledAt: null,
      organisation: { kind: "POLICE_FORCE", name: "Gwent Police" },
    });
    const pending = [a, b].find((r) => r.status === "set-up-pending");
    expect(pending).toEqual({ status: "set-up-pending", email: admin?.email });
    first = { ...input, name: admin?.name ?? "", email: admin?.email ?? "" };
    expect(await db().organisation.count()).toBe(1);
  });

  it("made the force, the account and a link valid for 24 hours, audited with no actor and no token", async () => {
    await db().$executeRaw`DELETE FROM "AccountSetupToken"`;
    const admin = await db().user.findFirstOrThrow({ where: { role: "ADMIN" } });
    // Asking again for the same (differently written) address: a new link, no new account.
    const again = await createFirstAdministrator({ ...first, email: ` ${admin.email.toUpperCase()} ` }, now);
    if (again.status !== "new-link") throw new Error(`expected a new link, got ${again.status}`);
    expect(again).toMatchObject({ userId: admin.id, organisationCreated: false });
    expect(again.expiresAt).toEqual(new Date(now.getTime() + 24 * 3_600_000));
    expect(again.setupUrl.startsWith("http")).toBe(true);
    const token = tokenOf(again.setupUrl);
    expect(await findRedeemableSetupToken(token, now)).toMatchObject({ userId: admin.id });
    const row = await db().accountSetupToken.findFirstOrThrow({ where: { userId: admin.id } });
    expect(row.createdById).toBe(admin.id);

    const events = await db().auditEvent.findMany({ orderBy: { seq: "asc" } });
    expect(events.map((e) => [e.action, e.recordType, e.actorId])).toEqual([
      ["organisation.create", "organisation", null],
      ["account.first-administrator", "user", null],
      ["account.setup-link.issue", "user", null],
      ["account.setup-link.issue", "user", null],
    ]);
    expect(JSON.stringify(events, (_, v: unknown) => (typeof v === "bigint" ? String(v) : v))).not.toContain(
      token,
    );
  });

  it("a new link replaces the earlier one, which stops working", async () => {
    const earlier = await createFirstAdministrator(first, now);
    const second = await createFirstAdministrator(first, now);
    if (earlier.status !== "new-link" || second.status !== "new-link") throw new Error("expected new links");
    expect(await findRedeemableSetupToken(tokenOf(earlier.setupUrl), now)).toBeNull();
    expect(await findRedeemableSetupToken(tokenOf(second.setupUrl), now)).not.toBeNull();
    expect(await db().user.count()).toBe(1);
  });

  it("bad input changes nothing and names each field", async () => {
    const before = await written();
    const result = await createFirstAdministrator(
      { organisation: " ", name: "A\u0007", email: "not an address" },
      now,
    );
    expect(result).toEqual({
      status: "invalid",
      fieldErrors: {
        organisation: "admin.errors.organisationName",
        name: "admin.errors.controlCharacters",
        email: "admin.errors.email",
      },
    });
    expect(await createFirstAdministrator({ organisation: "Gwent Police", name: "Alex" }, now)).toMatchObject(
      {
        status: "invalid",
        fieldErrors: { email: "admin.errors.email" },
      },
    );
    expect(await written()).toEqual(before);
  });

  it("once the administrator has set up their account (password and authenticator), it refuses and changes nothing", async () => {
    const link = await createFirstAdministrator(first, now);
    if (link.status !== "new-link") throw new Error("expected a new link");
    const token = tokenOf(link.setupUrl);
    expect(
      await chooseSetupPassword(token, "Llanfair-Ceredigion-19-stones", "Llanfair-Ceredigion-19-stones"),
    ).toEqual({
      ok: true,
    });
    // A password alone does not sign in: until the authenticator is confirmed the run still
    // only replaces the link.
    const midway = await createFirstAdministrator(first, now);
    expect(midway.status).toBe("new-link");
    if (midway.status !== "new-link") return;
    const state = await setupState(tokenOf(midway.setupUrl));
    if (state?.step !== "enrol") throw new Error(`expected the enrol step, got ${state?.step}`);
    const done = await completeSetup(tokenOf(midway.setupUrl), totpAt(state.secret, new Date()));
    expect(done.ok).toBe(true);

    const before = await written();
    expect(await createFirstAdministrator(first, now)).toEqual({ status: "administrator-exists" });
    expect(await createFirstAdministrator({ ...input, email: "someone.else@gwent.example" }, now)).toEqual({
      status: "administrator-exists",
    });
    expect(await written()).toEqual(before);
  });

  it("with the only administrator disabled, a new one can be made; an address or a name already in use is refused", async () => {
    await db().user.updateMany({ where: { role: "ADMIN" }, data: { disabledAt: now } });
    const unit = await makeOrganisation("LIAISON_UNIT", "Gwent SWLO Unit");
    const officer = await makeUser("LIAISON_OFFICER", unit.id);
    const before = await written();
    expect(await createFirstAdministrator({ ...input, email: officer.email }, now)).toEqual({
      status: "email-taken",
    });
    expect(
      await createFirstAdministrator(
        { ...input, organisation: "Gwent SWLO Unit", email: "new.admin@gwent.example" },
        now,
      ),
    ).toEqual({ status: "organisation-not-a-force" });
    expect(await written()).toEqual(before);

    const made = await createFirstAdministrator(
      { ...input, name: "Rhian Price", email: "rhian.price@gwent.example" },
      now,
    );
    expect(made).toMatchObject({
      status: "created",
      email: "rhian.price@gwent.example",
      organisationCreated: false,
    });
    expect(await db().organisation.count({ where: { name: "Gwent Police" } })).toBe(1);
  });

  it("the command prints the link for the operator, explains a refusal and exits non-zero", async () => {
    const usage = await command("--name", "Only a name");
    expect(usage.code).toBe(1);
    expect(usage.err).toContain("Usage: npm run admin:first");

    const bad = await command("--organisation", "Gwent Police", "--name", "Rhian Price", "--email", "nope");
    expect(bad.code).toBe(1);
    expect(bad.err).toContain("--email: Enter an email address in the correct format");

    const waiting = await command(
      "--organisation=Gwent Police",
      "--name=Sam Other",
      "--email=sam@gwent.example",
    );
    expect(waiting.code).toBe(2);
    expect(waiting.err).toContain("waiting to be set up: rhian.price@gwent.example");

    const link = await command(
      "--organisation",
      "Gwent Police",
      "--name",
      "Rhian Price",
      "--email",
      "rhian.price@gwent.example",
    );
    expect(link.code).toBe(0);
    const url = /https?:\/\/\S+\/setup\/[A-Za-z0-9_-]{43}/.exec(link.out)?.[0];
    if (!url) throw new Error(`no link in: ${link.out}`);
    expect(await findRedeemableSetupToken(tokenOf(url))).not.toBeNull();
  }, 120_000);
});

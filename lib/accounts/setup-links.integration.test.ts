import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeOrganisation, makeUser, signedIn } from "@/tests/support/factories";
import {
  findRedeemableSetupToken,
  hashSetupToken,
  issueSetupLink,
  markSetupTokenUsed,
  SETUP_LINK_HOURS,
} from "./setup-links";
import { AccountRefusal } from "./errors";
import { noMailer, setMailer, type SetupLinkMessage } from "./mailer";

const now = new Date("2026-07-10T09:00:00Z");
const asText = (value: unknown) =>
  JSON.stringify(value, (_, v: unknown) => (typeof v === "bigint" ? String(v) : v));

async function adminAndNewUser() {
  const force = await makeOrganisation("POLICE_FORCE");
  const unit = await makeOrganisation("LIAISON_UNIT");
  const admin = await signedIn("ADMIN", force.id);
  const user = await makeUser("LIAISON_OFFICER", unit.id, { passwordHash: null });
  return { admin, user, unit };
}

function tokenOf(url: string): string {
  const match = /\/setup\/([A-Za-z0-9_-]+)$/.exec(new URL(url).pathname);
  if (!match?.[1]) throw new Error(`not a set-up link: ${url}`);
  return match[1];
}

afterEach(() => setMailer(noMailer));

describe("set-up links", () => {
  it("an administrator issues a link valid for 24 hours; only the token's hash is stored", async () => {
    const { admin, user } = await adminAndNewUser();
    const { url, expiresAt } = await issueSetupLink(admin, user.id, now);
    expect(expiresAt).toEqual(new Date(now.getTime() + SETUP_LINK_HOURS * 3_600_000));
    const token = tokenOf(url);
    expect(token).toHaveLength(43);
    const rows = await db().accountSetupToken.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ tokenHash: hashSetupToken(token), createdById: admin.id, usedAt: null });
    expect(asText(rows)).not.toContain(token);
  });

  it("audits the issue without the token", async () => {
    const { admin, user } = await adminAndNewUser();
    const { url } = await issueSetupLink(admin, user.id, now);
    const events = await db().auditEvent.findMany({ where: { actorId: admin.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "account.setup-link.issue",
      recordType: "user",
      recordId: user.id,
      outcome: "SUCCESS",
    });
    expect(asText(events)).not.toContain(tokenOf(url));
  });

  it("the token is redeemable until it expires, and not a millisecond after", async () => {
    const { admin, user } = await adminAndNewUser();
    const { url, expiresAt } = await issueSetupLink(admin, user.id, now);
    const token = tokenOf(url);
    const justBefore = new Date(expiresAt.getTime() - 1);
    expect(await findRedeemableSetupToken(token, justBefore)).toMatchObject({ userId: user.id, expiresAt });
    expect(await findRedeemableSetupToken(token, expiresAt)).toBeNull();
    const found = await findRedeemableSetupToken(token, now);
    if (!found) throw new Error("not found");
    await expect(
      db().$transaction((tx) => markSetupTokenUsed(tx, found.id, expiresAt)),
    ).rejects.toBeInstanceOf(AccountRefusal);
  });

  it("a token is used once: of two concurrent redemptions exactly one succeeds", async () => {
    const { admin, user } = await adminAndNewUser();
    const { url } = await issueSetupLink(admin, user.id, now);
    const found = await findRedeemableSetupToken(tokenOf(url), now);
    if (!found) throw new Error("not found");
    const redeem = (password: string) =>
      db().$transaction(async (tx) => {
        await markSetupTokenUsed(tx, found.id, now);
        // Hold the row lock a moment so the two transactions really overlap.
        await tx.$executeRaw`SELECT pg_sleep(0.2)`;
        await tx.user.update({ where: { id: user.id }, data: { passwordHash: password } });
      });
    const results = await Promise.allSettled([redeem("first"), redeem("second")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((r) => r.status === "rejected");
    expect(failed?.status === "rejected" && failed.reason).toBeInstanceOf(AccountRefusal);
    const saved = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    const winner = results[0]?.status === "fulfilled" ? "first" : "second";
    expect(saved.passwordHash).toBe(winner);
    expect(await findRedeemableSetupToken(tokenOf(url), now)).toBeNull();
  });

  it("a new link replaces an earlier unused one", async () => {
    const { admin, user } = await adminAndNewUser();
    const first = await issueSetupLink(admin, user.id, now);
    const second = await issueSetupLink(admin, user.id, new Date(now.getTime() + 60_000));
    expect(await findRedeemableSetupToken(tokenOf(first.url), now)).toBeNull();
    expect(await findRedeemableSetupToken(tokenOf(second.url), now)).toMatchObject({ userId: user.id });
    expect(await db().accountSetupToken.count({ where: { userId: user.id } })).toBe(1);
  });

  it("a disabled user's link stops working, and no new one is issued for them", async () => {
    const { admin, user } = await adminAndNewUser();
    const { url } = await issueSetupLink(admin, user.id, now);
    await db().user.update({ where: { id: user.id }, data: { disabledAt: now } });
    expect(await findRedeemableSetupToken(tokenOf(url), now)).toBeNull();
    await expect(issueSetupLink(admin, user.id, now)).rejects.toMatchObject({ reason: "disabled" });
  });

  it("tokens of the wrong shape or unknown tokens find nothing", async () => {
    for (const token of ["", "short", "x".repeat(43), "../../etc/passwd", "a".repeat(10_000)]) {
      expect(await findRedeemableSetupToken(token, now)).toBeNull();
    }
  });

  for (const role of ["LIAISON_OFFICER", "SUPERVISOR", "PARTNER"] as const) {
    it(`a ${role} cannot issue a link, and the refusal is audited`, async () => {
      const { user, unit } = await adminAndNewUser();
      const agency = await makeOrganisation("PARTNER_AGENCY");
      const other = await signedIn(role, role === "PARTNER" ? agency.id : unit.id);
      await expect(issueSetupLink(other, user.id, now)).rejects.toMatchObject({ reason: "not-permitted" });
      expect(await db().accountSetupToken.count({ where: { userId: user.id } })).toBe(0);
      expect(
        await db().auditEvent.count({
          where: { actorId: other.id, action: "account.setup-link.issue", outcome: "DENIED" },
        }),
      ).toBe(1);
    });
  }

  it("an unknown user is not found", async () => {
    const { admin } = await adminAndNewUser();
    await expect(issueSetupLink(admin, "0190aaaa-0000-7000-8000-000000000000", now)).rejects.toMatchObject({
      reason: "not-found",
    });
    await expect(issueSetupLink(admin, "not-a-uuid", now)).rejects.toMatchObject({ reason: "not-found" });
  });

  it("a plugged-in mailer receives the same link the administrator sees", async () => {
    const { admin, user } = await adminAndNewUser();
    const sent: SetupLinkMessage[] = [];
    setMailer({ sendSetupLink: async (m) => void sent.push(m) });
    const { url, expiresAt } = await issueSetupLink(admin, user.id, now);
    expect(sent).toEqual([{ to: { email: user.email, name: user.name }, url, expiresAt }]);
  });
});

import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ROLE_PERMISSIONS } from "@/lib/authz/permissions";
import { Role } from "@/lib/generated/prisma/enums";
import { createSession, resolveSession } from "@/lib/auth/sessions";
import { findUsers, getUserForAdmin } from "@/lib/users/queries";
import { makeOrganisation, makeUser, signedIn } from "@/tests/support/factories";
import { createUser } from "./create-user";
import { changeRole } from "./change-role";
import { disableUser, enableUser } from "./set-user-disabled";
import { findRedeemableSetupToken } from "./setup-links";

const now = new Date("2026-07-10T09:00:00Z");

async function setting() {
  const force = await makeOrganisation("POLICE_FORCE");
  const unit = await makeOrganisation("LIAISON_UNIT");
  const agency = await makeOrganisation("PARTNER_AGENCY");
  const admin = await signedIn("ADMIN", force.id);
  return { force, unit, agency, admin };
}

// The "last administrator" rules count every administrator in the database; these tests
// start from one where the administrator they create is the only active one.
async function onlyAdministrator() {
  await db().user.updateMany({ where: { role: "ADMIN", disabledAt: null }, data: { disabledAt: now } });
  return setting();
}

const withoutPermission = (permission: "user:manage:all" | "user:read:all") =>
  Object.values(Role).filter((r) => !ROLE_PERMISSIONS[r].includes(permission));

async function someoneWith(
  role: Role,
  orgs: { unit: { id: string }; agency: { id: string }; force: { id: string } },
) {
  const org = role === "PARTNER" ? orgs.agency : role === "ADMIN" ? orgs.force : orgs.unit;
  return signedIn(role, org.id);
}

async function openSessions(userId: string) {
  return db().session.count({ where: { userId, endedAt: null } });
}

describe("creating a user", () => {
  it("an administrator creates an account with no password and a set-up link, audited without secrets", async () => {
    const { admin, unit } = await setting();
    const result = await createUser(
      admin,
      {
        name: "  Ffion   Hughes ",
        email: "Ffion.Hughes@Force.Example",
        organisationId: unit.id,
        role: "SUPERVISOR",
      },
      now,
    );
    if (result.status !== "done") throw new Error(`not created: ${JSON.stringify(result)}`);
    const saved = await db().user.findUniqueOrThrow({ where: { id: result.userId } });
    expect(saved).toMatchObject({
      name: "Ffion Hughes",
      email: "ffion.hughes@force.example",
      role: "SUPERVISOR",
      organisationId: unit.id,
      passwordHash: null,
      disabledAt: null,
    });
    const token = new URL(result.setupUrl).pathname.split("/").at(-1) ?? "";
    expect(await findRedeemableSetupToken(token, now)).toMatchObject({
      userId: saved.id,
      expiresAt: result.expiresAt,
    });
    const audit = await db().auditEvent.findMany({ where: { actorId: admin.id }, orderBy: { at: "asc" } });
    expect(audit.map((a) => [a.action, a.recordId, a.outcome])).toEqual([
      ["user.create", saved.id, "SUCCESS"],
      ["account.setup-link.issue", saved.id, "SUCCESS"],
    ]);
    const text = JSON.stringify(audit, (_, v: unknown) => (typeof v === "bigint" ? String(v) : v));
    expect(text).not.toContain("ffion");
    expect(text).not.toContain(token);
  });

  it("refuses roles the organisation cannot hold: partners only in agencies, officers only in units", async () => {
    const { admin, unit, agency, force } = await setting();
    const tries = [
      { organisationId: unit.id, role: "PARTNER", kind: "LIAISON_UNIT" },
      { organisationId: unit.id, role: "ADMIN", kind: "LIAISON_UNIT" },
      { organisationId: agency.id, role: "LIAISON_OFFICER", kind: "PARTNER_AGENCY" },
      { organisationId: force.id, role: "SUPERVISOR", kind: "POLICE_FORCE" },
    ];
    for (const { organisationId, role, kind } of tries) {
      const result = await createUser(
        admin,
        { name: "Some One", email: `x-${role}@force.example`, organisationId, role },
        now,
      );
      expect(result).toMatchObject({
        status: "invalid",
        fieldErrors: { role: `admin.errors.roleNotIn.${kind}` },
      });
    }
    expect(await db().user.count({ where: { email: { startsWith: "x-" } } })).toBe(0);
  });

  it("reports every field error at once and gives back what was typed", async () => {
    const { admin } = await setting();
    const raw = { name: "", email: "not an email", organisationId: "nope", role: "KING" };
    const result = await createUser(admin, raw, now);
    expect(result).toEqual({
      status: "invalid",
      values: raw,
      fieldErrors: {
        name: "admin.errors.userName",
        email: "admin.errors.email",
        organisationId: "admin.errors.organisation",
        role: "admin.errors.role",
      },
    });
  });

  it("refuses a duplicate email, a deactivated organisation and unknown fields", async () => {
    const { admin, unit } = await setting();
    const existing = await makeUser("LIAISON_OFFICER", unit.id);
    const form = { name: "Some One", organisationId: unit.id, role: "LIAISON_OFFICER" };
    expect(await createUser(admin, { ...form, email: existing.email.toUpperCase() }, now)).toMatchObject({
      status: "invalid",
      formError: "admin.errors.emailTaken",
    });
    const closed = await makeOrganisation("LIAISON_UNIT");
    await db().organisation.update({ where: { id: closed.id }, data: { deactivatedAt: now } });
    expect(
      await createUser(admin, { ...form, organisationId: closed.id, email: "new@force.example" }, now),
    ).toMatchObject({ status: "invalid", fieldErrors: { organisationId: "admin.errors.organisation" } });
    expect(
      await createUser(admin, { ...form, email: "new2@force.example", passwordHash: "x" }, now),
    ).toMatchObject({ status: "invalid", fieldErrors: { name: "admin.errors.unknownField" } });
  });

  for (const role of withoutPermission("user:manage:all")) {
    it(`a ${role} cannot create a user, and the refusal is audited`, async () => {
      const orgs = await setting();
      const actor = await someoneWith(role, orgs);
      const result = await createUser(
        actor,
        {
          name: "Some One",
          email: `by-${role}@force.example`,
          organisationId: orgs.unit.id,
          role: "LIAISON_OFFICER",
        },
        now,
      );
      expect(result).toEqual({ status: "not-found" });
      expect(await db().user.count({ where: { email: `by-${role}@force.example` } })).toBe(0);
      expect(
        await db().auditEvent.count({
          where: { actorId: actor.id, action: "user.create", outcome: "DENIED" },
        }),
      ).toBe(1);
    });
  }
});

describe("changing a role", () => {
  it("an officer becomes a supervisor, and every session they had ends at once", async () => {
    const { admin, unit } = await setting();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    await createSession(officer.id);
    expect(await openSessions(officer.id)).toBe(2);
    expect(await changeRole(admin, officer.id, { role: "SUPERVISOR" })).toEqual({ status: "done" });
    expect((await db().user.findUniqueOrThrow({ where: { id: officer.id } })).role).toBe("SUPERVISOR");
    expect(await openSessions(officer.id)).toBe(0);
    expect(await resolveSession(officer.sessionId)).toBeNull();
    expect(
      await db().auditEvent.count({
        where: { actorId: admin.id, action: "user.change-role", recordId: officer.id },
      }),
    ).toBe(1);
  });

  it("offers only the roles the organisation can hold", async () => {
    const { admin, agency } = await setting();
    const partner = await makeUser("PARTNER", agency.id);
    expect(await changeRole(admin, partner.id, { role: "SUPERVISOR" })).toMatchObject({
      status: "invalid",
      fieldErrors: { role: "admin.errors.roleNotIn.PARTNER_AGENCY" },
    });
    expect((await db().user.findUniqueOrThrow({ where: { id: partner.id } })).role).toBe("PARTNER");
  });

  for (const role of withoutPermission("user:manage:all")) {
    it(`a ${role} cannot change a role`, async () => {
      const orgs = await setting();
      const actor = await someoneWith(role, orgs);
      const target = await makeUser("LIAISON_OFFICER", orgs.unit.id);
      expect(await changeRole(actor, target.id, { role: "SUPERVISOR" })).toEqual({ status: "not-found" });
      expect((await db().user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("LIAISON_OFFICER");
      expect(await db().auditEvent.count({ where: { actorId: actor.id, outcome: "DENIED" } })).toBe(1);
    });
  }
});

describe("disabling and enabling", () => {
  it("disabling ends every session at once; enabling lets them sign in afresh but brings no session back", async () => {
    const { admin, unit } = await setting();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    expect(await disableUser(admin, officer.id, now)).toEqual({ status: "done" });
    expect(await openSessions(officer.id)).toBe(0);
    expect(await resolveSession(officer.sessionId)).toBeNull();
    expect(await enableUser(admin, officer.id)).toEqual({ status: "done" });
    expect((await db().user.findUniqueOrThrow({ where: { id: officer.id } })).disabledAt).toBeNull();
    expect(await resolveSession(officer.sessionId)).toBeNull();
    const actions = await db().auditEvent.findMany({ where: { actorId: admin.id, recordId: officer.id } });
    expect(actions.map((a) => a.action).sort()).toEqual(["user.disable", "user.enable"]);
  });

  it("an account in a deactivated organisation cannot be enabled", async () => {
    const { admin, unit } = await setting();
    const officer = await makeUser("LIAISON_OFFICER", unit.id, { disabledAt: now });
    await db().organisation.update({ where: { id: unit.id }, data: { deactivatedAt: now } });
    expect(await enableUser(admin, officer.id)).toMatchObject({
      status: "invalid",
      formError: "admin.errors.organisationInactive",
    });
  });

  for (const role of withoutPermission("user:manage:all")) {
    it(`a ${role} cannot disable or enable an account`, async () => {
      const orgs = await setting();
      const actor = await someoneWith(role, orgs);
      const target = await signedIn("LIAISON_OFFICER", orgs.unit.id);
      expect(await disableUser(actor, target.id, now)).toEqual({ status: "not-found" });
      expect(await enableUser(actor, target.id)).toEqual({ status: "not-found" });
      expect(await resolveSession(target.sessionId)).not.toBeNull();
      expect(await db().auditEvent.count({ where: { actorId: actor.id, outcome: "DENIED" } })).toBe(2);
    });
  }
});

describe("there is always an active administrator", () => {
  it("the only administrator can neither disable nor demote themselves", async () => {
    const { admin } = await onlyAdministrator();
    expect(await disableUser(admin, admin.id, now)).toMatchObject({
      formError: "admin.errors.lastAdministrator",
    });
    // Administrators belong to the force, which holds no other role: a demotion is refused.
    expect(await changeRole(admin, admin.id, { role: "SUPERVISOR" })).toMatchObject({
      fieldErrors: { role: "admin.errors.roleNotIn.POLICE_FORCE" },
    });
    const saved = await db().user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(saved).toMatchObject({ role: "ADMIN", disabledAt: null });
    expect(await resolveSession(admin.sessionId)).not.toBeNull();
  });

  it("with a second administrator, one may disable the other, but not then the last", async () => {
    const { admin, force } = await onlyAdministrator();
    const second = await signedIn("ADMIN", force.id);
    expect(await disableUser(admin, second.id, now)).toEqual({ status: "done" });
    expect(await disableUser(admin, admin.id, now)).toMatchObject({
      formError: "admin.errors.lastAdministrator",
    });
  });

  it("two administrators disabling each other at the same moment: exactly one succeeds", async () => {
    const { admin, force } = await onlyAdministrator();
    const second = await signedIn("ADMIN", force.id);
    const results = await Promise.all([
      disableUser(admin, second.id, now),
      disableUser(second, admin.id, now),
    ]);
    expect(results.filter((r) => r.status === "done")).toHaveLength(1);
    expect(
      await db().user.count({ where: { role: "ADMIN", disabledAt: null, organisationId: force.id } }),
    ).toBe(1);
  });
});

describe("reading accounts", () => {
  it("the list pages and filters by organisation and role, and is audited", async () => {
    const { admin, unit, agency } = await setting();
    await makeUser("LIAISON_OFFICER", unit.id);
    const supervisor = await makeUser("SUPERVISOR", unit.id);
    await makeUser("PARTNER", agency.id);
    const inUnit = await findUsers(admin, 1, { organisation: unit.id });
    expect(inUnit.total).toBe(2);
    const supervisors = await findUsers(admin, 1, { organisation: unit.id, role: "SUPERVISOR" });
    expect(supervisors.rows.map((r) => r.id)).toEqual([supervisor.id]);
    expect(await db().auditEvent.count({ where: { actorId: admin.id, action: "user.list" } })).toBe(2);
  });

  it("an account's page says whether set-up is done or a link is waiting, and is audited", async () => {
    const { admin, unit } = await setting();
    const created = await createUser(
      admin,
      {
        name: "New Officer",
        email: "new.officer@force.example",
        organisationId: unit.id,
        role: "LIAISON_OFFICER",
      },
      new Date(),
    );
    if (created.status !== "done") throw new Error("not created");
    const detail = await getUserForAdmin(admin, created.userId);
    expect(detail).toMatchObject({
      hasPassword: false,
      secondFactorEnrolled: false,
      pendingSetupLinkExpiresAt: created.expiresAt,
      organisation: { id: unit.id, kind: "LIAISON_UNIT", active: true },
    });
    expect(
      await db().auditEvent.count({
        where: { actorId: admin.id, action: "user.view", recordId: created.userId },
      }),
    ).toBe(1);
  });

  for (const role of withoutPermission("user:read:all")) {
    it(`a ${role} sees no accounts`, async () => {
      const orgs = await setting();
      const actor = await someoneWith(role, orgs);
      expect((await findUsers(actor, 1)).rows).toEqual([]);
      expect(await getUserForAdmin(actor, actor.id)).toBeNull();
    });
  }
});

import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import {
  createSession,
  endAllSessionsForUser,
  endSession,
  listSessions,
  recordSessionClient,
  resolveSession,
  signOutSession,
} from "./sessions";
import { makeOrganisation, makeUser, signedIn } from "@/tests/support/factories";

async function officerWithSession() {
  const unit = await makeOrganisation();
  const user = await makeUser("LIAISON_OFFICER", unit.id);
  const sessionId = await createSession(user.id);
  expect(await resolveSession(sessionId)).not.toBeNull();
  return { unit, user, sessionId };
}

async function administrator() {
  const force = await makeOrganisation("POLICE_FORCE");
  return signedIn("ADMIN", force.id);
}

describe("a replayed session cookie is refused on the next request", () => {
  it("after signing out", async () => {
    const { user, sessionId } = await officerWithSession();
    await signOutSession(sessionId);
    expect(await resolveSession(sessionId)).toBeNull();
    const events = await db().auditEvent.findMany({ where: { action: "auth.sign-out", actorId: user.id } });
    expect(events).toHaveLength(1);
  });

  it("after the same browser signs in again (the earlier session is replaced)", async () => {
    const { user, sessionId } = await officerWithSession();
    const next = await createSession(user.id);
    await signOutSession(sessionId, new Date(), "replaced");
    expect(await resolveSession(sessionId)).toBeNull();
    expect(await resolveSession(next)).not.toBeNull();
    expect(
      await db().auditEvent.count({ where: { action: "auth.session-replaced", recordId: sessionId } }),
    ).toBe(1);
  });

  it("after an administrator ends all the user's sessions", async () => {
    const { user, sessionId } = await officerWithSession();
    const second = await createSession(user.id);
    const admin = await administrator();
    expect(await endAllSessionsForUser(admin, user.id, "administrator")).toBe(2);
    expect(await resolveSession(sessionId)).toBeNull();
    expect(await resolveSession(second)).toBeNull();
    // The administrator's own session is untouched.
    expect(await resolveSession(admin.sessionId)).not.toBeNull();
    const audit = await db().auditEvent.findMany({
      where: { action: "auth.sessions-end-all.administrator", recordId: user.id },
    });
    expect(audit.map((a) => [a.actorId, a.outcome])).toEqual([[admin.id, "SUCCESS"]]);
  });

  it("after the user is disabled, and enabling them again does not bring the session back", async () => {
    const { user, sessionId } = await officerWithSession();
    await db().user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await resolveSession(sessionId)).toBeNull();
    await db().user.update({ where: { id: user.id }, data: { disabledAt: null } });
    expect(await resolveSession(sessionId)).toBeNull();
    // A new sign-in works again.
    expect(await resolveSession(await createSession(user.id))).not.toBeNull();
  });

  it("after a change of role, or of organisation", async () => {
    const { user, sessionId } = await officerWithSession();
    await db().user.update({ where: { id: user.id }, data: { role: "SUPERVISOR" } });
    expect(await resolveSession(sessionId)).toBeNull();

    const moved = await createSession(user.id);
    const otherUnit = await makeOrganisation();
    await db().user.update({ where: { id: user.id }, data: { organisationId: otherUnit.id } });
    expect(await resolveSession(moved)).toBeNull();
  });

  it("but an unrelated change to the user (their name) leaves the session alone", async () => {
    const { user, sessionId } = await officerWithSession();
    await db().user.update({ where: { id: user.id }, data: { name: "A new name" } });
    expect(await resolveSession(sessionId)).not.toBeNull();
  });
});

describe("a user's sessions, for the administration pages", () => {
  it("lists the open ones with where they came from, newest first", async () => {
    const { user, sessionId } = await officerWithSession();
    await recordSessionClient(sessionId, {
      address: "198.51.100.20",
      userAgent: `Mozilla/5.0 \u202Eevil\u202C ${"x".repeat(400)}`,
    });
    const ended = await createSession(user.id);
    await signOutSession(ended);
    const newest = await createSession(user.id, new Date(Date.now() + 1000));

    const list = await listSessions(user.id);
    expect(list.map((s) => s.id)).toEqual([newest, sessionId]);
    const first = list.find((s) => s.id === sessionId)!;
    expect(first.clientAddress).toBe("198.51.100.20");
    // Truncated, and without the characters that could make it display as something else.
    expect(first.userAgent).toHaveLength(200);
    expect(first.userAgent).not.toMatch(/[\u202A-\u202E]/);
  });

  it("an administrator ends one session; the user can end their own; nobody else can", async () => {
    const { unit, user, sessionId } = await officerWithSession();
    const other = await createSession(user.id);
    const admin = await administrator();
    const colleague = await signedIn("LIAISON_OFFICER", unit.id);
    const supervisor = await signedIn("SUPERVISOR", unit.id);

    expect(await endSession(colleague, sessionId)).toBe(false);
    expect(await endSession(supervisor, sessionId)).toBe(false);
    expect(await endAllSessionsForUser(colleague, user.id, "administrator")).toBeNull();
    expect(await resolveSession(sessionId)).not.toBeNull();
    expect(
      await db().auditEvent.count({
        where: { outcome: "DENIED", actorId: { in: [colleague.id, supervisor.id] } },
      }),
    ).toBe(3);

    expect(await endSession(admin, sessionId)).toBe(true);
    expect(await resolveSession(sessionId)).toBeNull();
    expect(await resolveSession(other)).not.toBeNull();

    const self = (await resolveSession(other))!;
    expect(await endSession(self, other)).toBe(true);
    expect(await resolveSession(other)).toBeNull();
    expect(
      await db().auditEvent.findMany({
        where: { action: "auth.session-end", outcome: "SUCCESS" },
        select: { actorId: true, recordId: true },
        orderBy: { id: "asc" },
      }),
    ).toEqual([
      { actorId: admin.id, recordId: sessionId },
      { actorId: user.id, recordId: other },
    ]);
  });
});

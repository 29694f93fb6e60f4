import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ROLE_PERMISSIONS } from "@/lib/authz/permissions";
import { Role } from "@/lib/generated/prisma/enums";
import { resolveSession } from "@/lib/auth/sessions";
import { makeOrganisation, makeUser, signedIn } from "@/tests/support/factories";
import { createOrganisation } from "./create-organisation";
import { renameOrganisation } from "./rename-organisation";
import { deactivateOrganisation, reactivateOrganisation } from "./set-organisation-active";
import { findOrganisations, findPartnerAgencies, getOrganisation } from "./queries";

const now = new Date("2026-07-10T09:00:00Z");

async function administrator() {
  const force = await makeOrganisation("POLICE_FORCE");
  return { force, admin: await signedIn("ADMIN", force.id) };
}

const nonAdministrators = Object.values(Role).filter(
  (r) => !ROLE_PERMISSIONS[r].includes("organisation:manage:all"),
);

describe("organisations", () => {
  it("an administrator adds a force, a unit under it and an agency, each audited", async () => {
    const { admin } = await administrator();
    const force = await createOrganisation(
      admin,
      { name: "Gwent  Police ", kind: "POLICE_FORCE", parentId: "" },
      now,
    );
    if (force.status !== "done") throw new Error(JSON.stringify(force));
    const unit = await createOrganisation(
      admin,
      { name: "Gwent SWLO Unit", kind: "LIAISON_UNIT", parentId: force.organisationId },
      now,
    );
    const agency = await createOrganisation(admin, { name: "Cyfannol (test)", kind: "PARTNER_AGENCY" }, now);
    if (unit.status !== "done" || agency.status !== "done") throw new Error("not created");
    expect(await getOrganisation(admin, unit.organisationId)).toMatchObject({
      name: "Gwent SWLO Unit",
      kind: "LIAISON_UNIT",
      parentName: "Gwent Police",
      active: true,
      activeUsers: 0,
    });
    const audit = await db().auditEvent.findMany({
      where: { actorId: admin.id, action: "organisation.create" },
    });
    expect(audit.map((a) => a.recordId).sort()).toEqual(
      [force.organisationId, unit.organisationId, agency.organisationId].sort(),
    );
  });

  it("a unit needs an active police force as its parent; an agency's parent is ignored", async () => {
    const { admin, force } = await administrator();
    const agency = await makeOrganisation("PARTNER_AGENCY");
    expect(
      await createOrganisation(admin, { name: "Unit A", kind: "LIAISON_UNIT", parentId: "" }, now),
    ).toMatchObject({
      fieldErrors: { parentId: "admin.errors.parent" },
    });
    expect(
      await createOrganisation(admin, { name: "Unit B", kind: "LIAISON_UNIT", parentId: agency.id }, now),
    ).toMatchObject({ fieldErrors: { parentId: "admin.errors.parent" } });
    const loose = await createOrganisation(
      admin,
      { name: "Agency C", kind: "PARTNER_AGENCY", parentId: force.id },
      now,
    );
    if (loose.status !== "done") throw new Error("not created");
    expect(
      (await db().organisation.findUniqueOrThrow({ where: { id: loose.organisationId } })).parentId,
    ).toBeNull();
  });

  it("names are unique, for new organisations and renamed ones", async () => {
    const { admin } = await administrator();
    const taken = await makeOrganisation("PARTNER_AGENCY", "Taken Name");
    const other = await makeOrganisation("PARTNER_AGENCY", "Other Name");
    expect(
      await createOrganisation(admin, { name: "Taken Name", kind: "PARTNER_AGENCY" }, now),
    ).toMatchObject({
      status: "invalid",
      formError: "admin.errors.organisationNameTaken",
      values: { name: "Taken Name" },
    });
    expect(await renameOrganisation(admin, other.id, { name: "Taken Name" })).toMatchObject({
      formError: "admin.errors.organisationNameTaken",
    });
    expect(await renameOrganisation(admin, taken.id, { name: "Renamed Agency" })).toEqual({ status: "done" });
    expect((await db().organisation.findUniqueOrThrow({ where: { id: taken.id } })).name).toBe(
      "Renamed Agency",
    );
  });

  it("refuses hidden and control characters in a name", async () => {
    const { admin } = await administrator();
    for (const name of ["Evil\u202Eycnega", "Nul\u0000name", "Zero\u200Bwidth"]) {
      expect(await createOrganisation(admin, { name, kind: "PARTNER_AGENCY" }, now)).toMatchObject({
        fieldErrors: { name: "admin.errors.controlCharacters" },
      });
    }
  });

  it("deactivating an agency disables its accounts, ends their sessions, and stops new referrals to it", async () => {
    const { admin } = await administrator();
    const unit = await makeOrganisation("LIAISON_UNIT");
    const agency = await makeOrganisation("PARTNER_AGENCY");
    const partner = await signedIn("PARTNER", agency.id);
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    expect((await findPartnerAgencies(officer)).map((a) => a.id)).toContain(agency.id);
    expect(await deactivateOrganisation(admin, agency.id, now)).toEqual({ status: "done", usersDisabled: 1 });
    expect(await resolveSession(partner.sessionId)).toBeNull();
    expect((await db().user.findUniqueOrThrow({ where: { id: partner.id } })).disabledAt).toEqual(now);
    expect((await findPartnerAgencies(officer)).map((a) => a.id)).not.toContain(agency.id);
    expect(await reactivateOrganisation(admin, agency.id)).toEqual({ status: "done" });
    expect(await getOrganisation(admin, agency.id)).toMatchObject({ active: true, activeUsers: 0 });
    const actions = await db().auditEvent.findMany({ where: { actorId: admin.id, recordId: agency.id } });
    expect(actions.map((a) => a.action).sort()).toEqual([
      "organisation.deactivate",
      "organisation.reactivate",
    ]);
  });

  it("the organisation holding the last active administrators cannot be deactivated", async () => {
    await db().user.updateMany({ where: { role: "ADMIN", disabledAt: null }, data: { disabledAt: now } });
    const { admin, force } = await administrator();
    await makeUser("ADMIN", force.id);
    expect(await deactivateOrganisation(admin, force.id, now)).toMatchObject({
      formError: "admin.errors.lastAdministratorOrganisation",
    });
    expect((await db().organisation.findUniqueOrThrow({ where: { id: force.id } })).deactivatedAt).toBeNull();
  });

  for (const role of nonAdministrators) {
    it(`a ${role} can neither list nor change organisations, and each refusal is audited`, async () => {
      const unit = await makeOrganisation("LIAISON_UNIT");
      const agency = await makeOrganisation("PARTNER_AGENCY");
      const actor = await signedIn(role, role === "PARTNER" ? agency.id : unit.id);
      expect(await findOrganisations(actor)).toEqual([]);
      expect(await getOrganisation(actor, agency.id)).toBeNull();
      expect(await createOrganisation(actor, { name: `By ${role}`, kind: "PARTNER_AGENCY" }, now)).toEqual({
        status: "not-found",
      });
      expect(await renameOrganisation(actor, agency.id, { name: "Hijacked" })).toEqual({
        status: "not-found",
      });
      expect(await deactivateOrganisation(actor, agency.id, now)).toEqual({ status: "not-found" });
      expect(await reactivateOrganisation(actor, agency.id)).toEqual({ status: "not-found" });
      expect(await db().organisation.findUniqueOrThrow({ where: { id: agency.id } })).toMatchObject({
        name: agency.name,
        deactivatedAt: null,
      });
      expect(await db().auditEvent.count({ where: { actorId: actor.id, outcome: "DENIED" } })).toBe(4);
    });
  }
});

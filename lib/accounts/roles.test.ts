import { describe, expect, it } from "vitest";
import { OrganisationKind, Role } from "@/lib/generated/prisma/enums";
import { ROLES_FOR_KIND, roleAllowedIn } from "./roles";

describe("roles an organisation may hold", () => {
  it("partners only in partner agencies, officers and supervisors only in units, administrators only in the force", () => {
    const allowed = Object.values(OrganisationKind).flatMap((kind) =>
      Object.values(Role)
        .filter((role) => roleAllowedIn(kind, role))
        .map((role) => `${kind}:${role}`),
    );
    expect(allowed.sort()).toEqual(
      [
        "LIAISON_UNIT:LIAISON_OFFICER",
        "LIAISON_UNIT:SUPERVISOR",
        "PARTNER_AGENCY:PARTNER",
        "POLICE_FORCE:ADMIN",
      ].sort(),
    );
  });

  it("every role has exactly one kind of organisation it can belong to", () => {
    for (const role of Object.values(Role)) {
      const kinds = Object.values(OrganisationKind).filter((k) => ROLES_FOR_KIND[k].includes(role));
      expect(kinds, role).toHaveLength(1);
    }
  });
});

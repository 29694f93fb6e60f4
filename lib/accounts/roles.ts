// Which roles an organisation of each kind may hold. An officer or supervisor works in a
// liaison unit (their unit is their organisation), a partner in a partner agency, and an
// administrator in the force. Anything else would leave a user without the scope their
// role's permissions assume, so it is refused on creation and on every role change.
import type { OrganisationKind, Role } from "@/lib/generated/prisma/enums";

export const ROLES_FOR_KIND: Readonly<Record<OrganisationKind, readonly Role[]>> = {
  POLICE_FORCE: ["ADMIN"],
  LIAISON_UNIT: ["LIAISON_OFFICER", "SUPERVISOR"],
  PARTNER_AGENCY: ["PARTNER"],
};

export function roleAllowedIn(kind: OrganisationKind, role: Role): boolean {
  return ROLES_FOR_KIND[kind].includes(role);
}

// The demo's organisations and sign-in accounts. Exported so the README, `npm start` and
// the end-to-end tests name the same accounts the seed creates.
import { OrganisationKind, Role } from "@/lib/generated/prisma/enums";

// Shared by every demo account. Demo data never goes near real data (see demo.ts).
export const DEMO_PASSWORD = "LiaisonDemo!2026";

export const DEMO_ORGANISATIONS = {
  police: { name: "Demo Police", kind: OrganisationKind.POLICE_FORCE, parent: null },
  unit: {
    name: "Demo Police — Sex Work Liaison Unit",
    kind: OrganisationKind.LIAISON_UNIT,
    parent: "police",
  },
  womensAid: { name: "Demo Women's Aid", kind: OrganisationKind.PARTNER_AGENCY, parent: null },
  health: { name: "Demo Health Outreach", kind: OrganisationKind.PARTNER_AGENCY, parent: null },
} as const;

export type DemoOrganisationKey = keyof typeof DEMO_ORGANISATIONS;

export const DEMO_ORGANISATION_NAMES = Object.values(DEMO_ORGANISATIONS).map((o) => o.name);

export const DEMO_ACCOUNTS = [
  {
    key: "officer",
    email: "officer@demo.liaison.test",
    name: "PC Rhian Morgan",
    role: Role.LIAISON_OFFICER,
    organisation: DEMO_ORGANISATIONS.unit.name,
  },
  {
    key: "officer2",
    email: "officer2@demo.liaison.test",
    name: "PC Daniel Okoro",
    role: Role.LIAISON_OFFICER,
    organisation: DEMO_ORGANISATIONS.unit.name,
  },
  {
    key: "supervisor",
    email: "supervisor@demo.liaison.test",
    name: "DS Helen Pritchard",
    role: Role.SUPERVISOR,
    organisation: DEMO_ORGANISATIONS.unit.name,
  },
  {
    key: "partner",
    email: "partner@demo.liaison.test",
    name: "Ffion Davies",
    role: Role.PARTNER,
    organisation: DEMO_ORGANISATIONS.womensAid.name,
  },
  {
    key: "partner2",
    email: "partner2@demo.liaison.test",
    name: "Sam Whitlock",
    role: Role.PARTNER,
    organisation: DEMO_ORGANISATIONS.health.name,
  },
  {
    key: "admin",
    email: "admin@demo.liaison.test",
    name: "Gareth Lewis",
    role: Role.ADMIN,
    organisation: DEMO_ORGANISATIONS.police.name,
  },
] as const;

export type DemoAccount = (typeof DEMO_ACCOUNTS)[number];
export type DemoAccountKey = DemoAccount["key"];

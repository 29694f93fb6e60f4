// Builders for integration tests: the smallest valid rows, with overrides. Every test file
// runs on its own database, so nothing here needs cleaning up.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { resolveSession, createSession } from "@/lib/auth/sessions";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { OrganisationKind, Role } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ownerDb } from "@/tests/support/owner-db";

export const TEST_PASSWORD = "correct horse battery staple";
let passwordHash: Promise<string> | undefined;

const unique = () => randomUUID().slice(0, 8);

export async function makeOrganisation(kind: OrganisationKind = "LIAISON_UNIT", name?: string) {
  return db().organisation.create({ data: { kind, name: name ?? `${kind} ${unique()}` } });
}

export async function makeUser(
  role: Role,
  organisationId: string,
  overrides: Partial<Prisma.UserUncheckedCreateInput> = {},
) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return db().user.create({
    data: {
      email: `${role.toLowerCase()}-${unique()}@test.liaison`,
      name: `${role} ${unique()}`,
      role,
      organisationId,
      passwordHash: await passwordHash,
      ...overrides,
    },
  });
}

// A signed-in user as the app sees one, through a real session row.
export async function signedIn(role: Role, organisationId: string): Promise<CurrentUser> {
  const user = await makeUser(role, organisationId);
  const sessionId = await createSession(user.id);
  const current = await resolveSession(sessionId);
  if (!current) throw new Error("factory session did not resolve");
  return current;
}

export async function makePerson(unitId: string, workingName = `Person ${unique()}`) {
  return ownerDb().person.create({ data: { unitId, workingName } });
}

let sequence = 0;

export async function makeReport(
  unitId: string,
  overrides: Partial<Prisma.IncidentReportUncheckedCreateInput> = {},
) {
  const person = overrides.personId ? null : await makePerson(unitId);
  sequence += 1;
  return ownerDb().incidentReport.create({
    data: {
      reference: `SWL-2026-${String(sequence).padStart(5, "0")}-${unique()}`,
      unitId,
      personId: person?.id ?? (overrides.personId as string),
      reportedAt: new Date("2026-03-01T10:00:00Z"),
      reportingRoute: "DIRECT_TO_LIAISON_OFFICER",
      incidentTypes: ["PHYSICAL_ASSAULT"],
      ...overrides,
    },
  });
}

export async function makeReferral(
  unitId: string,
  agencyId: string,
  consent: Partial<Prisma.ConsentUncheckedCreateInput> = {},
) {
  const person = await makePerson(unitId);
  const given = await ownerDb().consent.create({
    data: {
      personId: person.id,
      agencyId,
      scope: "Name and support need",
      method: "VERBAL",
      givenAt: new Date(),
      ...consent,
    },
  });
  return ownerDb().referral.create({
    data: { unitId, agencyId, personId: person.id, consentId: given.id, supportNeeded: "Housing advice" },
  });
}

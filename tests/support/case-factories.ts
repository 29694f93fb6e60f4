// Builders for the case record: events on the outcome trail, suspects with identifiers,
// Victims' Code updates and liaison contacts. Smallest valid rows, with overrides.
import { db } from "@/lib/db/client";
import { normaliseIdentifier } from "@/lib/suspects/normalise";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { IdentifierKind } from "@/lib/generated/prisma/enums";

export async function makeCaseEvent(
  reportId: string,
  overrides: Partial<Prisma.CaseEventUncheckedCreateInput> = {},
) {
  return db().caseEvent.create({
    data: { reportId, type: "CRIME_RECORDED", occurredOn: new Date("2026-03-02T00:00:00Z"), ...overrides },
  });
}

// A suspect on a report, identified by what the person told the officer, stored as the app
// stores it: as typed and normalised.
export async function makeSuspect(reportId: string, identifiers: [IdentifierKind, string][]) {
  const report = await db().incidentReport.findUniqueOrThrow({
    where: { id: reportId },
    select: { unitId: true },
  });
  return db().suspect.create({
    data: {
      reportId,
      identifiers: {
        create: identifiers.map(([kind, value]) => ({
          unitId: report.unitId,
          kind,
          value,
          normalised: normaliseIdentifier(kind, value) ?? value,
        })),
      },
    },
  });
}

export async function makeVictimUpdate(reportId: string, caseEventId: string, dueBy: Date) {
  return db().victimUpdate.create({ data: { reportId, caseEventId, dueBy } });
}

export async function makeContact(
  unitId: string,
  personId: string,
  overrides: Partial<Prisma.LiaisonContactUncheckedCreateInput> = {},
) {
  return db().liaisonContact.create({
    data: {
      unitId,
      personId,
      type: "CASE_UPDATE",
      method: "PHONE_CALL",
      occurredAt: new Date("2026-03-05T12:00:00Z"),
      ...overrides,
    },
  });
}

// Builders for the case record: events on the outcome trail, suspects with identifiers,
// Victims' Code updates and liaison contacts. Smallest valid rows, with overrides.
import { ownerDb } from "@/tests/support/owner-db";
import { normaliseIdentifier } from "@/lib/suspects/normalise";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { IdentifierKind } from "@/lib/generated/prisma/enums";
import { makeOrganisation, makeReport, signedIn } from "@/tests/support/factories";

// The outcome trail's tests run on a Monday in winter: London time is UTC and five working
// days is the next Monday. `eventDate` is the form's three date fields; `onMarch` the stored day.
export const winterMonday = new Date("2026-03-09T10:00:00Z");
export const eventDate = (d: number, m = 3, y = 2026) => ({
  occurredOnDay: String(d),
  occurredOnMonth: String(m),
  occurredOnYear: String(y),
});
export const onMarch = (d: number) => new Date(Date.UTC(2026, 2, d));

// A unit with a signed-in officer and one report of an incident in February.
export async function officerWithReport(overrides: Parameters<typeof makeReport>[1] = {}) {
  const unit = await makeOrganisation();
  const officer = await signedIn("LIAISON_OFFICER", unit.id);
  const report = await makeReport(unit.id, { incidentFrom: new Date("2026-02-20T22:00:00Z"), ...overrides });
  return { unit, officer, report };
}

export async function makeCaseEvent(
  reportId: string,
  overrides: Partial<Prisma.CaseEventUncheckedCreateInput> = {},
) {
  return ownerDb().caseEvent.create({
    data: { reportId, type: "CRIME_RECORDED", occurredOn: new Date("2026-03-02T00:00:00Z"), ...overrides },
  });
}

// A suspect on a report, identified by what the person told the officer, stored as the app
// stores it: as typed and normalised.
export async function makeSuspect(reportId: string, identifiers: [IdentifierKind, string][]) {
  const report = await ownerDb().incidentReport.findUniqueOrThrow({
    where: { id: reportId },
    select: { unitId: true },
  });
  return ownerDb().suspect.create({
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
  return ownerDb().victimUpdate.create({ data: { reportId, caseEventId, dueBy } });
}

export async function makeContact(
  unitId: string,
  personId: string,
  overrides: Partial<Prisma.LiaisonContactUncheckedCreateInput> = {},
) {
  return ownerDb().liaisonContact.create({
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

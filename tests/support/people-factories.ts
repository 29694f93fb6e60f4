// Builders for the people and contacts tests, on top of factories.ts.
import { ownerDb } from "@/tests/support/owner-db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { makeOrganisation, makePerson, signedIn } from "@/tests/support/factories";

// A unit with a signed-in officer and one person known to it.
export async function unitWithOfficer() {
  const unit = await makeOrganisation();
  const officer = await signedIn("LIAISON_OFFICER", unit.id);
  const person = await makePerson(unit.id);
  return { unit, officer, person };
}

export async function makeDetailedPerson(
  unitId: string,
  overrides: Partial<Prisma.PersonUncheckedCreateInput> = {},
) {
  return ownerDb().person.create({
    data: {
      unitId,
      workingName: "Robin",
      selfDescription: "Works independently",
      language: "WELSH",
      safeContactMethods: ["TEXT_MESSAGE", "IN_PERSON"],
      safeContactTimes: "Weekday mornings",
      doNotContactRules: "No voicemail",
      legalName: "A private legal name",
      phone: "07700 900123",
      ...overrides,
    },
  });
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
      type: "OUTREACH",
      method: "IN_PERSON",
      occurredAt: new Date("2026-03-01T10:00:00Z"),
      ...overrides,
    },
  });
}

// A key decision on a report and the Victims' Code update it makes due.
export async function makeDueUpdate(reportId: string, occurredOn: Date, dueBy: Date) {
  const event = await ownerDb().caseEvent.create({ data: { reportId, type: "ARRESTED", occurredOn } });
  return ownerDb().victimUpdate.create({ data: { reportId, caseEventId: event.id, dueBy } });
}

// The log-a-contact form as a browser sends it, filled in correctly.
export function contactForm(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: "WELFARE_CHECK",
    method: "PHONE_CALL",
    occurredAtDay: "10",
    occurredAtMonth: "7",
    occurredAtYear: "2026",
    occurredAtTime: "14:30",
    notes: "Checked in. Doing OK.",
    followUpOnDay: "",
    followUpOnMonth: "",
    followUpOnYear: "",
    reportId: "",
    ...overrides,
  };
}

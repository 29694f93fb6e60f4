// Writes hand-built cohorts (tests/support/dashboard-cohorts.ts) to the test database as
// real reports with their outcome trails, so that PostgreSQL counts what the unit tests
// counted by hand.
import { ownerDb } from "@/tests/support/owner-db";
import type { CountedReport } from "@/lib/dashboard/definitions";
import type { Prisma } from "@/lib/generated/prisma/client";
import { makePerson, makeReport } from "./factories";

export type Placement = Partial<Prisma.IncidentReportUncheckedCreateInput>;

// Noon UK time on the day, so the report falls in that UK month whatever the season.
export function reportedAtOf(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}

export async function writeReport(unitId: string, report: CountedReport, placement: Placement = {}) {
  const person = placement.personId ? null : await makePerson(unitId);
  const created = await makeReport(unitId, {
    personId: placement.personId ?? person?.id,
    reportedAt: reportedAtOf(report.reportedOn),
    status: report.status,
    crimeRecorded: report.crimeRecorded ?? null,
    personWants: report.personWants,
    initialPersonWants: report.initialPersonWants ?? report.personWants,
    reportingRoute: report.reportingRoute ?? "DIRECT_TO_LIAISON_OFFICER",
    ...placement,
  });
  const suspects = new Map<string, string>();
  for (const name of new Set(report.events.flatMap((e) => (e.suspect ? [e.suspect] : [])))) {
    const suspect = await ownerDb().suspect.create({ data: { reportId: created.id, description: name } });
    suspects.set(name, suspect.id);
  }
  if (report.events.length > 0)
    await ownerDb().caseEvent.createMany({
      data: report.events.map((e, i) => ({
        reportId: created.id,
        type: e.type,
        occurredOn: new Date(`${e.on}T00:00:00Z`),
        outcome: e.outcome ?? null,
        courtResult: e.courtResult ?? null,
        withdrawalReasons: e.withdrawalReasons ? [...e.withdrawalReasons] : [],
        suspectId: e.suspect ? (suspects.get(e.suspect) ?? null) : null,
        // Apart by a second each, so "the latest outcome" is the one written last.
        createdAt: new Date(Date.parse(`${e.on}T09:00:00Z`) + i * 1000),
      })),
    });
  return created;
}

export async function writeCohort(
  unitId: string,
  reports: readonly CountedReport[],
  placement: Placement = {},
) {
  const written = [];
  for (const report of reports) written.push(await writeReport(unitId, report, placement));
  return written;
}

// Where crime recording stands on a report, and the unit's reports still waiting for a
// crime to be recorded. The rule itself is in rule.ts; the list's `where` mirrors it
// (the integration tests hold the two together). Text from the forms is stored trimmed.
import { rowScopeOf, withRowScope } from "@/lib/db/scope";

import { recordAudit } from "@/lib/audit/record-audit";
import { unitScope } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";
import { isUuid } from "@/lib/ids";
import { IncidentType } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { NON_CRIME_TYPES, RECORDING_HOURS, crimeRecordingState, type CrimeRecordingState } from "./rule";
import { openableReportWhere } from "@/lib/reports/restriction";

const FACTS = {
  reportedAt: true,
  incidentTypes: true,
  crimeReference: true,
  crimeRecorded: true,
  crimeNotRecordedWhy: true,
  personWants: true,
} as const;

export type ReportCrimeRecording = {
  state: CrimeRecordingState;
  // The reason recorded for not recording a crime, shown whether or not it exempts.
  notRecordedWhy: string | null;
};

// Part of the case view, which getReportForUser audits; call it only after that succeeded.
export async function getCrimeRecordingForReport(
  user: CurrentUser,
  reportId: string,
  now: Date = new Date(),
): Promise<ReportCrimeRecording | null> {
  const unitId = unitScope(user, "report:read:unit");
  if (!unitId || !isUuid(reportId)) return null;
  const facts = await withRowScope(rowScopeOf(user), (tx) =>
    tx.incidentReport.findFirst({
      where: { id: reportId, unitId, ...openableReportWhere(user) },
      select: FACTS,
    }),
  );
  if (!facts) return null;
  const why = facts.crimeRecorded === "NO" ? (facts.crimeNotRecordedWhy?.trim() ?? "") : "";
  return { state: crimeRecordingState(facts, now), notRecordedWhy: why === "" ? null : why };
}

export type UnrecordedCrime = {
  reportId: string;
  reference: string;
  reportedAt: Date;
  dueBy: Date;
  assignedOfficerName: string | null;
};

const LIMIT = 50;
const CRIME_TYPES = Object.values(IncidentType).filter((t) => !NON_CRIME_TYPES.includes(t));

// Open reports in the unit that disclose a crime, have no crime reference 24 hours after
// the report, and are not intelligence only with a recorded reason. Oldest first.
export function unrecordedCrimeWhere(unitId: string, now: Date): Prisma.IncidentReportWhereInput {
  return {
    unitId,
    status: "OPEN",
    incidentTypes: { hasSome: CRIME_TYPES },
    reportedAt: { lte: new Date(now.getTime() - RECORDING_HOURS * 3_600_000) },
    OR: [{ crimeReference: null }, { crimeReference: { equals: "" } }],
    // Spelled out rather than NOT(...), which would drop rows where a column is NULL.
    AND: [
      {
        OR: [
          { personWants: { not: "INTELLIGENCE_ONLY" } },
          { crimeRecorded: null },
          { crimeRecorded: { not: "NO" } },
          { crimeNotRecordedWhy: null },
          { crimeNotRecordedWhy: { equals: "" } },
        ],
      },
    ],
  };
}

export async function findUnrecordedCrimes(
  user: CurrentUser,
  now: Date = new Date(),
): Promise<{ total: number; rows: UnrecordedCrime[] }> {
  const unitId = unitScope(user, "report:read:unit");
  if (!unitId) return { total: 0, rows: [] };
  // A restricted case is listed only to those who may open it.
  const where = { AND: [unrecordedCrimeWhere(unitId, now), openableReportWhere(user)] };
  const [total, rows] = await withRowScope(
    rowScopeOf(user),
    async (tx) =>
      [
        await tx.incidentReport.count({ where }),
        await tx.incidentReport.findMany({
          where,
          orderBy: [{ reportedAt: "asc" }, { id: "asc" }],
          take: LIMIT,
          select: {
            id: true,
            reference: true,
            reportedAt: true,
            assignedOfficer: { select: { name: true } },
          },
        }),
      ] as const,
  );
  return {
    total,
    rows: rows.map((r) => ({
      reportId: r.id,
      reference: r.reference,
      reportedAt: r.reportedAt,
      dueBy: new Date(r.reportedAt.getTime() + RECORDING_HOURS * 3_600_000),
      assignedOfficerName: r.assignedOfficer?.name ?? null,
    })),
  };
}

// What the reason form shows: the reference and the reason already given, put back for
// editing. The reason is case content, so the look is audited like a view of the report.
export async function getReportForNotRecordedForm(
  user: CurrentUser,
  id: string,
): Promise<{ id: string; reference: string; crimeNotRecordedWhy: string | null } | null> {
  const unitId = unitScope(user, "report:update:unit");
  if (!unitId || !isUuid(id)) return null;
  return withRowScope(rowScopeOf(user), async (tx) => {
    const report = await tx.incidentReport.findFirst({
      where: { id, unitId, ...openableReportWhere(user) },
      select: { id: true, reference: true, crimeNotRecordedWhy: true },
    });
    await recordAudit(tx, {
      actor: user,
      action: "report.view",
      recordType: "report",
      recordId: id,
      outcome: report ? "SUCCESS" : "DENIED",
    });
    return report;
  });
}

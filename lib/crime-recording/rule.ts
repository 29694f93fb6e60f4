// Crime recording: when a report discloses a crime, a crime should be recorded (with its
// reference) within 24 hours of the report (the National Crime Recording Standard's usual
// limit). The one exception the unit uses is the person's own choice of intelligence only,
// and only when the reason the crime was not recorded is written down: an unexplained gap
// is what the UWE Bristol study found and what this check exists to show.
import type { Answer, IncidentType, PersonWants } from "@/lib/generated/prisma/enums";

export const RECORDING_HOURS = 24;

// Every type names a crime except "other", which may be something that is not one.
export const NON_CRIME_TYPES: readonly IncidentType[] = ["OTHER"];

export type CrimeRecordingFacts = {
  reportedAt: Date;
  incidentTypes: readonly IncidentType[];
  crimeReference: string | null;
  crimeRecorded: Answer | null;
  crimeNotRecordedWhy: string | null;
  personWants: PersonWants;
};

export type CrimeRecordingState =
  | { kind: "not-disclosed" }
  | { kind: "recorded" }
  | { kind: "intelligence-only"; reason: string }
  | { kind: "due"; dueBy: Date }
  | { kind: "overdue"; dueBy: Date };

export function discloseCrime(types: readonly IncidentType[]): boolean {
  return types.some((t) => !NON_CRIME_TYPES.includes(t));
}

export function recordingDueBy(reportedAt: Date): Date {
  return new Date(reportedAt.getTime() + RECORDING_HOURS * 3_600_000);
}

// The reason stands only when it says something: blank text is no reason.
export function notRecordedReason(facts: CrimeRecordingFacts): string | null {
  const reason = facts.crimeNotRecordedWhy?.trim() ?? "";
  return facts.crimeRecorded === "NO" && reason !== "" ? reason : null;
}

export function crimeRecordingState(facts: CrimeRecordingFacts, now: Date): CrimeRecordingState {
  if (!discloseCrime(facts.incidentTypes)) return { kind: "not-disclosed" };
  if ((facts.crimeReference?.trim() ?? "") !== "") return { kind: "recorded" };
  const reason = notRecordedReason(facts);
  if (facts.personWants === "INTELLIGENCE_ONLY" && reason) return { kind: "intelligence-only", reason };
  const dueBy = recordingDueBy(facts.reportedAt);
  // At exactly 24 hours the time is up.
  return now.getTime() < dueBy.getTime() ? { kind: "due", dueBy } : { kind: "overdue", dueBy };
}

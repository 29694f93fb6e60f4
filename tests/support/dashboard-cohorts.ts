// Hand-built cohorts of reports whose dashboard figures are known in advance. Pure data:
// the unit tests count them with lib/dashboard/definitions.ts, and the integration tests
// write them to PostgreSQL (tests/support/dashboard-factories.ts) and count them there.
import type { CountedEvent, CountedReport } from "@/lib/dashboard/definitions";

export type HandKind =
  | "convicted"
  | "acquitted"
  | "discontinued"
  | "awaitingTrial"
  | "withCps"
  | "evidentialDifficulties"
  | "otherBody"
  | "notInPublicInterest"
  | "suspectKnown"
  | "stepsBackIdentified"
  | "stepsBackUnidentified"
  | "noSuspect"
  | "recorded"
  | "intelligenceOnly"
  | "justReported";

export function onDay(start: string, offset: number): string {
  return new Date(Date.parse(`${start}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
}

type Step = Omit<CountedEvent, "on"> & { after: number };

const recorded: Step = { type: "CRIME_RECORDED", after: 0 };
const identified: Step = { type: "SUSPECT_IDENTIFIED", after: 5, suspect: "first" };
const arrested: Step[] = [
  { type: "ARRESTED", after: 10, suspect: "first" },
  { type: "INTERVIEWED_UNDER_CAUTION", after: 10, suspect: "first" },
  { type: "RELEASED", after: 10, suspect: "first" },
];
const toCharge: Step[] = [
  recorded,
  identified,
  ...arrested,
  { type: "FILE_TO_CPS", after: 40 },
  { type: "CHARGED", after: 60, suspect: "first" },
  { type: "OUTCOME_RECORDED", after: 60, outcome: "OUTCOME_1" },
];

const TRAILS: Record<HandKind, { open: boolean; wants: CountedReport["personWants"]; steps: Step[] }> = {
  convicted: {
    open: false,
    wants: "FULL_INVESTIGATION",
    steps: [...toCharge, { type: "COURT_RESULT", after: 200, courtResult: "CONVICTED", suspect: "first" }],
  },
  acquitted: {
    open: false,
    wants: "FULL_INVESTIGATION",
    steps: [...toCharge, { type: "COURT_RESULT", after: 220, courtResult: "ACQUITTED", suspect: "first" }],
  },
  discontinued: {
    open: false,
    wants: "FULL_INVESTIGATION",
    steps: [...toCharge, { type: "COURT_RESULT", after: 100, courtResult: "DISCONTINUED", suspect: "first" }],
  },
  awaitingTrial: { open: true, wants: "FULL_INVESTIGATION", steps: toCharge },
  withCps: {
    open: true,
    wants: "FULL_INVESTIGATION",
    steps: [recorded, identified, ...arrested, { type: "FILE_TO_CPS", after: 40 }],
  },
  evidentialDifficulties: {
    open: false,
    wants: "FULL_INVESTIGATION",
    steps: [
      recorded,
      identified,
      ...arrested,
      { type: "OUTCOME_RECORDED", after: 50, outcome: "OUTCOME_15" },
    ],
  },
  otherBody: {
    open: false,
    wants: "FULL_INVESTIGATION",
    steps: [recorded, identified, { type: "OUTCOME_RECORDED", after: 20, outcome: "OUTCOME_20" }],
  },
  notInPublicInterest: {
    open: false,
    wants: "FULL_INVESTIGATION",
    steps: [
      recorded,
      identified,
      { type: "DECISION_NOT_TO_INVESTIGATE", after: 12 },
      { type: "OUTCOME_RECORDED", after: 12, outcome: "OUTCOME_21" },
    ],
  },
  suspectKnown: { open: true, wants: "FULL_INVESTIGATION", steps: [recorded, identified, ...arrested] },
  stepsBackIdentified: {
    open: false,
    wants: "ANONYMOUS_CONTACT",
    steps: [
      recorded,
      identified,
      {
        type: "OUTCOME_RECORDED",
        after: 15,
        outcome: "OUTCOME_16",
        withdrawalReasons: ["PRESSURE_FROM_SUSPECT", "FEAR_OF_BEING_OUTED"],
      },
    ],
  },
  stepsBackUnidentified: {
    open: false,
    wants: "INTELLIGENCE_ONLY",
    steps: [
      recorded,
      {
        type: "OUTCOME_RECORDED",
        after: 20,
        outcome: "OUTCOME_14",
        withdrawalReasons: ["FEAR_OF_REPERCUSSIONS"],
      },
    ],
  },
  noSuspect: {
    open: false,
    wants: "FULL_INVESTIGATION",
    steps: [recorded, { type: "OUTCOME_RECORDED", after: 30, outcome: "OUTCOME_18" }],
  },
  recorded: { open: true, wants: "FULL_INVESTIGATION", steps: [recorded] },
  intelligenceOnly: { open: false, wants: "INTELLIGENCE_ONLY", steps: [] },
  justReported: { open: true, wants: "UNDECIDED", steps: [] },
};

export function handReport(
  kind: HandKind,
  reportedOn = "2025-03-10",
  overrides: Partial<CountedReport> = {},
): CountedReport {
  const trail = TRAILS[kind];
  return {
    reportedOn,
    status: trail.open ? "OPEN" : "CLOSED",
    crimeRecorded: kind === "intelligenceOnly" ? "NO" : kind === "justReported" ? null : "YES",
    personWants: trail.wants,
    initialPersonWants: kind === "intelligenceOnly" ? "INTELLIGENCE_ONLY" : "FULL_INVESTIGATION",
    reportingRoute: kind === "intelligenceOnly" ? "ANONYMOUS_INTELLIGENCE" : "DIRECT_TO_LIAISON_OFFICER",
    events: trail.steps.map(({ after, ...event }) => ({ ...event, on: onDay(reportedOn, after) })),
    ...overrides,
  };
}

export function cohortOf(mix: Partial<Record<HandKind, number>>, reportedOn?: string): CountedReport[] {
  return (Object.entries(mix) as [HandKind, number][]).flatMap(([kind, count]) =>
    Array.from({ length: count }, () => handReport(kind, reportedOn)),
  );
}

// The shape of the Gwent study's 86 reports, as the demo data tells it: 6 charged (one
// awaiting trial, one acquitted, one discontinued), 3 convicted, 15 still open.
export const STUDY_MIX: Record<HandKind, number> = {
  convicted: 3,
  acquitted: 1,
  discontinued: 1,
  awaitingTrial: 1,
  withCps: 2,
  evidentialDifficulties: 7,
  otherBody: 3,
  notInPublicInterest: 2,
  suspectKnown: 6,
  stepsBackIdentified: 17,
  stepsBackUnidentified: 18,
  noSuspect: 9,
  recorded: 4,
  intelligenceOnly: 10,
  justReported: 2,
};

// Reached each stage: received, recorded, identified, CPS, charged, convicted.
export const STUDY_REACHED = [86, 74, 43, 8, 6, 3] as const;
export const STUDY_OPEN_AT_STAGE = [2, 4, 6, 2, 1, 0] as const;
// Of the reports at each stage, those whose person supports action (not a stage).
export const STUDY_SUPPORTED_AT_STAGE = [39, 39, 26, 8, 6, 3] as const;

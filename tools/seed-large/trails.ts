// The outcome trail of each kind of synthetic report, step by step: the case event and the
// gap in days since the step before (drawn between min and max). These follow the demo's
// trails (prisma/seed/outcomes.ts) in a form that PostgreSQL can join against.
export type TrailStep = {
  type: string;
  gap: readonly [number, number];
  outcome?: string;
  courtResult?: string;
  releaseType?: string;
  aboutSuspect?: boolean;
  // Only when what the person wants changed since the report.
  ifWantsChanged?: boolean;
  withReasons?: boolean;
  personInformed?: boolean;
};

const recorded: TrailStep = { type: "CRIME_RECORDED", gap: [0, 1] };
const identified: TrailStep = { type: "SUSPECT_IDENTIFIED", gap: [2, 21], aboutSuspect: true };
const wantsChanged: TrailStep = { type: "PERSON_WANTS_CHANGED", gap: [3, 30], ifWantsChanged: true };
const arrest = (releaseType: string): TrailStep[] => [
  { type: "ARRESTED", gap: [1, 14], aboutSuspect: true },
  { type: "INTERVIEWED_UNDER_CAUTION", gap: [0, 0], aboutSuspect: true },
  { type: "RELEASED", gap: [0, 0], releaseType, aboutSuspect: true },
];
const toCharge: TrailStep[] = [
  recorded,
  identified,
  ...arrest("BAIL"),
  { type: "FILE_TO_CPS", gap: [21, 60] },
  { type: "CHARGED", gap: [10, 40], aboutSuspect: true },
  { type: "OUTCOME_RECORDED", gap: [0, 0], outcome: "OUTCOME_1" },
];
const outcome = (
  code: string,
  gap: readonly [number, number],
  extra: Partial<TrailStep> = {},
): TrailStep => ({
  type: "OUTCOME_RECORDED",
  gap,
  outcome: code,
  ...extra,
});

export const TRAILS: Record<string, readonly TrailStep[]> = {
  CONVICTED: [
    ...toCharge,
    { type: "COURT_RESULT", gap: [120, 300], courtResult: "CONVICTED", aboutSuspect: true },
    { type: "SENTENCE", gap: [21, 42], aboutSuspect: true },
  ],
  ACQUITTED: [
    ...toCharge,
    { type: "COURT_RESULT", gap: [150, 300], courtResult: "ACQUITTED", aboutSuspect: true },
  ],
  DISCONTINUED: [
    ...toCharge,
    { type: "COURT_RESULT", gap: [40, 120], courtResult: "DISCONTINUED", aboutSuspect: true },
  ],
  AWAITING_TRIAL: toCharge,
  O14: [recorded, wantsChanged, outcome("OUTCOME_14", [5, 40], { withReasons: true })],
  O16: [recorded, identified, wantsChanged, outcome("OUTCOME_16", [0, 20], { withReasons: true })],
  O15: [
    recorded,
    identified,
    ...arrest("UNDER_INVESTIGATION"),
    { type: "RELEASED", gap: [10, 60], releaseType: "NO_FURTHER_ACTION", aboutSuspect: true },
    outcome("OUTCOME_15", [0, 3]),
  ],
  O18: [recorded, outcome("OUTCOME_18", [20, 90])],
  O20: [recorded, identified, outcome("OUTCOME_20", [5, 30], { personInformed: true })],
  O21: [
    recorded,
    identified,
    { type: "DECISION_NOT_TO_INVESTIGATE", gap: [3, 20] },
    outcome("OUTCOME_21", [0, 2], { personInformed: true }),
  ],
  INTEL: [],
  NEW: [],
  RECORDED: [recorded],
  SUSPECT: [recorded, identified],
  RUI: [recorded, identified, ...arrest("UNDER_INVESTIGATION")],
  BAIL: [recorded, identified, ...arrest("BAIL")],
  CPS: [recorded, identified, ...arrest("BAIL"), { type: "FILE_TO_CPS", gap: [20, 60] }],
};

// Kinds in which a suspect is known; the rest have one only half the time (a description).
export const IDENTIFIED_KINDS = [
  "CONVICTED",
  "ACQUITTED",
  "DISCONTINUED",
  "AWAITING_TRIAL",
  "O15",
  "O16",
  "O20",
  "O21",
  "SUSPECT",
  "RUI",
  "BAIL",
  "CPS",
];

export const CHARGED_KINDS = ["CONVICTED", "ACQUITTED", "DISCONTINUED", "AWAITING_TRIAL"];

// One row per step, for a VALUES list: kind, step number and the step's fields.
export function trailRows(): (string | number | boolean | null)[][] {
  return Object.entries(TRAILS).flatMap(([kind, steps]) =>
    steps.map((s, i) => [
      kind,
      i + 1,
      s.type,
      s.gap[0],
      s.gap[1],
      s.outcome ?? null,
      s.courtResult ?? null,
      s.releaseType ?? null,
      s.aboutSuspect ?? false,
      s.ifWantsChanged ?? false,
      s.withReasons ?? false,
      s.personInformed ?? null,
    ]),
  );
}

// How each report ends (or where it has got to): the case events in the order they can
// happen, with gaps in days drawn from realistic ranges. Outcome codes follow the Home
// Office Counting Rules: an outcome only for a recorded crime, 14 and 18 only while no
// suspect is known, 1 only after a charge and nothing but court results after it; 14 and 16
// carry the reasons the person stepped back. Every closed report ends with REPORT_CLOSED:
// on its final outcome (with the court result where charged), or by a supervisor's decision.
import {
  CaseEventType as E,
  CloseReason,
  CourtResult,
  HomeOfficeOutcome as O,
  PersonWants,
  ReleaseType,
  WithdrawalReason,
} from "@/lib/generated/prisma/enums";
import type { Random } from "./random";

export const CLOSED_KINDS = [
  "CONVICTED",
  "ACQUITTED",
  "DISCONTINUED",
  "O14",
  "O15",
  "O16",
  "O18",
  "O20",
  "O21",
  "O22",
  "INTEL",
  // Closed by a supervisor: a third-party report the person did not confirm (received),
  // and two crimes transferred to another force (recorded; suspect identified).
  "NOTHING_FURTHER",
  "TRANSFERRED",
  "TRANSFERRED_IDENTIFIED",
] as const;
export const OPEN_KINDS = [
  "AWAITING_TRIAL",
  "NEW",
  "RECORDED",
  "UNDECIDED",
  "SUSPECT",
  "RUI",
  "BAIL",
  "CPS",
] as const;
export type OutcomeKind = (typeof CLOSED_KINDS)[number] | (typeof OPEN_KINDS)[number];

export const CHARGED_KINDS: readonly OutcomeKind[] = [
  "CONVICTED",
  "ACQUITTED",
  "DISCONTINUED",
  "AWAITING_TRIAL",
];

export function isOpen(kind: OutcomeKind): boolean {
  return (OPEN_KINDS as readonly string[]).includes(kind);
}

// Kinds in which no suspect was ever identified: these cannot follow a known perpetrator.
export const UNIDENTIFIED_KINDS: readonly OutcomeKind[] = ["O14", "O18"];

export type EventPlan = {
  type: E;
  offset: number;
  aboutSuspect: boolean;
  crimeReference?: string;
  releaseType?: ReleaseType;
  offence?: string;
  outcome?: O;
  withdrawalReasons?: WithdrawalReason[];
  courtResult?: CourtResult;
  sentence?: string;
  personWants?: PersonWants;
  notes?: string;
  personInformed?: boolean;
  diversionaryActivity?: string;
  closeReason?: CloseReason;
  enhancedRights?: boolean;
};

export type TrailInput = {
  kind: OutcomeKind;
  offence: string;
  wants: PersonWants;
  initialWants: PersonWants;
  withdrawal?: readonly WithdrawalReason[];
  notes?: string;
  sentence?: string;
  // Outcome 15 after the file went to the CPS (otherwise a coin toss).
  toCps?: boolean;
  // Outcome 22: the diversionary activity the suspect completed.
  diversionary?: string;
  // An officer's decision that the person has enhanced rights, with the reason.
  enhancedByOfficer?: string;
  // Bail extended yesterday: a key decision whose update is owed but not yet due.
  bailExtendedYesterday?: boolean;
};

type Step = { gap: readonly [number, number]; event: Omit<EventPlan, "offset" | "aboutSuspect"> };

const SUSPECT_EVENTS: readonly E[] = [
  E.SUSPECT_IDENTIFIED,
  E.ARRESTED,
  E.INTERVIEWED_UNDER_CAUTION,
  E.RELEASED,
  E.CHARGED,
  E.COURT_RESULT,
  E.SENTENCE,
];

const step = (type: E, gap: readonly [number, number], extra: Partial<Step["event"]> = {}): Step => ({
  gap,
  event: { type, ...extra },
});

const recorded = () => step(E.CRIME_RECORDED, [0, 1]);
const identified = () => step(E.SUSPECT_IDENTIFIED, [2, 21]);
const arrestAndInterview = (release: ReleaseType): Step[] => [
  step(E.ARRESTED, [1, 14]),
  step(E.INTERVIEWED_UNDER_CAUTION, [0, 0]),
  step(E.RELEASED, [0, 0], { releaseType: release }),
];

// The prosecution path shared by every charged case, up to and including the charge.
function toCharge(offence: string): Step[] {
  return [
    recorded(),
    identified(),
    ...arrestAndInterview(ReleaseType.BAIL),
    step(E.FILE_TO_CPS, [21, 60]),
    step(E.CHARGED, [10, 40], { offence }),
    step(E.OUTCOME_RECORDED, [0, 0], { outcome: O.OUTCOME_1, offence }),
  ];
}

const WITHDRAWAL_WEIGHTS: readonly (readonly [WithdrawalReason, number])[] = [
  [WithdrawalReason.FEAR_OF_REPERCUSSIONS, 5],
  [WithdrawalReason.FEAR_OF_BEING_OUTED, 4],
  [WithdrawalReason.WANTS_SUPPORT_NOT_PROSECUTION, 4],
  [WithdrawalReason.DISTRUST_OF_POLICE, 3],
  [WithdrawalReason.PROCESS_TOO_SLOW, 3],
  [WithdrawalReason.PRESSURE_FROM_SUSPECT, 2],
  [WithdrawalReason.FEAR_OF_OWN_PROSECUTION, 2],
  [WithdrawalReason.OTHER, 1],
];

function withdrawalReasons(random: Random): WithdrawalReason[] {
  const first = random.weighted(WITHDRAWAL_WEIGHTS);
  const second = random.weighted(WITHDRAWAL_WEIGHTS);
  return random.chance(0.35) && second !== first ? [first, second] : [first];
}

const O15_NOTES = [
  "No independent witnesses and no forensic evidence; CPS advised that the evidential test is not met.",
  "Suspect gave an account of consent and the phone evidence does not contradict it; evidential test not met.",
  "CCTV from the premises had been overwritten before it could be seized; no other evidence to corroborate.",
];
const O18_NOTES = [
  "CCTV, ANPR and phone enquiries completed; no suspect identified.",
  "Registration given does not match the vehicle seen (false plates); no suspect identified.",
  "Number used for the booking was unregistered and is no longer in use; no suspect identified.",
];

// Notes for reasons that need words, not just a code.
function withdrawalNotes(reasons: readonly WithdrawalReason[]): string | undefined {
  return reasons.includes(WithdrawalReason.OTHER)
    ? "Has moved out of the area and does not want to travel back for the case."
    : undefined;
}

function stepsFor(input: TrailInput, random: Random): Step[] {
  const { kind, offence } = input;
  const reasons = input.withdrawal ? [...input.withdrawal] : withdrawalReasons(random);
  const changed =
    input.wants !== input.initialWants
      ? [step(E.PERSON_WANTS_CHANGED, [3, 30], { personWants: input.wants })]
      : [];
  switch (kind) {
    case "CONVICTED":
      return [
        ...toCharge(offence),
        step(E.COURT_RESULT, [120, 300], { courtResult: CourtResult.CONVICTED, offence }),
        // The conviction finishes the case; sentence follows at a later hearing.
        closedOnFinalOutcome(),
        step(E.SENTENCE, [21, 42], {
          sentence: input.sentence ?? "Community order with 200 hours' unpaid work; restraining order",
        }),
      ];
    case "ACQUITTED":
      return [
        ...toCharge(offence),
        step(E.COURT_RESULT, [150, 300], { courtResult: CourtResult.ACQUITTED, offence }),
      ];
    case "DISCONTINUED":
      return [
        ...toCharge(offence),
        step(E.COURT_RESULT, [40, 120], {
          courtResult: CourtResult.DISCONTINUED,
          notes: input.notes ?? "CPS reviewed the case before trial and discontinued it.",
        }),
      ];
    case "AWAITING_TRIAL":
      return toCharge(offence);
    case "O14":
      return [
        recorded(),
        ...changed,
        step(E.OUTCOME_RECORDED, [5, 40], {
          outcome: O.OUTCOME_14,
          withdrawalReasons: reasons,
          notes: input.notes ?? withdrawalNotes(reasons),
        }),
      ];
    case "O16": {
      const arrested = random.chance(0.5);
      return [
        recorded(),
        identified(),
        ...(arrested ? arrestAndInterview(ReleaseType.UNDER_INVESTIGATION) : []),
        ...changed,
        ...(arrested ? [step(E.RELEASED, [3, 20], { releaseType: ReleaseType.NO_FURTHER_ACTION })] : []),
        step(E.OUTCOME_RECORDED, [0, 5], {
          outcome: O.OUTCOME_16,
          withdrawalReasons: reasons,
          notes: input.notes ?? withdrawalNotes(reasons),
        }),
      ];
    }
    case "O15":
      return [
        recorded(),
        identified(),
        ...arrestAndInterview(ReleaseType.UNDER_INVESTIGATION),
        ...((input.toCps ?? random.chance(0.5)) ? [step(E.FILE_TO_CPS, [20, 60])] : []),
        step(E.RELEASED, [10, 60], { releaseType: ReleaseType.NO_FURTHER_ACTION }),
        step(E.OUTCOME_RECORDED, [0, 3], {
          outcome: O.OUTCOME_15,
          notes: input.notes ?? random.pick(O15_NOTES),
        }),
      ];
    case "O18":
      return [
        recorded(),
        step(E.OUTCOME_RECORDED, [20, 90], {
          outcome: O.OUTCOME_18,
          notes: input.notes ?? random.pick(O18_NOTES),
        }),
      ];
    case "O20":
      return [
        recorded(),
        identified(),
        step(E.OUTCOME_RECORDED, [5, 30], {
          outcome: O.OUTCOME_20,
          notes: input.notes,
          personInformed: true,
        }),
      ];
    case "O21":
      return [
        recorded(),
        identified(),
        step(E.DECISION_NOT_TO_INVESTIGATE, [3, 20], { notes: input.notes }),
        step(E.OUTCOME_RECORDED, [0, 0], { outcome: O.OUTCOME_21, notes: input.notes }),
      ];
    case "O22":
      return [
        recorded(),
        identified(),
        step(E.INTERVIEWED_UNDER_CAUTION, [3, 14]),
        step(E.OUTCOME_RECORDED, [14, 40], {
          outcome: O.OUTCOME_22,
          notes: input.notes,
          diversionaryActivity:
            input.diversionary ?? "Completed an educational course run by the youth justice service.",
        }),
      ];
    case "TRANSFERRED":
      return [recorded()];
    case "TRANSFERRED_IDENTIFIED":
      return [recorded(), identified()];
    case "INTEL":
    case "NOTHING_FURTHER":
    case "NEW":
      return [];
    case "RECORDED":
    case "UNDECIDED":
      return [recorded()];
    case "SUSPECT":
      return [recorded(), identified()];
    case "RUI":
      return [recorded(), identified(), ...arrestAndInterview(ReleaseType.UNDER_INVESTIGATION)];
    case "BAIL":
      return [recorded(), identified(), ...arrestAndInterview(ReleaseType.BAIL)];
    case "CPS":
      return [
        recorded(),
        identified(),
        ...arrestAndInterview(ReleaseType.BAIL),
        step(E.FILE_TO_CPS, [20, 60]),
      ];
  }
}

// Why a supervisor closed a report that has no final outcome, in the supervisor's words.
const SUPERVISOR_CLOSES: Partial<
  Record<OutcomeKind, { reason: CloseReason; gap: readonly [number, number]; notes: string }>
> = {
  INTEL: {
    reason: CloseReason.INTELLIGENCE_ONLY,
    gap: [1, 7],
    notes:
      "Intelligence only, as the person asked: details passed to the intelligence unit to protect others. No investigation.",
  },
  NOTHING_FURTHER: {
    reason: CloseReason.PERSON_WANTS_NOTHING_FURTHER,
    gap: [2, 10],
    notes:
      "Third-party report. The person did not confirm the crime and asked that nothing further be done; support continues through the agency.",
  },
  TRANSFERRED: {
    reason: CloseReason.TRANSFERRED_TO_ANOTHER_FORCE,
    gap: [2, 10],
    notes:
      "The booking was at a hotel in Bristol: the crime happened in Avon and Somerset Police's area and has been transferred to them. The liaison officer stays the person's point of contact.",
  },
  TRANSFERRED_IDENTIFIED: {
    reason: CloseReason.TRANSFERRED_TO_ANOTHER_FORCE,
    gap: [3, 14],
    notes:
      "The suspect has been charged by Dyfed-Powys Police with similar offences against other people; with the CPS's agreement this crime is investigated with theirs and has been transferred to them.",
  },
};

// The closing event: the same day as the final outcome (after the court result and
// sentence where charged), or a supervisor's decision with its reason. Open kinds have none.
const closedOnFinalOutcome = () => step(E.REPORT_CLOSED, [0, 0], { closeReason: CloseReason.FINAL_OUTCOME });

function closingSteps(input: TrailInput): Step[] {
  if (isOpen(input.kind) || input.kind === "CONVICTED") return [];
  const supervisor = SUPERVISOR_CLOSES[input.kind];
  if (supervisor)
    return [
      step(E.REPORT_CLOSED, supervisor.gap, { closeReason: supervisor.reason, notes: supervisor.notes }),
    ];
  return [closedOnFinalOutcome()];
}

// An officer's decision on enhanced rights comes early, before any decision is owed an update.
function enhancedRightsStep(input: TrailInput): Step[] {
  if (!input.enhancedByOfficer) return [];
  return [step(E.ENHANCED_RIGHTS_CHANGED, [0, 1], { enhancedRights: true, notes: input.enhancedByOfficer })];
}

// Lays the steps out in days after the report, squeezed proportionally when the report is
// too recent for the full story, so no event is ever dated after `availableDays`.
export function buildTrail(input: TrailInput, availableDays: number, random: Random): EventPlan[] {
  const steps = [...enhancedRightsStep(input), ...stepsFor(input, random), ...closingSteps(input)];
  const gaps = steps.map((s) => random.int(s.gap[0], s.gap[1]));
  const total = gaps.reduce((sum, gap) => sum + gap, 0);
  const scale = total > availableDays ? Math.max(0, availableDays) / total : 1;
  let offset = 0;
  let exact = 0;
  const trail = steps.map((s, i) => {
    exact += (gaps[i] ?? 0) * scale;
    offset = Math.max(offset, Math.floor(exact));
    return { ...s.event, offset, aboutSuspect: SUSPECT_EVENTS.includes(s.event.type) };
  });
  if (input.bailExtendedYesterday && availableDays > 0)
    trail.push({
      type: E.RELEASED,
      releaseType: ReleaseType.BAIL,
      notes: "Bail extended for four weeks with the same conditions while the phone download is completed.",
      offset: availableDays,
      aboutSuspect: true,
    });
  return trail;
}

// What the person wants now and wanted at first, as the outcome implies.
export function wantsFor(
  kind: OutcomeKind,
  random: Random,
): { wants: PersonWants; initialWants: PersonWants } {
  const W = PersonWants;
  switch (kind) {
    case "INTEL":
      return { wants: W.INTELLIGENCE_ONLY, initialWants: W.INTELLIGENCE_ONLY };
    case "O14":
    case "O16": {
      // Most started out wanting an investigation and stepped back; some never wanted one.
      const wants = random.chance(0.6) ? W.INTELLIGENCE_ONLY : W.ANONYMOUS_CONTACT;
      return { wants, initialWants: random.chance(0.7) ? W.FULL_INVESTIGATION : wants };
    }
    case "UNDECIDED":
    case "NEW":
      return { wants: W.UNDECIDED, initialWants: W.UNDECIDED };
    case "NOTHING_FURTHER":
      return { wants: W.ANONYMOUS_CONTACT, initialWants: W.UNDECIDED };
    default:
      return { wants: W.FULL_INVESTIGATION, initialWants: W.FULL_INVESTIGATION };
  }
}

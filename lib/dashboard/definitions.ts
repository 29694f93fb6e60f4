// What the dashboard counts, defined once. A fixed cohort of reports (by the date each was
// received) is followed through the stages from report to conviction, so every rate
// compares like with like. Counts are of reports, never of events or suspects: a report
// with two suspects charged is one charged report (suspects are counted separately).
//
// PostgreSQL computes the same facts for the real data (dashboard_fact_rows in the
// dashboard_summaries migration); this module is the readable statement of the rules, the
// reference the unit tests check on hand-built cohorts, and what an integration test
// compares the SQL with.
import type {
  Answer,
  CaseEventType,
  CourtResult,
  HomeOfficeOutcome,
  IncidentType,
  PersonWants,
  ReportingRoute,
  ReportStatus,
  WithdrawalReason,
} from "@/lib/generated/prisma/enums";
import { CHARGE_OUTCOMES, SUSPECT_EVENTS, SUSPECT_OUTCOMES } from "@/lib/outcomes/trail-rules";

// The stages are a chain that only the trail moves a report along: each one implies the
// ones before it (a charge implies an identified suspect, a conviction a charge). Whether
// the person supports action is not a stage: it is what they said, counted beside each
// stage (supportsAction), so that an evidence-led charge is shown as one.
export const STAGES = ["received", "recorded", "identified", "cps", "charged", "convicted"] as const;
export type Stage = (typeof STAGES)[number];
export const CHARGED_STAGE = STAGES.indexOf("charged");

// A report as the definitions see it: its state and its outcome trail.
export type CountedReport = {
  reportedOn: string; // YYYY-MM-DD, the UK date the report was received
  status: ReportStatus;
  crimeRecorded?: Answer | null;
  personWants: PersonWants;
  initialPersonWants?: PersonWants;
  reportingRoute?: ReportingRoute | null;
  // Submitted by a partner agency (a third-party report).
  submittedByAgency?: boolean;
  events: readonly CountedEvent[];
};

export type CountedEvent = {
  type: CaseEventType;
  on: string; // YYYY-MM-DD
  outcome?: HomeOfficeOutcome;
  courtResult?: CourtResult;
  suspect?: string;
  withdrawalReasons?: readonly WithdrawalReason[];
};

const CONVICTIONS: readonly CourtResult[] = ["CONVICTED", "CONVICTED_ALTERNATIVE"];
// Outcomes in which the person did not (or no longer) support action.
export const NOT_SUPPORTED_OUTCOMES: readonly HomeOfficeOutcome[] = ["OUTCOME_14", "OUTCOME_16"];
// Every Home Office outcome that the counting rules give only where a suspect is known: a
// charge (1, 1A) or an outcome that implies a suspect. The outcome trail rules own both lists.
export const SUSPECT_KNOWN_OUTCOMES: readonly HomeOfficeOutcome[] = [...CHARGE_OUTCOMES, ...SUSPECT_OUTCOMES];

const isCharge = (e: CountedEvent) =>
  e.type === "CHARGED" || (e.outcome !== undefined && CHARGE_OUTCOMES.includes(e.outcome));

// The outcome that stands: the latest recorded (a later outcome replaces an earlier one).
export function latestOutcome(report: CountedReport): CountedEvent | undefined {
  return report.events
    .filter((e) => e.type === "OUTCOME_RECORDED" && e.outcome)
    .reduce<CountedEvent | undefined>((latest, e) => (!latest || e.on >= latest.on ? e : latest), undefined);
}

// The furthest stage a report has reached, as an index into STAGES. Reaching a stage means
// reaching every stage before it (the chain is what the trail proves):
//   recorded    a crime was recorded (or a Home Office outcome, which only recorded crimes get)
//   identified  a suspect was identified, arrested, interviewed, released or charged, or an
//               outcome that implies a suspect (1, 1A, 2–13, 15–17, 22)
//   cps         a file went to the Crown Prosecution Service
//   charged     a charge or summons (or outcome 1/1A); a charge later discontinued still counts
//   convicted   convicted in court, of the offence or an alternative
export function stageOf(report: CountedReport): number {
  const has = (match: (e: CountedEvent) => boolean) => report.events.some(match);
  if (
    has(
      (e) => e.type === "COURT_RESULT" && e.courtResult !== undefined && CONVICTIONS.includes(e.courtResult),
    )
  )
    return 5;
  if (has(isCharge)) return 4;
  if (has((e) => e.type === "FILE_TO_CPS")) return 3;
  const identified = has(
    (e) =>
      SUSPECT_EVENTS.includes(e.type) ||
      (e.outcome !== undefined && SUSPECT_KNOWN_OUTCOMES.includes(e.outcome)),
  );
  if (identified) return 2;
  if (
    has((e) => e.type === "CRIME_RECORDED" || e.type === "OUTCOME_RECORDED") ||
    report.crimeRecorded === "YES"
  )
    return 1;
  return 0;
}

// The person supports action: only what they said (a full investigation) and no outcome 14
// or 16 standing. Never inferred from a charge: evidence-led prosecutions go ahead without it.
export function supportsAction(report: CountedReport): boolean {
  const outcome = latestOutcome(report)?.outcome;
  return (
    report.personWants === "FULL_INVESTIGATION" &&
    (outcome === undefined || !NOT_SUPPORTED_OUTCOMES.includes(outcome))
  );
}

function daysBetween(from: string, to: string): number {
  return Math.max(
    0,
    Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000),
  );
}

function earliest(events: readonly CountedEvent[]): string | undefined {
  return events.reduce<string | undefined>(
    (min, e) => (min === undefined || e.on < min ? e.on : min),
    undefined,
  );
}

export type ReportFacts = {
  stage: number;
  supportsAction: boolean;
  isOpen: boolean;
  outcome: HomeOfficeOutcome | null;
  withdrawalReasons: readonly WithdrawalReason[];
  daysToCharge: number | null;
  daysToOutcome: number | null;
  suspectsCharged: number;
  startedQuiet: boolean;
  converted: boolean;
};

export function factsOf(report: CountedReport): ReportFacts {
  const stage = stageOf(report);
  const latest = latestOutcome(report);
  const outcome = latest?.outcome ?? null;
  const chargedOn = earliest(report.events.filter(isCharge));
  const outcomeOn = earliest(report.events.filter((e) => e.type === "OUTCOME_RECORDED"));
  const chargedSuspects = new Set(
    report.events.filter((e) => e.type === "CHARGED").map((e, i) => e.suspect ?? `unnamed-${i}`),
  ).size;
  // Intelligence-only, anonymous or third-party at first: the reports that show trust being
  // rebuilt when they later become full investigations.
  const startedQuiet =
    report.initialPersonWants === "INTELLIGENCE_ONLY" ||
    report.initialPersonWants === "ANONYMOUS_CONTACT" ||
    report.reportingRoute === "ANONYMOUS_INTELLIGENCE" ||
    report.reportingRoute === "PARTNER_AGENCY" ||
    report.submittedByAgency === true;
  return {
    stage,
    supportsAction: supportsAction(report),
    isOpen: report.status === "OPEN",
    outcome,
    withdrawalReasons:
      outcome && NOT_SUPPORTED_OUTCOMES.includes(outcome) ? (latest?.withdrawalReasons ?? []) : [],
    daysToCharge: chargedOn ? daysBetween(report.reportedOn, chargedOn) : null,
    daysToOutcome: outcomeOn ? daysBetween(report.reportedOn, outcomeOn) : null,
    suspectsCharged: stage >= CHARGED_STAGE ? Math.max(chargedSuspects, 1) : 0,
    startedQuiet,
    converted: startedQuiet && report.personWants === "FULL_INVESTIGATION",
  };
}

// How many of a cohort reached each stage, how many of all its reports the person supports
// action on (`supported`, not a stage), and how many are still open.
export type StageCounts = {
  reports: number;
  recorded: number;
  identified: number;
  supported: number;
  cps: number;
  charged: number;
  convicted: number;
  open: number;
};

// The count of reports that reached each stage, in STAGES order.
export const STAGE_COUNT_KEYS = ["reports", "recorded", "identified", "cps", "charged", "convicted"] as const;

export const NO_COUNTS: StageCounts = {
  reports: 0,
  recorded: 0,
  identified: 0,
  supported: 0,
  cps: 0,
  charged: 0,
  convicted: 0,
  open: 0,
};

export function countCohort(reports: readonly CountedReport[]): {
  counts: StageCounts;
  openAtStage: number[];
  supportedAtStage: number[];
} {
  const counts = { ...NO_COUNTS };
  const openAtStage = STAGES.map(() => 0);
  // Reports that reached each stage and whose person supports action.
  const supportedAtStage = STAGES.map(() => 0);
  for (const report of reports) {
    const facts = factsOf(report);
    STAGE_COUNT_KEYS.forEach((key, index) => {
      if (facts.stage < index) return;
      counts[key] += 1;
      if (facts.supportsAction) supportedAtStage[index] = (supportedAtStage[index] ?? 0) + 1;
    });
    if (facts.supportsAction) counts.supported += 1;
    if (facts.isOpen) {
      counts.open += 1;
      openAtStage[facts.stage] = (openAtStage[facts.stage] ?? 0) + 1;
    }
  }
  return { counts, openAtStage, supportedAtStage };
}

// A share, or null when there is nothing to share out: never a division by zero.
export function rate(part: number, whole: number): number | null {
  if (!Number.isFinite(part) || !Number.isFinite(whole) || whole <= 0) return null;
  return part / whole;
}

export type Headline = {
  received: number;
  charged: number;
  convicted: number;
  chargeRate: number | null;
  convictionRate: number | null;
};

// Charged: reports with a charge or summons, as a share of reports received in the period.
// Convicted: reports with a conviction, as a share of reports received in the period.
export function headlineOf(counts: StageCounts): Headline {
  return {
    received: counts.reports,
    charged: counts.charged,
    convicted: counts.convicted,
    chargeRate: rate(counts.charged, counts.reports),
    convictionRate: rate(counts.convicted, counts.reports),
  };
}

// The published figures the unit compares itself with: UWE Bristol with Gwent Police and
// Cyfannol Women's Aid, September 2025, 86 reports of violence or threats of violence
// against sex workers, 7% charged and 3.5% convicted.
export const GWENT_BASELINE = {
  received: 86,
  charged: 6,
  convicted: 3,
  chargeRate: 0.07,
  convictionRate: 0.035,
  published: "2025-09",
} as const;

// The incident types that match the study's definition ("violence or threats of violence"),
// so a unit can compare like with like: a report counts when any of its types is one of
// these. Theft, harassment, coercion, online abuse, hate incidents and "other" are left out:
// each can happen without violence or a threat of it (docs/decisions/009-honest-figures.md).
export const VIOLENCE_AND_THREATS: readonly IncidentType[] = [
  "PHYSICAL_ASSAULT",
  "RAPE",
  "SEXUAL_ASSAULT",
  "ROBBERY",
  "THREATS_INTIMIDATION",
  "CONDOM_REMOVAL",
];

export type FunnelRow = {
  stage: Stage;
  count: number;
  // Of the whole cohort.
  share: number | null;
  // Of those at the stage before.
  ofPrevious: number | null;
  // Of the reports at this stage, those whose person supports action (not a stage).
  supported: number;
  // Reports whose furthest stage is this one: still open (not lost), or closed here. At the
  // last stage that is every report that reached it, so the two columns add up, over all
  // stages, to the reports received (and the open ones to the reports still open).
  stoppedOpen: number;
  stoppedClosed: number;
};

export function funnelOf(
  counts: StageCounts,
  openAtStage: readonly number[],
  supportedAtStage: readonly number[] = [],
): FunnelRow[] {
  return STAGES.map((stage, index) => {
    const count = counts[STAGE_COUNT_KEYS[index] ?? "reports"];
    const next = index + 1 < STAGES.length ? counts[STAGE_COUNT_KEYS[index + 1] ?? "reports"] : 0;
    const previous = index > 0 ? counts[STAGE_COUNT_KEYS[index - 1] ?? "reports"] : null;
    const stopped = count - next;
    const stoppedOpen = Math.min(openAtStage[index] ?? 0, stopped);
    return {
      stage,
      count,
      share: rate(count, counts.reports),
      ofPrevious: previous === null ? null : rate(count, previous),
      supported: supportedAtStage[index] ?? 0,
      stoppedOpen,
      stoppedClosed: stopped - stoppedOpen,
    };
  });
}

// Nearest-rank percentile of whole days, from a histogram: the smallest number of days by
// which at least p of the reports had got there. Null when there are none.
export function percentileOf(
  histogram: readonly { days: number; reports: number }[],
  p: number,
): number | null {
  const sorted = histogram.filter((h) => h.reports > 0).sort((a, b) => a.days - b.days);
  const total = sorted.reduce((sum, h) => sum + h.reports, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const h of sorted) {
    seen += h.reports;
    if (seen >= rank) return h.days;
  }
  return sorted[sorted.length - 1]?.days ?? null;
}

export type Timeliness = { reports: number; median: number | null; p90: number | null };

export function timelinessOf(histogram: readonly { days: number; reports: number }[]): Timeliness {
  return {
    reports: histogram.reduce((sum, h) => sum + h.reports, 0),
    median: percentileOf(histogram, 0.5),
    p90: percentileOf(histogram, 0.9),
  };
}

// Open reports by how long ago they were received, in whole calendar months (so that the
// figure can come from the monthly summaries).
export const AGE_BANDS = [
  { key: "under3Months", maxMonths: 2 },
  { key: "3to6Months", maxMonths: 5 },
  { key: "6to12Months", maxMonths: 11 },
  { key: "1to2Years", maxMonths: 23 },
  { key: "over2Years", maxMonths: Number.POSITIVE_INFINITY },
] as const;
export type AgeBand = (typeof AGE_BANDS)[number]["key"];

export function monthsBetween(fromMonth: string, toMonth: string): number {
  const [fy, fm] = fromMonth.split("-").map(Number);
  const [ty, tm] = toMonth.split("-").map(Number);
  return ((ty ?? 0) - (fy ?? 0)) * 12 + ((tm ?? 0) - (fm ?? 0));
}

export function openByAge(
  months: readonly { month: string; open: number }[],
  currentMonth: string,
): { band: AgeBand; reports: number }[] {
  const bands = AGE_BANDS.map((b) => ({ band: b.key as AgeBand, reports: 0 }));
  for (const { month, open } of months) {
    const age = Math.max(0, monthsBetween(month, currentMonth));
    const index = AGE_BANDS.findIndex((b) => age <= b.maxMonths);
    const band = bands[index];
    if (band) band.reports += open;
  }
  return bands;
}

// Calendar quarters from months (YYYY-MM): "2026-Q1" holds January to March.
export function quarterOf(month: string): string {
  const [year, m] = month.split("-");
  return `${year}-Q${Math.ceil(Number(m) / 3)}`;
}

// The 86 incident reports: the hand-written key cases plus generated ones around them,
// numbered per year in the order they were received, each with its outcome trail.
import {
  Answer,
  CaseEventType,
  CloseReason,
  ReportingRoute,
  ReportStatus,
  type DatePrecision,
  type IncidentType,
  type PerpetratorRelationship,
  type PersonWants,
} from "@/lib/generated/prisma/enums";
import { formatReference } from "@/lib/reports/reference";
import { addDays, atTime, daysBetween, nextWeekday, startOfDay } from "./dates";
import { deriveEnhancedRights } from "@/lib/victims-code/enhanced-rights";
import { KEY_CASES, type KeyCase, type KeyCaseTag, type SeriesKey } from "./key-cases";
import {
  buildTrail,
  CHARGED_KINDS,
  isOpen,
  UNIDENTIFIED_KINDS,
  wantsFor,
  type EventPlan,
  type OutcomeKind,
} from "./outcomes";
import { PEOPLE } from "./people";
import { demoRandom, type Random } from "./random";
import {
  agencyFor,
  crimeSerial,
  incidentDates,
  NOT_RECORDED_WHY,
  riskAnswers,
  routeFor,
  type Agency,
  type RiskAnswers,
} from "./report-details";
import { OTHER_AREAS, scenario as scenarioByKey, SCENARIOS, STREET_AREAS, type Scenario } from "./scenarios";
import { oneOffSuspect, seriesSuspects, seriesValues, type SuspectPlan } from "./suspects";

// How the 86 reports end. Charges and convictions mirror the Gwent study (6 charged, 3
// convicted); most of the rest stop because the person steps back (outcomes 14 and 16).
// A few are closed by a supervisor without an outcome (intelligence only, not confirmed,
// transferred), so every stage of the funnel has reports that stopped there.
// prettier-ignore
export const OUTCOME_MIX: Readonly<Record<OutcomeKind, number>> = {
  CONVICTED: 3, ACQUITTED: 1, DISCONTINUED: 1, AWAITING_TRIAL: 1,
  O14: 18, O16: 16, O15: 6, O18: 8, O20: 3, O21: 2, O22: 1, INTEL: 9,
  NOTHING_FURTHER: 1, TRANSFERRED: 1, TRANSFERRED_IDENTIFIED: 1,
  NEW: 2, RECORDED: 3, UNDECIDED: 1, SUSPECT: 2, RUI: 3, BAIL: 1, CPS: 2,
};
// Reports whose "how was it reported" question was left unanswered at intake.
const ROUTE_UNANSWERED = 2;

// Open stages in the order a report passes through them: the youngest get the earliest.
const OPEN_STAGES: readonly OutcomeKind[] = ["NEW", "RECORDED", "UNDECIDED", "SUSPECT", "RUI", "BAIL", "CPS"];
// Decisions made in office hours; arrests and reports happen any day of the week.
const OFFICE_EVENTS: readonly CaseEventType[] = [
  CaseEventType.FILE_TO_CPS,
  CaseEventType.CHARGED,
  CaseEventType.OUTCOME_RECORDED,
  CaseEventType.COURT_RESULT,
  CaseEventType.SENTENCE,
];
const OLDEST_DAYS = 725;
const NEWEST_DAYS = 3;

export type Officer = "officer" | "officer2" | "supervisor";
export type DatedEvent = EventPlan & { on: Date; recordedBy: Officer };

type Draft = Omit<KeyCase, "person" | "scenario"> & {
  person: number;
  scenario: Scenario;
  routeUnanswered?: boolean;
};

export type ReportPlan = {
  person: number;
  scenario: Scenario;
  kind: OutcomeKind;
  series?: SeriesKey;
  tag?: KeyCaseTag;
  reference: string;
  // When the person reported, and when the report was typed in (a little later).
  reportedAt: Date;
  enteredAt: Date;
  route: ReportingRoute | null;
  agency: Agency | null;
  creator: Officer | "partner" | "partner2";
  assignee: Officer;
  dates: { from: Date | null; to: Date | null; precision: DatePrecision };
  area: string;
  place: string;
  narrative: string;
  relationship: PerpetratorRelationship;
  types: readonly IncidentType[];
  wants: PersonWants;
  initialWants: PersonWants;
  crimeRecorded: Answer | null;
  crimeReference: string | null;
  crimeNotRecordedWhy: string | null;
  risk: RiskAnswers;
  enhancedRights: boolean;
  enhancedRightsReason: string | null;
  enhancedRightsByOfficer: boolean;
  supportNeeds: string | null;
  closedAt: Date | null;
  status: ReportStatus;
  suspects: SuspectPlan[];
  events: DatedEvent[];
};

function personIndex(name: string): number {
  const index = PEOPLE.findIndex((p) => p.name === name);
  if (index < 0) throw new Error(`Key case names unknown person ${name}`);
  return index;
}

function pickScenario(person: number, kind: OutcomeKind, random: Random): Scenario {
  const setting = PEOPLE[person]?.setting;
  const fits = SCENARIOS.filter(
    (s) => (setting ? s.settings.includes(setting) : true) && !(s.known && UNIDENTIFIED_KINDS.includes(kind)),
  );
  return random.weighted(fits.map((s) => [s, s.weight] as const));
}

// The generated reports fill whatever the key cases leave of the mix, spread evenly over
// two years (one per equal slice of time, so there are no odd gaps or clusters).
function fillDrafts(keys: readonly Draft[], random: Random): Draft[] {
  const left = { ...OUTCOME_MIX };
  for (const key of keys) left[key.kind]--;
  for (const [kind, count] of Object.entries(left) as [OutcomeKind, number][]) {
    if (count < 0 || (count > 0 && CHARGED_KINDS.includes(kind)))
      throw new Error(`Key cases do not fit the outcome mix at ${kind}`);
  }
  const open = OPEN_STAGES.flatMap((kind) => Array<OutcomeKind>(left[kind]).fill(kind));
  const closed = random.shuffle(
    (Object.keys(left) as OutcomeKind[])
      .filter((k) => !isOpen(k))
      .flatMap((k) => Array<OutcomeKind>(left[k]).fill(k)),
  );
  const total = open.length + closed.length;
  const span = (OLDEST_DAYS - NEWEST_DAYS) / total;
  const people = PEOPLE.map((p, i) => [i, p.reports] as const).filter(([, weight]) => weight > 0);
  let unanswered = ROUTE_UNANSWERED;
  return Array.from({ length: total }, (_, i) => {
    const kind = (i < open.length ? open[i] : closed[i - open.length]) as OutcomeKind;
    const person = random.weighted(people);
    // Two older closed reports from before the route was asked every time.
    const routeUnanswered = (kind === "O14" || kind === "O18") && unanswered > 0 && i > total / 2;
    if (routeUnanswered) unanswered--;
    return {
      daysAgo: Math.floor(NEWEST_DAYS + span * (i + random.next())),
      person,
      kind,
      scenario: pickScenario(person, kind, random),
      routeUnanswered,
    };
  });
}

const ENHANCED_BECAUSE: Partial<Record<IncidentType, string>> = {
  RAPE: "Victim of the most serious crime",
  SEXUAL_ASSAULT: "Victim of a sexual offence",
  CONDOM_REMOVAL: "Victim of a sexual offence",
  COERCION_EXPLOITATION: "Vulnerable: at risk of exploitation",
  HATE_INCIDENT: "Victim of a hate incident",
  HARASSMENT_STALKING: "Persistently targeted",
};

// Enhanced rights follow from the offence (lib/victims-code), unless an officer decided.
function enhancedRightsOf(
  draft: Draft,
): Pick<ReportPlan, "enhancedRights" | "enhancedRightsReason" | "enhancedRightsByOfficer"> {
  if (draft.enhancedByOfficer)
    return {
      enhancedRights: true,
      enhancedRightsReason: draft.enhancedByOfficer,
      enhancedRightsByOfficer: true,
    };
  const derived = deriveEnhancedRights(draft.scenario.types);
  const byType = draft.scenario.types.map((t) => ENHANCED_BECAUSE[t]).find((reason) => reason);
  const reason =
    derived.basis === "OFFENCE"
      ? (draft.scenario.enhanced ?? byType ?? null)
      : derived.basis === "NOT_KNOWN"
        ? "Not yet known what happened: treated as enhanced until an officer decides"
        : null;
  return { enhancedRights: derived.enhanced, enhancedRightsReason: reason, enhancedRightsByOfficer: false };
}

// The first officer account (the one most people sign in with) carries most of the live
// caseload, so her home page shows a full list of open cases.
function officerFor(random: Random, open: boolean): Officer {
  return random.weighted([
    ["officer", open ? 9 : 6],
    ["officer2", open ? 1 : 4],
  ]);
}

// Supervisors record some outcomes and every closing decision; closing on a final outcome
// happens as part of recording it, so it has the same author.
function whoRecords(
  event: EventPlan,
  assignee: Officer,
  previous: Officer | undefined,
  random: Random,
): Officer {
  if (event.type === CaseEventType.REPORT_CLOSED)
    return event.closeReason === CloseReason.FINAL_OUTCOME ? (previous ?? assignee) : "supervisor";
  return event.type === CaseEventType.OUTCOME_RECORDED && random.chance(0.3) ? "supervisor" : assignee;
}

function dateEvents(
  trail: EventPlan[],
  reportedAt: Date,
  lastDay: Date,
  assignee: Officer,
  random: Random,
): DatedEvent[] {
  let previous = startOfDay(reportedAt);
  const recorders: Officer[] = [];
  return trail.map((event) => {
    let on = addDays(startOfDay(reportedAt), event.offset);
    if (OFFICE_EVENTS.includes(event.type) && nextWeekday(on) <= lastDay) on = nextWeekday(on);
    if (on < previous) on = previous;
    previous = on;
    const recordedBy = whoRecords(event, assignee, recorders[recorders.length - 1], random);
    recorders.push(recordedBy);
    return { ...event, on, recordedBy };
  });
}

function buildReport(
  draft: Draft,
  now: Date,
  random: Random,
  used: Set<string>,
): Omit<ReportPlan, "reference"> {
  const sketch = PEOPLE[draft.person];
  if (!sketch) throw new Error("person out of range");
  const { scenario, kind } = draft;
  const reportedAt = atTime(addDays(now, -draft.daysAgo), random.int(9, 20), random.int(0, 59));
  const route = draft.routeUnanswered ? null : (draft.route ?? routeFor(kind, sketch, random));
  const agency = route === ReportingRoute.PARTNER_AGENCY ? agencyFor(sketch, random) : null;
  const drawn = officerFor(random, isOpen(kind));
  const assignee = draft.assignee ?? drawn;
  const partnerAccount = agency === "health" ? "partner2" : "partner";
  const creator = agency && random.chance(0.5) ? partnerAccount : assignee;
  const relationship = random.weighted(scenario.relationships);
  const { wants, initialWants } = wantsFor(kind, random);
  const lastDay = startOfDay(addDays(now, -1));
  const trail = buildTrail(
    {
      kind,
      offence: scenario.offence ?? "Assault by beating",
      wants,
      initialWants,
      withdrawal: draft.withdrawal,
      notes: draft.notes,
      sentence: draft.sentence,
      toCps: draft.toCps,
      diversionary: draft.diversionary,
      enhancedByOfficer: draft.enhancedByOfficer,
      bailExtendedYesterday: draft.bailExtendedYesterday,
    },
    daysBetween(reportedAt, lastDay),
    random,
  );
  const events = dateEvents(trail, reportedAt, lastDay, assignee, random);
  const notRecorded = kind === "INTEL" || kind === "NOTHING_FURTHER";
  const fill = (text: string) => text.replaceAll("{name}", sketch.name);
  const language = sketch.welsh
    ? " Account given in Welsh."
    : sketch.interpreter
      ? " Account given through an interpreter."
      : "";
  const suspects = draft.series
    ? seriesSuspects(draft.series, seriesOccurrence(draft), relationship)
    : [oneOffSuspect(scenario, sketch.name, relationship, random, used)];
  // Closed exactly when the trail says so: the REPORT_CLOSED event, late in the afternoon.
  const closing = events.find((e) => e.type === CaseEventType.REPORT_CLOSED);
  const closedAt = closing ? closingTime(atTime(closing.on, 16, random.int(0, 59)), now) : null;
  const enteredAt = closingTime(new Date(reportedAt.getTime() + random.int(5, 90) * 60_000), now);
  return {
    person: draft.person,
    scenario,
    kind,
    series: draft.series,
    tag: draft.tag,
    reportedAt,
    enteredAt,
    route,
    agency,
    creator,
    assignee,
    dates: incidentDates(reportedAt, route, scenario, random),
    area: random.pick(sketch.setting === "STREET" ? STREET_AREAS : OTHER_AREAS),
    place: fill(random.pick(scenario.places)),
    narrative: fill(random.pick(scenario.narratives)) + language,
    relationship,
    types: scenario.types,
    wants,
    initialWants,
    crimeRecorded: notRecorded ? Answer.NO : kind === "NEW" ? null : Answer.YES,
    crimeReference: null,
    crimeNotRecordedWhy:
      kind === "INTEL" ? random.pick(NOT_RECORDED_WHY) : kind === "NOTHING_FURTHER" ? NOT_CONFIRMED : null,
    risk: { ...riskAnswers(route, scenario, random), ...draft.riskAnswers },
    ...enhancedRightsOf(draft),
    supportNeeds: scenario.support && random.chance(0.7) ? fill(scenario.support) : null,
    closedAt,
    status: closing ? ReportStatus.CLOSED : ReportStatus.OPEN,
    suspects,
    events,
  };
}

const NOT_CONFIRMED =
  "Third-party report: the person did not confirm that a crime happened to them and asked that nothing further be done.";

function closingTime(at: Date, now: Date): Date {
  return at < now ? at : new Date(now.getTime() - 3_600_000);
}

// Which time this series has appeared (0, 1, 2…): picks how the identifier was typed.
function seriesOccurrence(draft: Draft): number {
  const inSeries = KEY_CASES.filter((k) => k.series === draft.series).sort((a, b) => b.daysAgo - a.daysAgo);
  return inSeries.findIndex((k) => k.daysAgo === draft.daysAgo);
}

// References count up per year in the order reports arrived; crime references likewise.
function number(reports: Omit<ReportPlan, "reference">[], random: Random): ReportPlan[] {
  const perYear = new Map<number, number>();
  const crimeSerials = new Set<string>();
  return reports.map((report) => {
    const year = report.reportedAt.getUTCFullYear();
    const sequence = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, sequence);
    const recorded = report.events.find((e) => e.type === CaseEventType.CRIME_RECORDED);
    let crimeReference: string | null = null;
    if (recorded) {
      let serial = crimeSerial(recorded.on, random);
      while (crimeSerials.has(`${recorded.on.getUTCFullYear()}/${serial}`)) serial++;
      crimeSerials.add(`${recorded.on.getUTCFullYear()}/${serial}`);
      crimeReference = `DP/${recorded.on.getUTCFullYear()}/${String(serial).padStart(6, "0")}`;
      recorded.crimeReference = crimeReference;
    }
    return { ...report, reference: formatReference(year, sequence), crimeReference };
  });
}

export function planReports(now: Date): {
  reports: ReportPlan[];
  counters: { year: number; next: number }[];
} {
  const random = demoRandom("reports");
  const keys: Draft[] = KEY_CASES.map((k) => ({
    ...k,
    person: personIndex(k.person),
    scenario: scenarioByKey(k.scenario),
  }));
  const drafts = [...keys, ...fillDrafts(keys, random)];
  const used = new Set(seriesValues());
  const built = drafts
    .map((draft) => buildReport(draft, now, random, used))
    .sort((a, b) => a.reportedAt.getTime() - b.reportedAt.getTime());
  const reports = number(built, random);
  const years = new Map<number, number>();
  for (const r of reports)
    years.set(r.reportedAt.getUTCFullYear(), (years.get(r.reportedAt.getUTCFullYear()) ?? 0) + 1);
  return { reports, counters: [...years].map(([year, count]) => ({ year, next: count + 1 })) };
}

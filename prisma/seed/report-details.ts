// The parts of a report that follow from how and when it was made: route, incident dates,
// risk answers. Kept apart from reports.ts so each rule is short enough to read at once.
import {
  Answer,
  ContactMethod,
  DatePrecision,
  ReportingRoute,
  WorkSetting,
} from "@/lib/generated/prisma/enums";
import { addDays } from "./dates";
import type { OutcomeKind } from "./outcomes";
import type { PersonSketch } from "./people";
import type { Random } from "./random";
import type { Scenario } from "./scenarios";

const R = ReportingRoute;

export type Agency = "womensAid" | "health";

export function routeFor(kind: OutcomeKind, person: PersonSketch, random: Random): ReportingRoute {
  if (kind === "INTEL")
    return random.weighted([
      [R.ANONYMOUS_INTELLIGENCE, 7],
      [R.DIRECT_TO_LIAISON_OFFICER, 2],
      [R.PARTNER_AGENCY, 1],
    ]);
  // People who keep police at arm's length often report through the agency they trust.
  const viaAgency = person.methods.includes(ContactMethod.VIA_PARTNER_AGENCY) ? 3 : 1;
  return random.weighted([
    [R.DIRECT_TO_LIAISON_OFFICER, 62],
    [R.PARTNER_AGENCY, 14 * viaAgency],
    [R.EMERGENCY_OR_101, 12],
    [R.ONLINE_POLICE_REPORT, 7],
    [R.OTHER, 3],
  ]);
}

export function agencyFor(person: PersonSketch, random: Random): Agency {
  if (person.rules?.includes("Health Outreach")) return "health";
  const healthShare = person.setting === WorkSetting.STREET ? 0.6 : 0.35;
  return random.chance(healthShare) ? "health" : "womensAid";
}

export type IncidentDates = { from: Date | null; to: Date | null; precision: DatePrecision };

const HOUR_MS = 3_600_000;

// Many people report days or weeks later, once they trust someone enough to tell them.
export function incidentDates(
  reportedAt: Date,
  route: ReportingRoute | null,
  scenario: Scenario,
  random: Random,
): IncidentDates {
  if (route === R.EMERGENCY_OR_101) {
    return {
      from: new Date(reportedAt.getTime() - random.int(1, 6) * HOUR_MS),
      to: null,
      precision: DatePrecision.EXACT,
    };
  }
  if (scenario.key === "harassment" || scenario.key === "controller") {
    // A course of conduct: a span of weeks up to the day before the report.
    return {
      from: addDays(reportedAt, -random.int(30, 120)),
      to: addDays(reportedAt, -1),
      precision: DatePrecision.APPROXIMATE,
    };
  }
  if (route === R.ANONYMOUS_INTELLIGENCE && random.chance(0.3)) {
    return { from: null, to: null, precision: DatePrecision.UNKNOWN };
  }
  const lag = random.weighted([
    [[0, 2], 55],
    [[3, 14], 30],
    [[15, 90], 15],
  ] as const);
  const days = random.int(lag[0], lag[1]);
  const from = new Date(reportedAt.getTime() - days * 86_400_000 - random.int(1, 10) * HOUR_MS);
  if (days < 15) return { from, to: null, precision: DatePrecision.EXACT };
  return { from, to: addDays(from, random.int(2, 7)), precision: DatePrecision.APPROXIMATE };
}

export type RiskAnswers = {
  immediateDanger: Answer;
  injuriesNeedingCare: Answer;
  threatsOfFurtherHarm: Answer;
  riskFromExploiter: Answer;
};

export function riskAnswers(route: ReportingRoute | null, scenario: Scenario, random: Random): RiskAnswers {
  const yesNo = (p: number) => (random.chance(p) ? Answer.YES : Answer.NO);
  if (route === R.ANONYMOUS_INTELLIGENCE) {
    // Passed on second-hand: little is known about the person's situation.
    return {
      immediateDanger: Answer.NOT_KNOWN,
      injuriesNeedingCare: Answer.NOT_KNOWN,
      threatsOfFurtherHarm: scenario.threats ? Answer.YES : Answer.NOT_KNOWN,
      riskFromExploiter: scenario.exploiter ? Answer.YES : Answer.NOT_KNOWN,
    };
  }
  return {
    immediateDanger: yesNo(route === R.EMERGENCY_OR_101 ? 0.4 : 0.04),
    injuriesNeedingCare: yesNo(scenario.injuries),
    threatsOfFurtherHarm: scenario.threats
      ? random.weighted([
          [Answer.YES, 7],
          [Answer.NOT_KNOWN, 3],
        ])
      : Answer.NO,
    riskFromExploiter: scenario.exploiter
      ? Answer.YES
      : random.weighted([
          [Answer.NO, 8],
          [Answer.NOT_KNOWN, 1],
          [Answer.PREFER_NOT_TO_SAY, 1],
        ]),
  };
}

export const NOT_RECORDED_WHY = [
  "Passed on anonymously for intelligence only; the person does not want a crime report made.",
  "The person asked for this to be used to warn others only, not investigated.",
] as const;

// Crime references come from the force's crime system, where this unit's crimes are a
// thin slice of thousands: numbers climb through the year with gaps between them.
export function crimeSerial(recordedOn: Date, random: Random): number {
  const start = Date.UTC(recordedOn.getUTCFullYear(), 0, 1);
  const dayOfYear = Math.floor((recordedOn.getTime() - start) / 86_400_000);
  return dayOfYear * 57 + random.int(1, 56);
}

// Risk assessments and safeguarding records for the demo. The hand-written cases carry the
// story: a high-risk case whose review is overdue (it shows on the officer's home page), a
// child at risk of sexual exploitation referred to children's services, and modern-slavery
// indicators referred to the National Referral Mechanism. A few other open reports carry a
// routine assessment with a review still to come.
import { RiskFactor as F, RiskLevel, SafeguardingConcern } from "@/lib/generated/prisma/enums";
import { defaultReviewOn } from "@/lib/risk/review";
import { londonToday } from "@/lib/time/london";
import { addDays, daysBetween, latest, startOfDay } from "./dates";
import { PEOPLE, type PersonSketch } from "./people";
import type { Random } from "./random";
import type { Officer, ReportPlan } from "./reports";

export type RiskPlan = {
  report: number;
  level: RiskLevel;
  factors: F[];
  rationale: string;
  safetyPlan: string | null;
  reviewOn: Date;
  assessedAt: Date;
  by: Officer;
};

export type SafeguardingPlan = {
  report: number;
  concern: SafeguardingConcern;
  referralMade: boolean;
  referredTo: string | null;
  notMadeReason: string | null;
  at: Date;
  by: Officer;
};

const HOUR_MS = 3_600_000;
const ROUTINE_ASSESSED = 3;

type Assessment = Pick<RiskPlan, "level" | "factors" | "rationale" | "safetyPlan"> & { afterDays: number };

// Written for each tagged case; "{name}" is the person's working name. Each review falls due
// at the app's usual interval for its level (lib/risk/review), and is met on that day except
// in the high-risk case, whose last review has been missed.
const TAGGED: Record<NonNullable<ReportPlan["tag"]>, readonly Assessment[]> = {
  highRisk: [
    {
      afterDays: 0,
      level: RiskLevel.MEDIUM,
      factors: [F.PERPETRATOR_KNOWN_WITH_ACCESS, F.REPEAT_VICTIMISATION],
      rationale:
        "The ex-partner knows where {name} lives and has been violent before; no threats made since the assault.",
      safetyPlan: "Personal alarm given; {name} to call 999 if he comes to the address.",
    },
    {
      afterDays: 28,
      level: RiskLevel.HIGH,
      factors: [F.CURRENT_THREAT, F.PERPETRATOR_KNOWN_WITH_ACCESS, F.REPEAT_VICTIMISATION, F.HOUSING],
      rationale:
        "Threats passed on through the ex-partner's friends despite his bail conditions, and {name} still lives at the address he knows.",
      safetyPlan:
        "Marker on the address for an urgent response; refuge space offered through Women's Aid; daily check-in by text until the review.",
    },
  ],
  child: [
    {
      afterDays: 0,
      level: RiskLevel.HIGH,
      factors: [F.CURRENT_THREAT, F.PERPETRATOR_KNOWN_WITH_ACCESS, F.COERCION_OR_CONTROL, F.HOUSING],
      rationale:
        "A child being sexually exploited by an adult who controls where {name} stays and who {name} sees.",
      safetyPlan:
        "Strategy meeting with children's services the same day; {name} placed with emergency foster carers out of the area; the suspect's car flagged on ANPR.",
    },
    {
      afterDays: 7,
      level: RiskLevel.HIGH,
      factors: [F.CURRENT_THREAT, F.PERPETRATOR_KNOWN_WITH_ACCESS, F.COERCION_OR_CONTROL],
      rationale:
        "Reviewed with the social worker: {name} is settled with the foster carers, but the suspect has tried to reach {name} online.",
      safetyPlan:
        "Foster carers briefed; the suspect's accounts reported and blocked; weekly strategy review.",
    },
    {
      afterDays: 14,
      level: RiskLevel.HIGH,
      factors: [F.PERPETRATOR_KNOWN_WITH_ACCESS, F.COERCION_OR_CONTROL],
      rationale:
        "Reviewed with the social worker: no contact from the suspect this week; he has not yet been arrested, so the risk stays high.",
      safetyPlan: "Placement continues; weekly strategy review with children's services.",
    },
  ],
  slavery: [
    {
      afterDays: 0,
      level: RiskLevel.MEDIUM,
      factors: [F.COERCION_OR_CONTROL, F.HOUSING, F.ISOLATION],
      rationale:
        "The man who arranges the bookings holds {name}'s passport and most of the money; {name} has no one else in the country.",
      safetyPlan:
        "Safe accommodation through the NRM support provider; contact only through Demo Health Outreach, with an interpreter.",
    },
    {
      afterDays: 28,
      level: RiskLevel.MEDIUM,
      factors: [F.COERCION_OR_CONTROL, F.ISOLATION],
      rationale:
        "Reviewed with {name} and an interpreter: settled in safe accommodation; passport not yet recovered.",
      safetyPlan: "Accommodation through the NRM support provider continues; immigration advice booked.",
    },
    {
      afterDays: 56,
      level: RiskLevel.MEDIUM,
      factors: [F.COERCION_OR_CONTROL, F.ISOLATION],
      rationale:
        "Reviewed with {name} and an interpreter: the suspect is under investigation and has made no contact.",
      safetyPlan: "As before; {name} has started an English course through the support provider.",
    },
  ],
};

const SAFEGUARDING: Partial<
  Record<NonNullable<ReportPlan["tag"]>, Omit<SafeguardingPlan, "report" | "at" | "by">>
> = {
  child: {
    concern: SafeguardingConcern.CHILD_AT_RISK,
    referralMade: true,
    referredTo: "Children's services (Multi-Agency Safeguarding Hub), by phone the same day and in writing",
    notMadeReason: null,
  },
  slavery: {
    concern: SafeguardingConcern.MODERN_SLAVERY,
    referralMade: true,
    referredTo:
      "National Referral Mechanism, by the liaison officer as first responder, with {name}'s consent",
    notMadeReason: null,
  },
};

const ROUTINE: readonly Pick<RiskPlan, "level" | "factors" | "rationale" | "safetyPlan">[] = [
  {
    level: RiskLevel.STANDARD,
    factors: [],
    rationale: "No current threat; the suspect does not know where {name} lives or works.",
    safetyPlan: null,
  },
  {
    level: RiskLevel.STANDARD,
    factors: [F.REPEAT_VICTIMISATION],
    rationale: "Has been targeted before, but no current threat and good support around {name}.",
    safetyPlan: "Safety advice on screening bookings; knows how to reach the unit.",
  },
  {
    level: RiskLevel.MEDIUM,
    factors: [F.PERPETRATOR_KNOWN_WITH_ACCESS, F.ISOLATION],
    rationale: "The suspect knows where {name} works, and {name} works alone.",
    safetyPlan: "Buddy system with another worker agreed; alerts shared through the outreach van.",
  },
];

const fill = (text: string, sketch: PersonSketch) => text.replaceAll("{name}", sketch.name);
const reviewAfter = (level: RiskLevel, at: Date) => defaultReviewOn(level, londonToday(at));

export function planRisk(
  reports: readonly ReportPlan[],
  now: Date,
  random: Random,
): { assessments: RiskPlan[]; safeguarding: SafeguardingPlan[] } {
  const assessments: RiskPlan[] = [];
  const safeguarding: SafeguardingPlan[] = [];
  const lastDay = startOfDay(addDays(now, -1));
  // Assessed an hour after the report was typed in (or on a later day), never in the future.
  const assessedAt = (report: ReportPlan, afterDays: number) => {
    const at = latest(
      new Date(report.enteredAt.getTime() + HOUR_MS),
      addDays(startOfDay(report.reportedAt), afterDays),
    );
    return at < now ? at : new Date(now.getTime() - HOUR_MS);
  };

  reports.forEach((report, index) => {
    if (!report.tag) return;
    const sketch = PEOPLE[report.person] as PersonSketch;
    for (const a of TAGGED[report.tag]) {
      assessments.push({
        report: index,
        level: a.level,
        factors: [...a.factors],
        rationale: fill(a.rationale, sketch),
        safetyPlan: a.safetyPlan && fill(a.safetyPlan, sketch),
        reviewOn: reviewAfter(a.level, assessedAt(report, a.afterDays)),
        assessedAt: assessedAt(report, a.afterDays),
        by: report.assignee,
      });
    }
    const record = SAFEGUARDING[report.tag];
    if (record)
      safeguarding.push({
        ...record,
        referredTo: record.referredTo && fill(record.referredTo, sketch),
        report: index,
        at: assessedAt(report, 0),
        by: report.assignee,
      });
  });

  const routine = random.sample(
    reports.flatMap((r, i) => (r.status === "OPEN" && !r.tag ? [i] : [])),
    ROUTINE_ASSESSED,
  );
  routine.forEach((index, n) => {
    const report = reports[index] as ReportPlan;
    const template = ROUTINE[n % ROUTINE.length] as (typeof ROUTINE)[number];
    const sketch = PEOPLE[report.person] as PersonSketch;
    const routineAt = assessedAt(
      report,
      Math.max(0, daysBetween(report.reportedAt, lastDay) - random.int(0, 20)),
    );
    assessments.push({
      ...template,
      report: index,
      factors: [...template.factors],
      rationale: fill(template.rationale, sketch),
      safetyPlan: template.safetyPlan && fill(template.safetyPlan, sketch),
      // Assessed (or last reviewed) in the past three weeks, so the next review is to come.
      reviewOn: reviewAfter(template.level, routineAt),
      assessedAt: routineAt,
      by: report.assignee,
    });
  });
  return { assessments, safeguarding };
}

// The demo's case lifecycle, checked with the app's own rules: every trail is one the
// outcome rules accept, event by event (lib/outcomes/trail-rules); every status is the one
// the trail gives; every update owed is the one right 6 opens (lib/victims-code); and the
// risk and safeguarding records tell the story the home page and dashboard show.
import { describe, it, expect } from "vitest";
import { stageOf, STAGES, type CountedReport } from "@/lib/dashboard/definitions";
import { checkTrailEvent, statusOfTrail, type TrailEvent } from "@/lib/outcomes/trail-rules";
import { defaultReviewOn } from "@/lib/risk/review";
import { londonToday } from "@/lib/time/london";
import { deriveEnhancedRights } from "@/lib/victims-code/enhanced-rights";
import { opensVictimUpdate, updateDueBy } from "@/lib/victims-code/key-decisions";
import type {
  Answer,
  CloseReason,
  CourtResult,
  HomeOfficeOutcome,
  IncidentType,
  PersonWants,
  ReportStatus,
} from "@/lib/generated/prisma/enums";
import { planDemo, type DemoRows } from "./plan";

const NOW = new Date("2026-03-10T12:00:00Z");
const DAYS = [NOW, new Date("2025-01-01T00:00:00Z"), new Date("2027-07-31T23:30:00Z")];
const rows = planDemo(NOW);

type Report = DemoRows["reports"][number];
type Event = DemoRows["events"][number];

const at = (value: unknown) => (value as Date).getTime();
const trailOf = (plan: DemoRows, report: Report) => plan.events.filter((e) => e.reportId === report.id);
// The plan's rows are Prisma inputs, whose optional fields also allow Prisma's Skip value;
// the seed never uses it, so the values are read as the plain types the rules take.
const asTrail = (e: Event): TrailEvent => ({
  type: e.type,
  occurredOn: e.occurredOn as Date,
  outcome: (e.outcome ?? null) as HomeOfficeOutcome | null,
  courtResult: (e.courtResult ?? null) as CourtResult | null,
  closeReason: (e.closeReason ?? null) as CloseReason | null,
  createdAt: e.createdAt as Date,
});
const counted = (plan: DemoRows, r: Report): CountedReport => ({
  reportedOn: londonToday(r.reportedAt as Date)
    .toISOString()
    .slice(0, 10),
  status: r.status as ReportStatus,
  crimeRecorded: (r.crimeRecorded ?? null) as Answer | null,
  personWants: r.personWants as PersonWants,
  events: trailOf(plan, r).map((e) => ({
    type: e.type,
    on: (e.occurredOn as Date).toISOString().slice(0, 10),
    outcome: (e.outcome ?? undefined) as HomeOfficeOutcome | undefined,
    courtResult: (e.courtResult ?? undefined) as CourtResult | undefined,
  })),
});

describe("every demo trail follows the Home Office Counting Rules", () => {
  it.each(DAYS)("accepts each event, in date order, given the trail before it (%s)", (now) => {
    const plan = planDemo(now);
    const refused: string[] = [];
    for (const report of plan.reports) {
      const trail = trailOf(plan, report);
      const incidentOn = report.incidentFrom ? londonToday(report.incidentFrom as Date) : null;
      trail.forEach((event, i) => {
        const previous = trail[i - 1];
        if (previous) {
          expect(at(event.occurredOn)).toBeGreaterThanOrEqual(at(previous.occurredOn));
          expect(at(event.createdAt)).toBeGreaterThan(at(previous.createdAt));
        }
        const before = trail.slice(0, i).map(asTrail);
        // Closing on a final outcome is written by the app with the outcome, not proposed:
        // it must close exactly the final event the trail is waiting on.
        if (event.type === "REPORT_CLOSED" && event.closeReason === "FINAL_OUTCOME") {
          const waiting = statusOfTrail(before).unclosedFinalEvent;
          if (!waiting || at(waiting.occurredOn) !== at(event.occurredOn))
            refused.push(`${report.reference} closed without a final event that day`);
          return;
        }
        const problems = checkTrailEvent(
          { incidentOn, events: before },
          {
            ...asTrail(event),
            personInformed: event.personInformed as boolean | null,
            notes: event.notes as string | null,
            diversionaryActivity: event.diversionaryActivity as string | null,
            dateExplanation: event.dateExplanation as string | null,
          },
        );
        for (const p of problems) refused.push(`${report.reference} ${event.type}: ${p.reason}`);
      });
    }
    expect(refused).toEqual([]);
  });

  it.each(DAYS)(
    "closes a report exactly when its trail says so, once, on the day of the closing (%s)",
    (now) => {
      const plan = planDemo(now);
      for (const report of plan.reports) {
        const trail = trailOf(plan, report);
        const status = statusOfTrail(trail.map(asTrail));
        expect(status).toMatchObject({ status: report.status, unclosedFinalEvent: null });
        const closings = trail.filter((e) => e.type === "REPORT_CLOSED");
        expect(closings).toHaveLength(report.status === "CLOSED" ? 1 : 0);
        if (report.status === "CLOSED") {
          expect(londonToday(report.closedAt as Date)).toEqual(closings[0]?.occurredOn);
          expect(at(report.closedAt)).toBeLessThan(now.getTime());
        } else expect(report.closedAt).toBeNull();
      }
    },
  );

  it("closes on a final outcome (after the court result where charged) or on a supervisor's reason", () => {
    for (const report of rows.reports.filter((r) => r.status === "CLOSED")) {
      const trail = trailOf(rows, report);
      const closing = trail.find((e) => e.type === "REPORT_CLOSED") as Event;
      const before = trail.slice(0, trail.indexOf(closing));
      const outcome = before.find((e) => e.type === "OUTCOME_RECORDED")?.outcome;
      if (closing.closeReason === "FINAL_OUTCOME") {
        expect(outcome).toBeTruthy();
        if (outcome === "OUTCOME_1" || outcome === "OUTCOME_1A")
          expect(before.at(-1)?.type).toBe("COURT_RESULT");
        else expect(before.at(-1)?.type).toBe("OUTCOME_RECORDED");
      } else {
        expect(outcome).toBeUndefined();
        expect(String(closing.notes).length).toBeGreaterThan(30);
      }
    }
    const reasons = new Set(rows.events.filter((e) => e.type === "REPORT_CLOSED").map((e) => e.closeReason));
    expect([...reasons].sort()).toEqual([
      "FINAL_OUTCOME",
      "INTELLIGENCE_ONLY",
      "PERSON_WANTS_NOTHING_FURTHER",
      "TRANSFERRED_TO_ANOTHER_FORCE",
    ]);
  });

  it("has reports that stopped and closed at every stage of the funnel before conviction", () => {
    const closedAt = STAGES.map(() => 0);
    const bySupervisor = STAGES.map(() => 0);
    for (const report of rows.reports.filter((r) => r.status === "CLOSED")) {
      const stage = stageOf(counted(rows, report));
      closedAt[stage] = (closedAt[stage] ?? 0) + 1;
      const closing = trailOf(rows, report).find((e) => e.type === "REPORT_CLOSED");
      if (closing?.closeReason !== "FINAL_OUTCOME") bySupervisor[stage] = (bySupervisor[stage] ?? 0) + 1;
    }
    // received, recorded, identified, CPS, charged: each has closed reports that went no further.
    for (const stage of [0, 1, 2, 3, 4]) expect(closedAt[stage], STAGES[stage]).toBeGreaterThan(0);
    for (const stage of [0, 1, 2]) expect(bySupervisor[stage], STAGES[stage]).toBeGreaterThan(0);
  });
});

describe("Victims' Code updates in the demo", () => {
  it.each(DAYS)(
    "owes one update per key decision, on its report, due as the app would set it (%s)",
    (now) => {
      const plan = planDemo(now);
      const enhanced = new Map(plan.reports.map((r) => [r.id, r.enhancedRights as boolean]));
      for (const report of plan.reports) {
        const trail = trailOf(plan, report);
        trail.forEach((event, i) => {
          const owed = plan.updates.filter((u) => u.caseEventId === event.id);
          const opens = opensVictimUpdate(trail.slice(0, i).map(asTrail), {
            ...asTrail(event),
            personInformed: event.personInformed as boolean | null,
          });
          expect(owed, `${report.reference} ${event.type} ${event.outcome ?? ""}`).toHaveLength(
            opens ? 1 : 0,
          );
          for (const u of owed) {
            expect(u.reportId).toBe(report.id);
            expect(u.dueBy).toEqual(
              updateDueBy(event.occurredOn as Date, enhanced.get(report.id) as boolean),
            );
          }
        });
      }
    },
  );

  it("has no second update for outcome 1 after a charge, and none for outcome 20", () => {
    const noUpdate = rows.events.filter(
      (e) => e.outcome === "OUTCOME_1" || e.outcome === "OUTCOME_20" || e.type === "REPORT_CLOSED",
    );
    expect(noUpdate.length).toBeGreaterThan(10);
    const owedFor = new Set(rows.updates.map((u) => u.caseEventId));
    for (const e of noUpdate) expect(owedFor.has(e.id as string)).toBe(false);
    const charges = rows.events.filter((e) => e.type === "CHARGED");
    for (const e of charges) expect(owedFor.has(e.id as string)).toBe(true);
  });

  it("clears an update only by a case update on the same report, after the decision", () => {
    const contacts = new Map(rows.contacts.map((c) => [c.id, c]));
    const events = new Map(rows.events.map((e) => [e.id, e]));
    const cleared = rows.updates.filter((u) => u.clearedByContactId);
    expect(cleared.length).toBeGreaterThan(20);
    for (const u of cleared) {
      const contact = contacts.get(u.clearedByContactId as string);
      expect(contact?.type).toBe("CASE_UPDATE");
      expect(contact?.reportId).toBe(u.reportId);
      expect(u.clearedAt).toEqual(contact?.occurredAt);
      const decided = events.get(u.caseEventId)?.occurredOn as Date;
      expect(londonToday(contact?.occurredAt as Date).getTime()).toBeGreaterThanOrEqual(decided.getTime());
    }
  });

  it("keeps most updates on time, some late, and a few still owed, at least one of them overdue", () => {
    const onTime = rows.updates.filter((u) => u.clearedAt && at(u.clearedAt) <= at(u.dueBy));
    const late = rows.updates.filter((u) => u.clearedAt && at(u.clearedAt) > at(u.dueBy));
    const owed = rows.updates.filter((u) => !u.clearedAt);
    const overdue = owed.filter((u) => at(u.dueBy) < NOW.getTime());
    expect(onTime.length).toBeGreaterThan(late.length * 3);
    expect(late.length).toBeGreaterThan(0);
    expect(overdue.length).toBeGreaterThan(0);
    expect(owed.length - overdue.length, "owed and not yet due").toBeGreaterThan(0);
    expect(owed.length).toBeLessThan(rows.updates.length / 4);
  });

  it("derives enhanced rights from the incident types unless an officer decided, with a reason", () => {
    const decided = rows.reports.filter((r) => r.enhancedRightsByOfficer);
    expect(decided).toHaveLength(1);
    for (const report of rows.reports) {
      const derived = deriveEnhancedRights(report.incidentTypes as IncidentType[]);
      if (!report.enhancedRightsByOfficer)
        expect(report.enhancedRights, report.reference).toBe(derived.enhanced);
      if (report.enhancedRights) expect(report.enhancedRightsReason, report.reference).toBeTruthy();
    }
    const decision = rows.events.find((e) => e.type === "ENHANCED_RIGHTS_CHANGED");
    expect(decision).toMatchObject({ reportId: decided[0]?.id, enhancedRights: true });
    expect(rows.reports.filter((r) => r.enhancedRights).length).toBeGreaterThan(15);
    expect(rows.reports.filter((r) => !r.enhancedRights).length).toBeGreaterThan(15);
  });
});

describe("risk, safeguarding and the record in the demo", () => {
  it.each(DAYS)(
    "keeps each report's risk level and review date equal to its newest assessment (%s)",
    (now) => {
      const plan = planDemo(now);
      for (const report of plan.reports) {
        const newest = plan.riskAssessments
          .filter((a) => a.reportId === report.id)
          .sort((a, b) => at(b.createdAt) - at(a.createdAt))[0];
        expect(report.riskLevel ?? null).toBe(newest?.level ?? null);
        expect(report.riskReviewOn ?? null).toEqual(newest?.reviewOn ?? null);
        if (newest) expect(at(newest.createdAt)).toBeLessThan(now.getTime());
      }
      // Each review falls due at the app's usual interval for its level.
      for (const a of plan.riskAssessments) {
        expect(a.reviewOn).toEqual(defaultReviewOn(a.level, londonToday(a.createdAt as Date)));
      }
    },
  );

  it("has one open high-risk case whose review is overdue, and a few other assessed reports", () => {
    const today = londonToday(NOW).getTime();
    const overdue = rows.reports.filter(
      (r) => r.status === "OPEN" && r.riskReviewOn && at(r.riskReviewOn) < today,
    );
    expect(overdue).toHaveLength(1);
    expect(overdue[0]?.riskLevel).toBe("HIGH");
    const assessed = new Set(rows.riskAssessments.map((a) => a.reportId));
    expect(assessed.size).toBeGreaterThanOrEqual(5);
    for (const a of rows.riskAssessments) expect(a.rationale.length).toBeGreaterThan(20);
  });

  it("records a child at risk referred to children's services, and a modern-slavery referral", () => {
    const children = rows.people.filter((p) => p.ageBand === "UNDER_18");
    expect(children).toHaveLength(1);
    const child = children[0] as DemoRows["people"][number];
    expect(child.workSetting).toBeNull();
    const reports = rows.reports.filter((r) => r.personId === child.id);
    expect(reports).toHaveLength(1);
    const records = rows.safeguarding.filter((s) => s.reportId === reports[0]?.id);
    expect(records).toMatchObject([{ concern: "CHILD_AT_RISK", referralMade: true }]);
    expect(records[0]?.referredTo).toMatch(/children's services/i);
    const slavery = rows.safeguarding.filter((s) => s.concern === "MODERN_SLAVERY");
    expect(slavery).toMatchObject([{ referralMade: true }]);
    expect(slavery[0]?.referredTo).toMatch(/National Referral Mechanism/);
  });

  it("never describes the child in terms of sex work, anywhere", () => {
    const child = rows.people.find((p) => p.ageBand === "UNDER_18") as DemoRows["people"][number];
    const reportIds = new Set(rows.reports.filter((r) => r.personId === child.id).map((r) => r.id));
    const texts = [
      child,
      ...rows.reports.filter((r) => reportIds.has(r.id)),
      ...rows.suspects.filter((s) => reportIds.has(s.reportId)),
      ...rows.events.filter((e) => reportIds.has(e.reportId)),
      ...rows.riskAssessments.filter((a) => reportIds.has(a.reportId)),
      ...rows.safeguarding.filter((s) => reportIds.has(s.reportId)),
      ...rows.contacts.filter((c) => c.personId === child.id),
      ...rows.referrals.filter((r) => r.personId === child.id),
    ].flatMap((row) => Object.values(row).filter((v): v is string => typeof v === "string"));
    expect(texts.length).toBeGreaterThan(10);
    for (const text of texts)
      expect(text).not.toMatch(/sex work|prostitut|escort|client|punter|booking|selling sex|working girl/i);
  });

  it("keeps a few reporting routes unanswered, and enters each report after the person made it", () => {
    expect(rows.reports.filter((r) => r.reportingRoute === null)).toHaveLength(2);
    for (const r of rows.reports) {
      expect(at(r.createdAt)).toBeGreaterThan(at(r.reportedAt));
      expect(at(r.createdAt)).toBeLessThan(NOW.getTime());
    }
  });
});

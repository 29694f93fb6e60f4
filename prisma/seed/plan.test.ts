import { describe, it, expect } from "vitest";
import { CaseEventType, CourtResult, HomeOfficeOutcome, ReportStatus } from "@/lib/generated/prisma/enums";
import { parseReference } from "@/lib/reports/reference";
import { planDemo, type DemoRows } from "./plan";

const NOW = new Date("2026-03-10T12:00:00Z");
const rows = planDemo(NOW);

const reportsWith = (r: DemoRows, match: (e: DemoRows["events"][number]) => boolean) =>
  new Set(r.events.filter(match).map((e) => e.reportId));
const at = (value: unknown) => (value as Date).getTime();

describe("demo data mirrors the Gwent study", () => {
  it("holds 86 reports, of which 6 were charged and 3 convicted", () => {
    expect(rows.reports).toHaveLength(86);
    expect(reportsWith(rows, (e) => e.type === CaseEventType.CHARGED).size).toBe(6);
    expect(reportsWith(rows, (e) => e.outcome === HomeOfficeOutcome.OUTCOME_1).size).toBe(6);
    expect(reportsWith(rows, (e) => e.courtResult === CourtResult.CONVICTED).size).toBe(3);
  });

  it("ends the other charged cases in an acquittal, a discontinuance and one awaiting trial", () => {
    const results = rows.events
      .filter((e) => e.type === CaseEventType.COURT_RESULT)
      .map((e) => e.courtResult);
    expect(results.sort()).toEqual(["ACQUITTED", "CONVICTED", "CONVICTED", "CONVICTED", "DISCONTINUED"]);
    const charged = reportsWith(rows, (e) => e.type === CaseEventType.CHARGED);
    const awaiting = rows.reports.filter(
      (r) => charged.has(r.id as string) && r.status === ReportStatus.OPEN,
    );
    expect(awaiting).toHaveLength(1);
  });

  it("records why the person stepped back whenever the outcome is 14 or 16", () => {
    const stepBacks = rows.events.filter(
      (e) => e.outcome === HomeOfficeOutcome.OUTCOME_14 || e.outcome === HomeOfficeOutcome.OUTCOME_16,
    );
    expect(stepBacks.length).toBeGreaterThan(20);
    for (const e of stepBacks) expect(e.withdrawalReasons).not.toHaveLength(0);
  });

  it("gives every outcome 21 a rationale, every outcome 20 the record that the person was told, and 22 its activity", () => {
    const decisions = rows.events.filter((e) => e.outcome === HomeOfficeOutcome.OUTCOME_21);
    expect(decisions.length).toBeGreaterThanOrEqual(2);
    for (const e of decisions) expect(String(e.notes).length).toBeGreaterThan(20);
    const otherBody = rows.events.filter((e) => e.outcome === HomeOfficeOutcome.OUTCOME_20);
    expect(otherBody.length).toBeGreaterThanOrEqual(2);
    for (const e of otherBody) expect(e.personInformed).toBe(true);
    const diversion = rows.events.filter((e) => e.outcome === HomeOfficeOutcome.OUTCOME_22);
    expect(diversion).toHaveLength(1);
    expect(String(diversion[0]?.diversionaryActivity).length).toBeGreaterThan(20);
  });

  it("keeps intelligence-only reports out of crime recording, closed by a supervisor as intelligence only", () => {
    const intelligence = rows.reports.filter(
      (r) => r.personWants === "INTELLIGENCE_ONLY" && r.crimeRecorded === "NO",
    );
    expect(intelligence.length).toBeGreaterThanOrEqual(8);
    for (const r of intelligence) {
      const trail = rows.events.filter((e) => e.reportId === r.id);
      expect(trail.map((e) => [e.type, e.closeReason])).toEqual([["REPORT_CLOSED", "INTELLIGENCE_ONLY"]]);
      expect(r.crimeNotRecordedWhy).toBeTruthy();
    }
  });
});

describe("demo data is internally consistent on any day", () => {
  const days = [NOW, new Date("2025-01-01T00:00:00Z"), new Date("2027-07-31T23:30:00Z")];

  it.each(days)("dates every event on or after its report and before now (%s)", (now) => {
    const plan = planDemo(now);
    const reported = new Map(plan.reports.map((r) => [r.id, at(r.reportedAt)]));
    for (const e of plan.events) {
      const reportDay = Math.floor((reported.get(e.reportId) ?? 0) / 86_400_000) * 86_400_000;
      expect(at(e.occurredOn)).toBeGreaterThanOrEqual(reportDay);
      expect(at(e.occurredOn)).toBeLessThan(now.getTime());
    }
    for (const c of plan.contacts) expect(at(c.occurredAt)).toBeLessThan(now.getTime());
  });

  it.each(days)("leaves about fifteen reports open and closes the rest with a date (%s)", (now) => {
    const plan = planDemo(now);
    const open = plan.reports.filter((r) => r.status === ReportStatus.OPEN);
    expect(open.length).toBe(15);
    for (const r of plan.reports.filter((x) => x.status === ReportStatus.CLOSED)) {
      expect(at(r.closedAt)).toBeGreaterThanOrEqual(at(r.reportedAt));
      expect(at(r.closedAt)).toBeLessThanOrEqual(now.getTime());
    }
  });

  it.each(days)(
    "gives the first officer most open cases, none charged, and leaves the overdue review to a colleague (%s)",
    (now) => {
      // The journeys in tests/e2e open this officer's cases counted from the oldest (up to the
      // tenth), and expect the unit's overdue risk review to stay overdue while they run.
      const plan = planDemo(now);
      const officer = plan.users.find((u) => u.email === "officer@demo.liaison.test")?.id;
      const hers = plan.reports.filter(
        (r) => r.status === ReportStatus.OPEN && r.assignedOfficerId === officer,
      );
      expect(hers.length).toBeGreaterThanOrEqual(12);
      const charged = reportsWith(plan, (e) => e.type === CaseEventType.CHARGED);
      for (const r of hers) expect(charged.has(r.id as string)).toBe(false);
      const overdueReview = plan.reports.filter(
        (r) => r.riskLevel === "HIGH" && r.status === ReportStatus.OPEN,
      );
      expect(overdueReview.some((r) => r.assignedOfficerId !== officer)).toBe(true);
    },
  );

  it.each(days)(
    "numbers references per year in the order reports arrived, with counters to continue (%s)",
    (now) => {
      const plan = planDemo(now);
      const seen = new Map<number, number>();
      for (const r of [...plan.reports].sort((a, b) => at(a.reportedAt) - at(b.reportedAt))) {
        const parsed = parseReference(r.reference);
        expect(parsed?.year).toBe((r.reportedAt as Date).getUTCFullYear());
        const expected = (seen.get(parsed?.year ?? 0) ?? 0) + 1;
        expect(parsed?.sequence).toBe(expected);
        seen.set(parsed?.year ?? 0, expected);
      }
      expect(plan.counters.map((c) => [c.year, c.next])).toEqual(
        [...seen].map(([year, count]) => [year, count + 1]),
      );
    },
  );
});

describe("demo data shows what the app is for", () => {
  it("links repeat perpetrators whose identifiers were typed differently", () => {
    const byValue = new Map<string, Set<string>>();
    for (const i of rows.identifiers)
      byValue.set(i.normalised, new Set([...(byValue.get(i.normalised) ?? []), i.value]));
    const linked = [...byValue].filter(([, typed]) => typed.size > 1);
    expect(linked.map(([value]) => value).sort()).toEqual([
      "+447700900655",
      "+447700900812",
      "ZC19KTW",
      "ZK68NRB",
      "velvet_gent",
    ]);
  });

  it("keeps a few referrals whose consent was withdrawn or has expired", () => {
    const lapsed = rows.consents.filter(
      (c) => c.withdrawnAt || (c.expiresAt && at(c.expiresAt) < NOW.getTime()),
    );
    expect(lapsed.length).toBeGreaterThanOrEqual(2);
    expect(lapsed.length).toBeLessThan(rows.referrals.length / 4);
    const agencies = new Set(rows.referrals.map((r) => r.agencyId));
    expect(agencies.size).toBe(2);
  });

  it("contacts each person only by a method they said is safe", () => {
    const safe = new Map(rows.people.map((p) => [p.id, p.safeContactMethods as string[]]));
    for (const c of rows.contacts) expect(safe.get(c.personId)).toContain(c.method);
  });

  it("marks every organisation, account, person, report, contact and referral as demo data", () => {
    for (const list of [
      rows.organisations,
      rows.users,
      rows.people,
      rows.reports,
      rows.contacts,
      rows.referrals,
    ]) {
      for (const row of list) expect(row.isDemo).toBe(true);
    }
  });

  it("is the same every time for the same day", () => {
    expect(JSON.stringify(planDemo(NOW))).toBe(JSON.stringify(rows));
  });
});

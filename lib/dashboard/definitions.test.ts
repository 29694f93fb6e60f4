import { describe, expect, it } from "vitest";
import {
  countCohort,
  factsOf,
  funnelOf,
  GWENT_BASELINE,
  headlineOf,
  openByAge,
  percentileOf,
  quarterOf,
  rate,
  stageOf,
  timelinessOf,
} from "./definitions";
import {
  cohortOf,
  handReport,
  onDay,
  STUDY_MIX,
  STUDY_OPEN_AT_STAGE,
  STUDY_REACHED,
  STUDY_SUPPORTED_AT_STAGE,
} from "@/tests/support/dashboard-cohorts";
import type { HomeOfficeOutcome } from "@/lib/generated/prisma/enums";

const percent = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);

describe("the study's own cohort", () => {
  const { counts, openAtStage } = countCohort(cohortOf(STUDY_MIX));

  it("gives 86 reports, 7.0% charged and 3.5% convicted", () => {
    const headline = headlineOf(counts);
    expect(headline).toMatchObject({ received: 86, charged: 6, convicted: 3 });
    expect(percent(headline.chargeRate)).toBe(7);
    expect(percent(headline.convictionRate)).toBe(3.5);
    expect(GWENT_BASELINE).toMatchObject({ received: 86, chargeRate: 0.07, convictionRate: 0.035 });
  });

  it("follows every report through the stages, each stage counting those that went further", () => {
    expect([
      counts.reports,
      counts.recorded,
      counts.identified,
      counts.cps,
      counts.charged,
      counts.convicted,
    ]).toEqual([...STUDY_REACHED]);
    expect(openAtStage).toEqual([...STUDY_OPEN_AT_STAGE]);
    expect(counts.open).toBe(15);
    expect(counts.supported).toBe(39);
  });

  it("shows where reports stop, and which of those are still open rather than lost", () => {
    const { supportedAtStage } = countCohort(cohortOf(STUDY_MIX));
    const funnel = funnelOf(counts, openAtStage, supportedAtStage);
    expect(funnel.map((r) => [r.stage, r.count, r.supported, r.stoppedOpen, r.stoppedClosed])).toEqual([
      ["received", 86, 39, 2, 10],
      ["recorded", 74, 39, 4, 27],
      ["identified", 43, 26, 6, 29],
      ["cps", 8, 8, 2, 0],
      ["charged", 6, 6, 1, 2],
      ["convicted", 3, 3, 0, 3],
    ]);
    expect(funnel.map((r) => r.supported)).toEqual([...STUDY_SUPPORTED_AT_STAGE]);
    expect(funnel[4]?.ofPrevious).toBe(0.75);
    expect(percent(funnel[1]?.share ?? null)).toBe(86);
    // Every report stopped somewhere: the two columns add up to the cohort and to the open.
    expect(funnel.reduce((sum, r) => sum + r.stoppedOpen + r.stoppedClosed, 0)).toBe(86);
    expect(funnel.reduce((sum, r) => sum + r.stoppedOpen, 0)).toBe(counts.open);
  });
});

describe("reports still open", () => {
  it("are open at the stage they have reached, not lost", () => {
    const { counts, openAtStage } = countCohort(
      cohortOf({ justReported: 1, recorded: 2, suspectKnown: 1, withCps: 1 }),
    );
    const funnel = funnelOf(counts, openAtStage);
    expect(funnel.reduce((sum, r) => sum + r.stoppedClosed, 0)).toBe(0);
    expect(funnel.map((r) => r.stoppedOpen)).toEqual([1, 2, 1, 1, 0, 0]);
    expect(counts.open).toBe(5);
  });

  it("that have been charged count as charged while awaiting trial", () => {
    const facts = factsOf(handReport("awaitingTrial"));
    expect(facts).toMatchObject({ stage: 4, isOpen: true, outcome: "OUTCOME_1", daysToCharge: 60 });
  });
});

describe("a report with several suspects", () => {
  const report = handReport("convicted", "2025-01-01", {
    events: [
      ...handReport("convicted", "2025-01-01").events,
      { type: "CHARGED", on: "2025-03-15", suspect: "second" },
    ],
  });

  it("is one charged report, with its suspects counted separately", () => {
    const { counts } = countCohort([report, handReport("noSuspect")]);
    expect(counts.charged).toBe(1);
    expect(headlineOf(counts).chargeRate).toBe(0.5);
    expect(factsOf(report).suspectsCharged).toBe(2);
  });

  it("is charged from the first charge", () => {
    expect(factsOf(report).daysToCharge).toBe(60);
  });
});

describe("a charge later discontinued", () => {
  const facts = factsOf(handReport("discontinued"));

  it("still counts as charged, and not as convicted", () => {
    expect(facts.stage).toBe(4);
    const { counts, openAtStage } = countCohort([handReport("discontinued")]);
    expect(headlineOf(counts)).toMatchObject({ charged: 1, convicted: 0, chargeRate: 1, convictionRate: 0 });
    expect(funnelOf(counts, openAtStage)[4]).toMatchObject({ count: 1, stoppedOpen: 0, stoppedClosed: 1 });
  });
});

describe("an empty period", () => {
  it("has no rates rather than a division by zero", () => {
    const { counts, openAtStage } = countCohort([]);
    expect(headlineOf(counts)).toEqual({
      received: 0,
      charged: 0,
      convicted: 0,
      chargeRate: null,
      convictionRate: null,
    });
    expect(funnelOf(counts, openAtStage).every((r) => r.share === null)).toBe(true);
    expect(rate(1, 0)).toBeNull();
    expect(rate(Number.NaN, 5)).toBeNull();
    expect(timelinessOf([])).toEqual({ reports: 0, median: null, p90: null });
  });
});

describe("the stage rules", () => {
  it("a person who steps back after a suspect is identified stops at 'identified', not supporting action", () => {
    expect(stageOf(handReport("stepsBackIdentified"))).toBe(2);
    // Even if what they want was not updated, outcome 16 says they no longer support action.
    const stale = handReport("stepsBackIdentified", undefined, { personWants: "FULL_INVESTIGATION" });
    expect(factsOf(stale)).toMatchObject({ stage: 2, supportsAction: false });
  });

  it("every outcome that implies a suspect counts as 'suspect identified', and 14 and 18 do not", () => {
    const implied: HomeOfficeOutcome[] = [
      "OUTCOME_1",
      "OUTCOME_1A",
      ...[2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16, 17, 22].map(
        (n) => `OUTCOME_${n}` as HomeOfficeOutcome,
      ),
    ];
    const withOutcome = (outcome: HomeOfficeOutcome) =>
      handReport("recorded", "2025-01-01", {
        events: [
          { type: "CRIME_RECORDED", on: "2025-01-01" },
          { type: "OUTCOME_RECORDED", on: "2025-02-01", outcome },
        ],
      });
    for (const outcome of implied) expect(stageOf(withOutcome(outcome)), outcome).toBeGreaterThanOrEqual(2);
    for (const outcome of ["OUTCOME_14", "OUTCOME_18", "OUTCOME_19", "OUTCOME_20", "OUTCOME_21"] as const)
      expect(stageOf(withOutcome(outcome)), outcome).toBe(1);
  });

  it("a charge is not taken to mean the person supports action (an evidence-led prosecution)", () => {
    const evidenceLed = handReport("awaitingTrial", undefined, { personWants: "ANONYMOUS_CONTACT" });
    expect(factsOf(evidenceLed)).toMatchObject({ stage: 4, supportsAction: false });
    const { counts, supportedAtStage } = countCohort([evidenceLed, handReport("awaitingTrial")]);
    expect(counts).toMatchObject({ charged: 2, supported: 1 });
    expect(supportedAtStage[4]).toBe(1);
  });

  it("intelligence-only reports stay at 'received', and a crime recorded without an event still counts", () => {
    expect(stageOf(handReport("intelligenceOnly"))).toBe(0);
    expect(stageOf(handReport("justReported", undefined, { crimeRecorded: "YES" }))).toBe(1);
  });

  it("keeps the reasons for outcomes 14 and 16 only, from the outcome that stands", () => {
    expect(factsOf(handReport("stepsBackIdentified")).withdrawalReasons).toEqual([
      "PRESSURE_FROM_SUSPECT",
      "FEAR_OF_BEING_OUTED",
    ]);
    const reopened = handReport("stepsBackUnidentified", "2025-01-01");
    const later = {
      ...reopened,
      events: [
        ...reopened.events,
        { type: "OUTCOME_RECORDED" as const, on: "2025-06-01", outcome: "OUTCOME_18" as const },
      ],
    };
    expect(factsOf(later)).toMatchObject({ outcome: "OUTCOME_18", withdrawalReasons: [], daysToOutcome: 20 });
  });

  it("counts an anonymous report that became a full investigation as converted", () => {
    const facts = factsOf(handReport("suspectKnown", undefined, { initialPersonWants: "INTELLIGENCE_ONLY" }));
    expect(facts).toMatchObject({ startedQuiet: true, converted: true });
    expect(factsOf(handReport("intelligenceOnly"))).toMatchObject({ startedQuiet: true, converted: false });
  });

  it("counts a third-party report (through or from a partner agency) that is now a full investigation as converted", () => {
    const viaPartner = handReport("suspectKnown", undefined, { reportingRoute: "PARTNER_AGENCY" });
    expect(factsOf(viaPartner)).toMatchObject({ startedQuiet: true, converted: true });
    const submitted = handReport("suspectKnown", undefined, { submittedByAgency: true });
    expect(factsOf(submitted)).toMatchObject({ startedQuiet: true, converted: true });
    const stillQuiet = handReport("intelligenceOnly", undefined, { reportingRoute: "PARTNER_AGENCY" });
    expect(factsOf(stillQuiet)).toMatchObject({ startedQuiet: true, converted: false });
    // Straight to the liaison officer, wanting an investigation from the start: no conversion.
    expect(factsOf(handReport("suspectKnown"))).toMatchObject({ startedQuiet: false, converted: false });
  });
});

describe("timeliness", () => {
  it("takes the nearest-rank median and 90th percentile of whole days", () => {
    const histogram = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map((days) => ({ days, reports: 1 }));
    expect(timelinessOf(histogram)).toEqual({ reports: 10, median: 50, p90: 90 });
    expect(percentileOf([{ days: 7, reports: 3 }], 0.9)).toBe(7);
    expect(
      percentileOf(
        [
          { days: 3, reports: 1 },
          { days: 300, reports: 1 },
        ],
        0.5,
      ),
    ).toBe(3);
  });

  it("counts days from the UK date of the report", () => {
    expect(factsOf(handReport("noSuspect", "2025-03-30")).daysToOutcome).toBe(30);
    expect(onDay("2025-03-30", 30)).toBe("2025-04-29");
  });
});

describe("open reports by age", () => {
  it("bands reports by the whole months since the month they were received", () => {
    const bands = openByAge(
      [
        { month: "2026-05", open: 1 },
        { month: "2026-03", open: 2 },
        { month: "2026-02", open: 4 },
        { month: "2025-06", open: 8 },
        { month: "2024-06", open: 16 },
        { month: "2024-05", open: 32 },
      ],
      "2026-05",
    );
    expect(bands.map((b) => b.reports)).toEqual([3, 4, 8, 16, 32]);
  });

  it("quarters are calendar quarters", () => {
    expect(["2026-01", "2026-03", "2026-04", "2026-12"].map(quarterOf)).toEqual([
      "2026-Q1",
      "2026-Q1",
      "2026-Q2",
      "2026-Q4",
    ]);
  });
});

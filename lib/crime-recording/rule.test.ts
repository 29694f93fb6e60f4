import { describe, expect, it } from "vitest";
import { crimeRecordingState, discloseCrime, type CrimeRecordingFacts } from "./rule";

const reportedAt = new Date("2026-03-01T10:00:00Z");
const facts = (overrides: Partial<CrimeRecordingFacts> = {}): CrimeRecordingFacts => ({
  reportedAt,
  incidentTypes: ["PHYSICAL_ASSAULT"],
  crimeReference: null,
  crimeRecorded: null,
  crimeNotRecordedWhy: null,
  personWants: "FULL_INVESTIGATION",
  ...overrides,
});
const at = (iso: string) => new Date(iso);

describe("crime recording within 24 hours", () => {
  it("every incident type but 'other' discloses a crime", () => {
    expect(discloseCrime(["OTHER"])).toBe(false);
    expect(discloseCrime([])).toBe(false);
    expect(discloseCrime(["OTHER", "THEFT"])).toBe(true);
    for (const type of ["RAPE", "ONLINE_ABUSE_DOXXING", "HATE_INCIDENT", "CONDOM_REMOVAL"] as const)
      expect(discloseCrime([type])).toBe(true);
  });

  it("is due until the 24th hour and overdue from it, to the millisecond", () => {
    const dueBy = at("2026-03-02T10:00:00Z");
    expect(crimeRecordingState(facts(), at("2026-03-02T09:59:59.999Z"))).toEqual({ kind: "due", dueBy });
    expect(crimeRecordingState(facts(), dueBy)).toEqual({ kind: "overdue", dueBy });
    expect(crimeRecordingState(facts(), at("2026-03-05T10:00:00Z"))).toEqual({ kind: "overdue", dueBy });
  });

  it("a crime reference ends the check, however late", () => {
    const late = at("2026-04-01T00:00:00Z");
    expect(crimeRecordingState(facts({ crimeReference: "GW/1" }), late)).toEqual({ kind: "recorded" });
    // Blank text is not a reference.
    expect(crimeRecordingState(facts({ crimeReference: "  " }), late).kind).toBe("overdue");
  });

  it("a report of only 'other' is not checked", () => {
    expect(crimeRecordingState(facts({ incidentTypes: ["OTHER"] }), at("2026-04-01T00:00:00Z"))).toEqual({
      kind: "not-disclosed",
    });
  });

  it("intelligence only, with the reason recorded, is exempt", () => {
    const intelligence = facts({
      personWants: "INTELLIGENCE_ONLY",
      crimeRecorded: "NO",
      crimeNotRecordedWhy: "Wants the registration shared with outreach, nothing more",
    });
    expect(crimeRecordingState(intelligence, at("2026-04-01T00:00:00Z"))).toEqual({
      kind: "intelligence-only",
      reason: "Wants the registration shared with outreach, nothing more",
    });
  });

  it("intelligence only is not exempt without its recorded reason, nor a reason without the choice", () => {
    const late = at("2026-04-01T00:00:00Z");
    const noReason = facts({
      personWants: "INTELLIGENCE_ONLY",
      crimeRecorded: "NO",
      crimeNotRecordedWhy: " ",
    });
    expect(crimeRecordingState(noReason, late).kind).toBe("overdue");
    const notAnswered = facts({ personWants: "INTELLIGENCE_ONLY", crimeNotRecordedWhy: "Their choice" });
    expect(crimeRecordingState(notAnswered, late).kind).toBe("overdue");
    const wantsInvestigation = facts({ crimeRecorded: "NO", crimeNotRecordedWhy: "Not yet reviewed" });
    expect(crimeRecordingState(wantsInvestigation, late).kind).toBe("overdue");
  });
});

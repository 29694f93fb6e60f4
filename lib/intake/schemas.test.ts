import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { STEP_SCHEMAS } from "./schemas";
import { fieldErrorsOf } from "@/lib/forms";

const errorsOf = (slug: keyof typeof STEP_SCHEMAS, values: Record<string, unknown>) => {
  const parsed = STEP_SCHEMAS[slug].safeParse(values);
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
};

describe("intake dates are London days", () => {
  // 23:30 UTC on 15 June 2026 is 00:30 on 16 June in British Summer Time.
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-06-15T23:30:00Z"));
  });
  afterEach(() => vi.useRealTimers());

  it("an incident dated London's today is accepted between midnight and 1am BST", () => {
    expect(errorsOf("what-happened", { whenKnown: "EXACT", incidentDate: "2026-06-16" })).toEqual({});
  });

  it("an incident dated tomorrow in London is refused as in the future", () => {
    expect(errorsOf("what-happened", { whenKnown: "EXACT", incidentDate: "2026-06-17" })).toEqual({
      incidentDate: "intake.errors.dateInFuture",
    });
  });

  it("a date of birth of London's today is accepted, and a consent end date of yesterday refused", () => {
    expect(errorsOf("person", { workingName: "A", dateOfBirth: "2026-06-16", ageBand: "" })).toMatchObject({
      // Born today: a child, so the safeguarding panel must be answered.
      childReferralMade: "intake.errors.referralMade",
    });
    expect(
      errorsOf("wishes", {
        shareConsent: "YES",
        shareAgencyId: "0195f7e2-8d4b-7c3a-9b1e-2f6a8c4d5e6f",
        shareScope: "x",
        consentMethod: "VERBAL",
        shareUntil: "2026-06-15",
      }),
    ).toEqual({ shareUntil: "intake.errors.dateInPast" });
  });

  it("the date they reported it may be London's today but not later", () => {
    expect(errorsOf("what-happened", { reportedAt: "2026-6-16" })).toEqual({});
    expect(errorsOf("what-happened", { reportedAt: "2026-6-17" })).toEqual({
      reportedAt: "intake.errors.reportedInFuture",
    });
  });
});

describe("when they reported it", () => {
  it("must be a real day", () => {
    expect(errorsOf("what-happened", { reportedAt: "2026-2-30" })).toEqual({
      reportedAt: "intake.errors.date",
    });
    expect(errorsOf("what-happened", { reportedAt: "2026--3" })).toEqual({
      reportedAt: "intake.errors.date",
    });
  });

  it("cannot be before the incident, exact or approximate", () => {
    expect(
      errorsOf("what-happened", { whenKnown: "EXACT", incidentDate: "2026-03-10", reportedAt: "2026-3-9" }),
    ).toEqual({ reportedAt: "intake.errors.reportedBeforeIncident" });
    expect(
      errorsOf("what-happened", {
        whenKnown: "APPROXIMATE",
        periodFrom: "2026-03-10",
        reportedAt: "2026-3-9",
      }),
    ).toEqual({ reportedAt: "intake.errors.reportedBeforeIncident" });
    expect(
      errorsOf("what-happened", { whenKnown: "EXACT", incidentDate: "2026-03-10", reportedAt: "2026-3-10" }),
    ).toEqual({});
  });

  it("may be left empty, meaning today", () => {
    expect(STEP_SCHEMAS["what-happened"].parse({}).reportedAt).toBe("");
  });
});

describe("the safeguarding questions", () => {
  it("under 18 needs to say whether a referral was made, and to whom or why not", () => {
    const child = { workingName: "A", ageBand: "UNDER_18" };
    expect(errorsOf("person", child)).toEqual({ childReferralMade: "intake.errors.referralMade" });
    expect(errorsOf("person", { ...child, childReferralMade: "YES" })).toEqual({
      childReferredTo: "intake.errors.referredTo",
    });
    expect(errorsOf("person", { ...child, childReferralMade: "NO", childNotMadeReason: "  " })).toEqual({
      childNotMadeReason: "intake.errors.notMadeReason",
    });
    expect(errorsOf("person", { ...child, childReferralMade: "YES", childReferredTo: "MASH" })).toEqual({});
  });

  it("adults are not asked about a child referral", () => {
    expect(errorsOf("person", { workingName: "A", ageBand: "AGE_25_34" })).toEqual({});
    expect(errorsOf("person", { workingName: "A", dateOfBirth: "1990-01-01" })).toEqual({});
  });

  it("signs of an adult at risk or of modern slavery each need their referral answered", () => {
    expect(errorsOf("safety", { safeguardingSigns: ["ADULT_AT_RISK", "MODERN_SLAVERY"] })).toEqual({
      adultReferralMade: "intake.errors.referralMade",
      slaveryReferralMade: "intake.errors.referralMade",
    });
    expect(
      errorsOf("safety", {
        safeguardingSigns: ["MODERN_SLAVERY"],
        slaveryReferralMade: "NO",
        slaveryNotMadeReason: "Adult did not consent to an NRM referral; Duty to Notify sent",
      }),
    ).toEqual({});
    expect(errorsOf("safety", { safeguardingSigns: ["SOMETHING_ELSE"] })).toEqual({
      safeguardingSigns: "intake.errors.choice",
    });
  });

  it("safety comes first: the danger questions belong to the person step", () => {
    expect(errorsOf("person", { workingName: "A", immediateDanger: "YES" })).toEqual({});
    expect(STEP_SCHEMAS.safety.safeParse({ immediateDanger: "YES" }).success).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { activeConcerns, ageReferenceDay, isChild, isUnder18On, referralErrors } from "./safeguarding";

describe("who is a child", () => {
  it("is under 18 until the 18th birthday", () => {
    expect(isUnder18On("2008-06-16", "2026-06-15")).toBe(true);
    expect(isUnder18On("2008-06-16", "2026-06-16")).toBe(false);
    expect(isUnder18On("not a date", "2026-06-16")).toBe(false);
  });

  it("a child at the incident is a child for the report, even if an adult today", () => {
    const data = {
      person: { dateOfBirth: "2008-03-01" },
      "what-happened": { whenKnown: "EXACT", incidentDate: "2026-02-20", reportedAt: "2026-3-5" },
    };
    expect(ageReferenceDay(data, "2026-06-15")).toBe("2026-02-20");
    expect(isChild(data, "2026-06-15")).toBe(true);
    expect(isChild({ ...data, "what-happened": { reportedAt: "2026-3-5" } }, "2026-06-15")).toBe(false);
  });

  it("choosing Under 18 is enough", () => {
    expect(activeConcerns({ person: { ageBand: "UNDER_18" } }, "2026-06-15")).toEqual(["CHILD_AT_RISK"]);
  });
});

describe("concerns raised", () => {
  it("follow the signs chosen", () => {
    expect(activeConcerns({}, "2026-06-15")).toEqual([]);
    expect(
      activeConcerns({ safety: { safeguardingSigns: ["MODERN_SLAVERY", "ADULT_AT_RISK"] } }, "2026-06-15"),
    ).toEqual(["ADULT_AT_RISK", "MODERN_SLAVERY"]);
  });

  it("each needs a referral answer, and then to whom or why not", () => {
    expect(referralErrors({}, "MODERN_SLAVERY")).toEqual({
      slaveryReferralMade: "intake.errors.referralMade",
    });
    expect(referralErrors({ adultReferralMade: "NO" }, "ADULT_AT_RISK")).toEqual({
      adultNotMadeReason: "intake.errors.notMadeReason",
    });
    expect(referralErrors({ childReferralMade: "YES", childReferredTo: "MASH" }, "CHILD_AT_RISK")).toEqual(
      {},
    );
  });
});

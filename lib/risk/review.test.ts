import { describe, expect, it } from "vitest";
import { londonToday } from "@/lib/time/london";
import { checkReviewOn, defaultReviewOn, isReviewOverdue } from "./review";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("risk review dates", () => {
  it("defaults to 7 days for high, 28 for medium and 90 for standard risk", () => {
    const today = day("2026-03-09");
    expect(defaultReviewOn("HIGH", today)).toEqual(day("2026-03-16"));
    expect(defaultReviewOn("MEDIUM", today)).toEqual(day("2026-04-06"));
    expect(defaultReviewOn("STANDARD", today)).toEqual(day("2026-06-07"));
  });

  it("counts calendar days across the clock change without drifting an hour", () => {
    // The clocks go forward on 29 March 2026; the review is still a plain calendar day.
    expect(defaultReviewOn("HIGH", day("2026-03-25")).toISOString()).toBe("2026-04-01T00:00:00.000Z");
  });

  it("a review due today is not overdue; one due yesterday is", () => {
    const today = day("2026-07-01");
    expect(isReviewOverdue(day("2026-07-01"), today)).toBe(false);
    expect(isReviewOverdue(day("2026-06-30"), today)).toBe(true);
    expect(isReviewOverdue(day("2026-07-02"), today)).toBe(false);
  });

  it("takes today in London: just after midnight in summer time, yesterday's review is overdue", () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in London.
    const today = londonToday(new Date("2026-06-30T23:30:00Z"));
    expect(today).toEqual(day("2026-07-01"));
    expect(isReviewOverdue(day("2026-06-30"), today)).toBe(true);
    // In UTC it would still be 30 June, and the review would wrongly look due today.
    expect(isReviewOverdue(day("2026-06-30"), day("2026-06-30"))).toBe(false);
  });

  it("refuses a review date before London's today or more than a year ahead", () => {
    const today = day("2026-03-09");
    expect(checkReviewOn(day("2026-03-08"), today)).toBe("reviewInPast");
    expect(checkReviewOn(day("2026-03-09"), today)).toBeNull();
    expect(checkReviewOn(day("2027-03-10"), today)).toBeNull();
    expect(checkReviewOn(day("2027-03-11"), today)).toBe("reviewTooLate");
  });
});

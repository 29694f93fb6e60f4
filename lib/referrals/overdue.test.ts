import { describe, expect, it } from "vitest";
import { answerDueBy, isReferralOverdue } from "./overdue";

// Monday 2 March 2026, mid-morning in London.
const sent = new Date("2026-03-02T10:00:00Z");

describe("unanswered referrals", () => {
  it("are due an answer 5 working days after the day they were sent", () => {
    expect(answerDueBy(sent)).toEqual(new Date(Date.UTC(2026, 2, 9)));
  });

  it("are overdue from the next day, and only while still unanswered", () => {
    expect(isReferralOverdue({ status: "SENT", createdAt: sent }, new Date("2026-03-09T22:00:00Z"))).toBe(
      false,
    );
    expect(isReferralOverdue({ status: "SENT", createdAt: sent }, new Date("2026-03-10T08:00:00Z"))).toBe(
      true,
    );
    for (const status of ["ACCEPTED", "DECLINED", "CLOSED", "WITHDRAWN"] as const)
      expect(isReferralOverdue({ status, createdAt: sent }, new Date("2026-04-10T08:00:00Z"))).toBe(false);
  });

  it("skip bank holidays: sent the Thursday before Easter 2026, due Monday 13 April", () => {
    // Good Friday 3 April and Easter Monday 6 April 2026 are bank holidays in England and Wales.
    expect(answerDueBy(new Date("2026-04-02T09:00:00Z"))).toEqual(new Date(Date.UTC(2026, 3, 13)));
  });
});

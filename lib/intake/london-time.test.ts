import { describe, expect, it } from "vitest";
import { londonToUtc } from "./london-time";

describe("London clock times", () => {
  it("in winter London time is UTC", () => {
    expect(londonToUtc("2026-01-15", "22:30").toISOString()).toBe("2026-01-15T22:30:00.000Z");
  });

  it("in summer London is an hour ahead of UTC", () => {
    expect(londonToUtc("2026-07-01", "00:30").toISOString()).toBe("2026-06-30T23:30:00.000Z");
  });

  it("a date with no time is midnight in London", () => {
    expect(londonToUtc("2026-08-10").toISOString()).toBe("2026-08-09T23:00:00.000Z");
  });

  it("the morning the clocks go forward", () => {
    expect(londonToUtc("2026-03-29", "03:00").toISOString()).toBe("2026-03-29T02:00:00.000Z");
    expect(londonToUtc("2026-03-29", "00:30").toISOString()).toBe("2026-03-29T00:30:00.000Z");
  });
});

import { describe, expect, it } from "vitest";
import { isRealDate, londonToday, londonToUtc, londonWallClock } from "./london";
import { londonDateTimeToUtc as londonToUtcFromForm } from "./london";

describe("London time", () => {
  it("reads winter times as UTC and summer times as an hour ahead of UTC", () => {
    expect(londonToUtc({ year: 2026, month: 1, day: 15, hour: 14, minute: 30 }).toISOString()).toBe(
      "2026-01-15T14:30:00.000Z",
    );
    expect(londonToUtc({ year: 2026, month: 7, day: 15, hour: 14, minute: 30 }).toISOString()).toBe(
      "2026-07-15T13:30:00.000Z",
    );
  });

  it("handles the nights the clocks change", () => {
    // 29 March 2026: 01:00 GMT becomes 02:00 BST.
    expect(londonToUtc({ year: 2026, month: 3, day: 29, hour: 0, minute: 30 }).toISOString()).toBe(
      "2026-03-29T00:30:00.000Z",
    );
    expect(londonToUtc({ year: 2026, month: 3, day: 29, hour: 3, minute: 0 }).toISOString()).toBe(
      "2026-03-29T02:00:00.000Z",
    );
    // 25 October 2026: 02:00 BST becomes 01:00 GMT.
    expect(londonToUtc({ year: 2026, month: 10, day: 25, hour: 3, minute: 0 }).toISOString()).toBe(
      "2026-10-25T03:00:00.000Z",
    );
  });

  it("round-trips through the wall clock", () => {
    const instant = new Date("2026-06-01T22:15:00Z");
    expect(londonWallClock(instant)).toEqual({ year: 2026, month: 6, day: 1, hour: 23, minute: 15 });
    expect(londonToUtc(londonWallClock(instant))).toEqual(instant);
  });

  it("knows which dates exist", () => {
    expect(isRealDate(2028, 2, 29)).toBe(true);
    expect(isRealDate(2027, 2, 29)).toBe(false);
    expect(isRealDate(2026, 4, 31)).toBe(false);
    expect(isRealDate(2026, 13, 1)).toBe(false);
    expect(isRealDate(2026, 1.5, 1)).toBe(false);
  });

  it("gives today's London date, which is tomorrow's UTC date just after midnight in summer", () => {
    expect(londonToday(new Date("2026-07-01T23:30:00Z")).toISOString()).toBe("2026-07-02T00:00:00.000Z");
    expect(londonToday(new Date("2026-01-01T23:30:00Z")).toISOString()).toBe("2026-01-01T00:00:00.000Z");
  });
});

describe("form dates and times on a London clock", () => {
  it("in winter London time is UTC", () => {
    expect(londonToUtcFromForm("2026-01-15", "22:30").toISOString()).toBe("2026-01-15T22:30:00.000Z");
  });

  it("in summer London is an hour ahead of UTC", () => {
    expect(londonToUtcFromForm("2026-07-01", "00:30").toISOString()).toBe("2026-06-30T23:30:00.000Z");
  });

  it("a date with no time is midnight in London", () => {
    expect(londonToUtcFromForm("2026-08-10").toISOString()).toBe("2026-08-09T23:00:00.000Z");
  });

  it("the morning the clocks go forward", () => {
    expect(londonToUtcFromForm("2026-03-29", "03:00").toISOString()).toBe("2026-03-29T02:00:00.000Z");
    expect(londonToUtcFromForm("2026-03-29", "00:30").toISOString()).toBe("2026-03-29T00:30:00.000Z");
  });
});

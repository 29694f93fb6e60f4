import { describe, expect, it } from "vitest";
import { dayParts, dayValue, londonTodayIso, parseDay, reportedInstant } from "./dates";

describe("intake days", () => {
  it("reads a GOV.UK date as typed", () => {
    expect(parseDay("2026-6-5")).toBe("2026-06-05");
    expect(parseDay(" 2026-06-05 ")).toBe("2026-06-05");
    expect(parseDay("2026-2-29")).toBeNull();
    expect(parseDay("26-6-5")).toBeNull();
    expect(dayParts("2026--5")).toEqual({ year: "2026", month: "", day: "5" });
    expect(dayValue("2026-06-05")).toBe("2026-6-5");
  });

  it("today is London's today", () => {
    expect(londonTodayIso(new Date("2026-06-15T23:30:00Z"))).toBe("2026-06-16");
    expect(londonTodayIso(new Date("2026-12-15T23:30:00Z"))).toBe("2026-12-15");
  });

  it("a report made today is stored at the submission moment, an earlier one at its day's end", () => {
    const now = new Date("2026-06-15T23:30:00Z");
    expect(reportedInstant("2026-06-16", now)).toEqual(now);
    // The last moment of 14 June in London (BST) is 22:59:59.999 UTC.
    expect(reportedInstant("2026-06-14", now).toISOString()).toBe("2026-06-14T22:59:59.999Z");
  });
});

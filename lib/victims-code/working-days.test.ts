import { describe, expect, it } from "vitest";
import { addWorkingDays, isWorkingDay } from "./working-days";
import { endOfLondonDay, londonToday } from "@/lib/time/london";
import { PUBLISHED_YEARS, bankHolidaysIn, easterSunday, isoDay, ruleBankHolidays } from "./bank-holidays";
import { updateDueBy, isKeyDecision } from "./key-decisions";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("bank holidays in England and Wales", () => {
  it("holds eight published days for each year from 2024 to 2027", () => {
    expect(PUBLISHED_YEARS).toEqual([2024, 2025, 2026, 2027]);
    for (const year of PUBLISHED_YEARS) expect(bankHolidaysIn(year).size).toBe(8);
  });

  it("never lists a weekend: holidays falling on one are moved to a weekday", () => {
    for (const year of PUBLISHED_YEARS) {
      for (const iso of bankHolidaysIn(year)) expect([0, 6], iso).not.toContain(day(iso).getUTCDay());
    }
  });

  it("agrees with the standing rules in every published year", () => {
    for (const year of PUBLISHED_YEARS)
      expect([...bankHolidaysIn(year)].sort()).toEqual(ruleBankHolidays(year));
  });

  it("puts Good Friday and Easter Monday around Easter Sunday", () => {
    expect(isoDay(easterSunday(2024))).toBe("2024-03-31");
    expect(isoDay(easterSunday(2026))).toBe("2026-04-05");
    expect(isoDay(easterSunday(2027))).toBe("2027-03-28");
    expect(bankHolidaysIn(2027).has("2027-03-26")).toBe(true);
    expect(bankHolidaysIn(2027).has("2027-03-29")).toBe(true);
  });

  it("moves Christmas and Boxing Day when they fall at a weekend", () => {
    // 2027: Christmas is a Saturday and Boxing Day a Sunday.
    expect(bankHolidaysIn(2027).has("2027-12-27")).toBe(true);
    expect(bankHolidaysIn(2027).has("2027-12-28")).toBe(true);
    // 2026: Boxing Day is a Saturday.
    expect(bankHolidaysIn(2026).has("2026-12-28")).toBe(true);
  });

  it("falls back to the standing rules beyond the table", () => {
    expect(bankHolidaysIn(2029).size).toBe(8);
    expect(bankHolidaysIn(2029).has("2029-01-01")).toBe(true);
  });
});

describe("working days", () => {
  it("skips weekends and bank holidays", () => {
    expect(isWorkingDay(day("2026-03-02"))).toBe(true);
    expect(isWorkingDay(day("2026-03-07"))).toBe(false);
    expect(isWorkingDay(day("2026-04-03"))).toBe(false);
  });

  it("five working days from a Monday is the next Monday", () => {
    expect(isoDay(addWorkingDays(day("2026-03-02"), 5))).toBe("2026-03-09");
  });

  it("one working day from a Friday is Monday, or Tuesday after a bank holiday Monday", () => {
    expect(isoDay(addWorkingDays(day("2026-03-06"), 1))).toBe("2026-03-09");
    expect(isoDay(addWorkingDays(day("2026-05-01"), 1))).toBe("2026-05-05");
  });

  it("counts across Easter and Christmas", () => {
    // Thursday before Good Friday 2026: Fri and Mon are holidays.
    expect(isoDay(addWorkingDays(day("2026-04-02"), 5))).toBe("2026-04-13");
    // Christmas Eve 2027 (Friday): 27 and 28 December are holidays.
    expect(isoDay(addWorkingDays(day("2027-12-24"), 1))).toBe("2027-12-29");
  });

  it("a decision at the weekend is counted from the next working day", () => {
    expect(isoDay(addWorkingDays(day("2026-03-07"), 1))).toBe("2026-03-09");
  });

  it("refuses a part or negative number of days", () => {
    expect(() => addWorkingDays(day("2026-03-02"), -1)).toThrow();
    expect(() => addWorkingDays(day("2026-03-02"), 1.5)).toThrow();
  });
});

describe("London days", () => {
  it("ends a winter day at midnight UTC and a summer day an hour earlier", () => {
    expect(endOfLondonDay(day("2026-01-15")).toISOString()).toBe("2026-01-15T23:59:59.999Z");
    expect(endOfLondonDay(day("2026-07-15")).toISOString()).toBe("2026-07-15T22:59:59.999Z");
  });

  it("handles the days the clocks change", () => {
    expect(endOfLondonDay(day("2026-03-29")).toISOString()).toBe("2026-03-29T22:59:59.999Z");
    expect(endOfLondonDay(day("2026-10-25")).toISOString()).toBe("2026-10-25T23:59:59.999Z");
  });

  it("knows it is already tomorrow in London late on a summer evening UTC", () => {
    expect(isoDay(londonToday(new Date("2026-07-15T23:30:00Z")))).toBe("2026-07-16");
    expect(isoDay(londonToday(new Date("2026-01-15T23:30:00Z")))).toBe("2026-01-15");
  });
});

describe("Victims' Code updates", () => {
  it("are owed after the six key decisions and no other event", () => {
    expect(isKeyDecision("ARRESTED")).toBe(true);
    expect(isKeyDecision("OUTCOME_RECORDED")).toBe(true);
    expect(isKeyDecision("CRIME_RECORDED")).toBe(false);
    expect(isKeyDecision("COURT_RESULT")).toBe(false);
  });

  it("fall due in 5 working days, or 1 for enhanced rights, at the end of the London day", () => {
    expect(updateDueBy(day("2026-03-02"), false).toISOString()).toBe("2026-03-09T23:59:59.999Z");
    expect(updateDueBy(day("2026-03-06"), true).toISOString()).toBe("2026-03-09T23:59:59.999Z");
    expect(updateDueBy(day("2026-06-05"), true).toISOString()).toBe("2026-06-08T22:59:59.999Z");
  });
});

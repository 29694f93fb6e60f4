import { describe, expect, it } from "vitest";
import {
  PUBLISHED_YEARS,
  bankHolidaysIn,
  easterSunday,
  isProjectedDay,
  isProjectedYear,
  isoDay,
  ruleBankHolidays,
} from "./bank-holidays";
import { addWorkingDays, deadlineUsesProjectedHolidays } from "./working-days";
import { updateDueBy } from "./key-decisions";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("Easter Sunday by the Gregorian computus", () => {
  it.each([
    [2000, "2000-04-23"],
    [2008, "2008-03-23"],
    [2011, "2011-04-24"],
    [2019, "2019-04-21"],
    [2025, "2025-04-20"],
    [2029, "2029-04-01"],
    [2030, "2030-04-21"],
    [2035, "2035-03-25"],
    // The latest possible date, and the earliest this millennium.
    [2038, "2038-04-25"],
    [2285, "2285-03-22"],
  ])("Easter %i is %s", (year, iso) => {
    expect(isoDay(easterSunday(year))).toBe(iso);
  });
});

describe("bank holidays projected by the standing rules", () => {
  it("keeps the published table exactly as gov.uk publishes it", () => {
    expect([...bankHolidaysIn(2026)]).toEqual([
      "2026-01-01",
      "2026-04-03",
      "2026-04-06",
      "2026-05-04",
      "2026-05-25",
      "2026-08-31",
      "2026-12-25",
      "2026-12-28",
    ]);
    for (const year of PUBLISHED_YEARS) expect(isProjectedYear(year)).toBe(false);
  });

  it("marks every year after the published table as projected, and none before its end", () => {
    const last = Math.max(...PUBLISHED_YEARS);
    expect(isProjectedYear(last + 1)).toBe(true);
    expect(isProjectedYear(last + 20)).toBe(true);
    expect(isProjectedDay(day(`${last}-12-31`))).toBe(false);
    expect(isProjectedDay(day(`${last + 1}-01-01`))).toBe(true);
  });

  it("gives a projected year its eight days, from Easter and the Mondays of May and August", () => {
    expect(ruleBankHolidays(2029)).toEqual([
      "2029-01-01",
      "2029-03-30",
      "2029-04-02",
      "2029-05-07",
      "2029-05-28",
      "2029-08-27",
      "2029-12-25",
      "2029-12-26",
    ]);
  });

  it("moves New Year's Day off a weekend to the Monday", () => {
    // 1 January 2028 is a Saturday, 2033 a Saturday, 2034 a Sunday.
    expect(bankHolidaysIn(2028).has("2028-01-03")).toBe(true);
    expect(bankHolidaysIn(2033).has("2033-01-03")).toBe(true);
    expect(bankHolidaysIn(2034).has("2034-01-02")).toBe(true);
  });

  it("gives Christmas and Boxing Day substitute days when either falls at a weekend", () => {
    // 2032: Christmas on a Saturday, Boxing Day on a Sunday: Monday 27 and Tuesday 28.
    expect([...bankHolidaysIn(2032)].filter((d) => d.startsWith("2032-12"))).toEqual([
      "2032-12-27",
      "2032-12-28",
    ]);
    // 2033: Christmas on a Sunday: Boxing Day on Monday 26, Christmas's substitute Tuesday 27.
    expect([...bankHolidaysIn(2033)].filter((d) => d.startsWith("2033-12"))).toEqual([
      "2033-12-26",
      "2033-12-27",
    ]);
    // 2037: Boxing Day on a Saturday: substitute Monday 28.
    expect([...bankHolidaysIn(2037)].filter((d) => d.startsWith("2037-12"))).toEqual([
      "2037-12-25",
      "2037-12-28",
    ]);
  });

  it("counts working days through a projected year's holidays", () => {
    // Maundy Thursday 2029: Good Friday 30 March and Easter Monday 2 April are projected.
    expect(isoDay(addWorkingDays(day("2029-03-29"), 1))).toBe("2029-04-03");
  });

  it("says when a deadline depends on the projected calendar", () => {
    const last = Math.max(...PUBLISHED_YEARS);
    expect(deadlineUsesProjectedHolidays(updateDueBy(day(`${last}-12-30`), true))).toBe(false);
    expect(deadlineUsesProjectedHolidays(updateDueBy(day(`${last}-12-30`), false))).toBe(true);
    expect(deadlineUsesProjectedHolidays(updateDueBy(day("2026-03-02"), false))).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import {
  addMonths,
  currentMonth,
  filtersToSearchParams,
  parseFilters,
  PERIODS,
  publishedYear,
  resolvePeriod,
  withFilter,
} from "./filters";

const OFFICER = "0193a2b4-7c1d-7e2f-8a3b-4c5d6e7f8091";

describe("filters in the URL", () => {
  it("no filters means all reports, with nothing to complain about", () => {
    expect(parseFilters({})).toEqual({ filters: { period: "all" }, problems: [] });
  });

  it("reads every filter a supervisor can set", () => {
    const { filters, problems } = parseFilters({
      period: "custom",
      from: "2025-04",
      to: "2026-03",
      type: "ROBBERY",
      route: "PARTNER_AGENCY",
      area: "AbCdEfGh12345678",
      officer: OFFICER,
    });
    expect(problems).toEqual([]);
    expect(filters).toEqual({
      period: "custom",
      from: "2025-04",
      to: "2026-03",
      type: "ROBBERY",
      route: "PARTNER_AGENCY",
      area: "AbCdEfGh12345678",
      officer: OFFICER,
    });
  });

  it("an area is named by its key, never by its own words, so no free text reaches an address", () => {
    expect(parseFilters({ area: "Harbour Quarter" })).toEqual({
      filters: { period: "all" },
      problems: ["area"],
    });
    expect(parseFilters({ area: "AbCdEfGh12345678" }).filters.area).toBe("AbCdEfGh12345678");
  });

  it("a value it does not understand falls back to the default and is named", () => {
    const { filters, problems } = parseFilters({
      period: "forever",
      type: "DRAGONS",
      route: ["DIRECT_TO_LIAISON_OFFICER", "OTHER"],
      officer: "1; DROP TABLE",
      area: "x".repeat(101),
    });
    expect(filters).toEqual({ period: "all" });
    expect(problems.sort()).toEqual(["area", "officer", "period", "route", "type"]);
  });

  it("a custom period needs a start no later than its end", () => {
    expect(parseFilters({ period: "custom", from: "2026-03", to: "2025-04" }).problems).toEqual(["period"]);
    expect(parseFilters({ period: "custom", from: "2026-13", to: "2026-12" }).problems).toEqual(["period"]);
    expect(parseFilters({ from: "2025-01", to: "2025-06" }).filters).toMatchObject({ period: "custom" });
  });

  it("writes back only what differs from the defaults, so links stay short", () => {
    expect(filtersToSearchParams({ period: "all" }).toString()).toBe("");
    expect(withFilter({ period: "last-12-months" }, { route: "OTHER" })).toBe(
      "?period=last-12-months&route=OTHER",
    );
    const { filters } = parseFilters({
      period: "custom",
      from: "2025-04",
      to: "2026-03",
      area: "AbCdEfGh12345678",
    });
    expect(parseFilters(Object.fromEntries(filtersToSearchParams(filters)))).toEqual({
      filters,
      problems: [],
    });
  });
});

describe("periods", () => {
  const may = new Date("2026-05-14T10:00:00Z");

  it("the presets name whole months in UK time", () => {
    expect(resolvePeriod({ period: "all" }, may)).toEqual({ from: null, to: "2026-05" });
    expect(resolvePeriod({ period: "last-quarter" }, may)).toEqual({ from: "2026-01", to: "2026-03" });
    expect(resolvePeriod({ period: "last-12-months" }, may)).toEqual({ from: "2025-06", to: "2026-05" });
    expect(resolvePeriod({ period: "this-financial-year" }, may)).toEqual({ from: "2026-04", to: "2026-05" });
    expect(resolvePeriod({ period: "last-financial-year" }, may)).toEqual({ from: "2025-04", to: "2026-03" });
  });

  it("the financial year starts in April, and January's last quarter is the autumn", () => {
    const february = new Date("2026-02-02T00:00:00Z");
    expect(resolvePeriod({ period: "this-financial-year" }, february)).toEqual({
      from: "2025-04",
      to: "2026-02",
    });
    expect(resolvePeriod({ period: "last-quarter" }, february)).toEqual({ from: "2025-10", to: "2025-12" });
  });

  it("a moment just after midnight on 1 June in London is in June", () => {
    expect(currentMonth(new Date("2026-05-31T23:30:00Z"))).toBe("2026-06");
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(addMonths("2025-12", 13)).toBe("2027-01");
  });
});

describe("the periods that may be published", () => {
  const NOW = new Date("2026-05-14T10:00:00Z");
  const months = (from: string, to: string) => {
    const out: string[] = [];
    for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
    return out;
  };

  it("is the last complete financial year, or an earlier one chosen by hand, and nothing else", () => {
    expect(publishedYear({ period: "last-financial-year" }, NOW)).toEqual({ from: "2025-04", to: "2026-03" });
    expect(publishedYear({ period: "custom", from: "2023-04", to: "2024-03" }, NOW)).toEqual({
      from: "2023-04",
      to: "2024-03",
    });
    for (const period of PERIODS.filter((p) => p !== "last-financial-year" && p !== "custom"))
      expect(publishedYear({ period }, NOW), period).toBeNull();
    // A quarter, a calendar year, two years, a year that has not ended.
    for (const [from, to] of [
      ["2025-04", "2025-06"],
      ["2025-01", "2025-12"],
      ["2023-04", "2025-03"],
      ["2026-04", "2027-03"],
    ] as const)
      expect(publishedYear({ period: "custom", from, to }, NOW), `${from}..${to}`).toBeNull();
  });

  it("a year is published once its March has ended, UK time", () => {
    const lastDayOfMarch = new Date("2026-03-31T22:30:00Z"); // 23:30 in London
    expect(publishedYear({ period: "custom", from: "2025-04", to: "2026-03" }, lastDayOfMarch)).toBeNull();
    const firstOfApril = new Date("2026-03-31T23:30:00Z"); // 00:30 in London (BST)
    expect(publishedYear({ period: "custom", from: "2025-04", to: "2026-03" }, firstOfApril)).not.toBeNull();
  });

  it("no two publishable periods overlap unless they are the same months", () => {
    // Every custom range over four years, and every preset: whatever a reader downloads,
    // two downloads are the same year or share no month.
    const all = months("2022-01", "2026-12");
    const published: string[][] = [];
    for (const from of all)
      for (const to of all.filter((m) => m >= from)) {
        const year = publishedYear({ period: "custom", from, to }, NOW);
        if (year) published.push(months(year.from as string, year.to));
      }
    for (const period of PERIODS) {
      const year = publishedYear({ period }, NOW);
      if (year) published.push(months(year.from as string, year.to));
    }
    expect(published.length).toBeGreaterThan(3);
    for (const a of published)
      for (const b of published) {
        const shared = a.filter((m) => b.includes(m));
        expect(shared.length === 0 || (shared.length === a.length && a.length === b.length)).toBe(true);
      }
  });
});

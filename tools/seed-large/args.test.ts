import { describe, expect, it } from "vitest";
import { parseSeedLargeArgs } from "./args";

describe("the large seed's arguments", () => {
  it("takes a number of reports, with or without separators, and --force", () => {
    expect(parseSeedLargeArgs(["--reports", "1000000"])).toEqual({
      reports: 1_000_000,
      units: 1,
      force: false,
    });
    expect(parseSeedLargeArgs(["--reports=100_000", "--force"])).toEqual({
      reports: 100_000,
      units: 1,
      force: true,
    });
    expect(parseSeedLargeArgs(["--reports", "1,000"])).toEqual({ reports: 1000, units: 1, force: false });
  });

  it("takes a number of units, each given that many reports, within the overall limit", () => {
    expect(parseSeedLargeArgs(["--units", "40", "--reports", "25000"])).toEqual({
      reports: 25_000,
      units: 40,
      force: false,
    });
    expect(parseSeedLargeArgs(["--units=2", "--reports=10"])).toEqual({
      reports: 10,
      units: 2,
      force: false,
    });
    for (const bad of ["0", "1.5", "201", "many"])
      expect(parseSeedLargeArgs(["--reports", "10", "--units", bad])).toHaveProperty("error");
    expect(parseSeedLargeArgs(["--reports", "1000000", "--units", "11"])).toHaveProperty("error");
  });

  it("refuses a missing, fractional, negative or huge number, and anything unknown", () => {
    expect(parseSeedLargeArgs([])).toHaveProperty("error");
    for (const bad of ["0", "-5", "2.5", "lots", "10000001"])
      expect(parseSeedLargeArgs(["--reports", bad])).toHaveProperty("error");
    expect(parseSeedLargeArgs(["--reports", "10", "--demo"])).toEqual({ error: 'Unknown argument "--demo"' });
  });
});

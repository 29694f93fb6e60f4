import { describe, expect, it } from "vitest";
import { parseSeedLargeArgs } from "./args";

describe("the large seed's arguments", () => {
  it("takes a number of reports, with or without separators, and --force", () => {
    expect(parseSeedLargeArgs(["--reports", "1000000"])).toEqual({ reports: 1_000_000, force: false });
    expect(parseSeedLargeArgs(["--reports=100_000", "--force"])).toEqual({ reports: 100_000, force: true });
    expect(parseSeedLargeArgs(["--reports", "1,000"])).toEqual({ reports: 1000, force: false });
  });

  it("refuses a missing, fractional, negative or huge number, and anything unknown", () => {
    expect(parseSeedLargeArgs([])).toHaveProperty("error");
    for (const bad of ["0", "-5", "2.5", "lots", "10000001"])
      expect(parseSeedLargeArgs(["--reports", bad])).toHaveProperty("error");
    expect(parseSeedLargeArgs(["--reports", "10", "--demo"])).toEqual({ error: 'Unknown argument "--demo"' });
  });
});

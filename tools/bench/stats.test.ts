import { describe, expect, it } from "vitest";
import { measure, percentile, summarise } from "./stats";

describe("benchmark statistics", () => {
  it("takes nearest-rank percentiles", () => {
    const samples = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(samples, 0.5)).toBe(10);
    expect(percentile(samples, 0.95)).toBe(19);
    expect(summarise([30, 10, 20])).toEqual({ runs: 3, median: 20, p95: 30 });
    expect(percentile([], 0.5)).toBeNaN();
  });

  it("warms up before it measures, and stops at the number of runs asked for", async () => {
    let calls = 0;
    const result = await measure(async () => void calls++, { warmup: 2, runs: 7, budgetMs: 60_000 });
    expect(calls).toBe(9);
    expect(result.runs).toBe(7);
  });
});

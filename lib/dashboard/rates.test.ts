import { describe, expect, it } from "vitest";
import { headlineFrom, rate, GWENT_BASELINE } from "./rates";

describe("headline rates", () => {
  it("the study's own cohort gives 7.0% charged and 3.5% convicted", () => {
    const h = headlineFrom({ received: 86, charged: 6, convicted: 3 });
    expect(h.chargeRate).toBeCloseTo(0.0698, 4);
    expect(h.convictionRate).toBeCloseTo(0.0349, 4);
    expect(Math.round((h.chargeRate ?? 0) * 1000) / 10).toBe(7);
    expect(Math.round((h.convictionRate ?? 0) * 1000) / 10).toBe(3.5);
    expect(GWENT_BASELINE.received).toBe(86);
  });

  it("an empty period has no rate rather than a division by zero", () => {
    expect(headlineFrom({ received: 0, charged: 0, convicted: 0 })).toEqual({
      received: 0,
      charged: 0,
      convicted: 0,
      chargeRate: null,
      convictionRate: null,
    });
    expect(rate(1, 0)).toBeNull();
    expect(rate(Number.NaN, 5)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { CLOSED_KINDS, OPEN_KINDS, slices } from "./distributions";
import { TRAILS } from "./trails";

describe("the synthetic data's distributions", () => {
  it("turn weights into the lower bounds of each value's share of [0, 1)", () => {
    expect(
      slices([
        ["a", 1],
        ["b", 3],
      ]),
    ).toEqual({ values: ["a", "b"], lowerBounds: [0, 0.25] });
    expect(() => slices([["a", 0]])).toThrow();
    expect(() =>
      slices([
        ["a", -1],
        ["b", 2],
      ]),
    ).toThrow();
  });

  it("charge and convict closed reports at the study's rates", () => {
    const total = CLOSED_KINDS.reduce((sum, [, w]) => sum + w, 0);
    const weight = (kind: string) => CLOSED_KINDS.find(([k]) => k === kind)?.[1] ?? 0;
    const charged = weight("CONVICTED") + weight("ACQUITTED") + weight("DISCONTINUED");
    expect(total).toBe(100);
    expect(charged / total).toBeGreaterThanOrEqual(0.06);
    expect(charged / total).toBeLessThanOrEqual(0.075);
    expect(weight("CONVICTED") / total).toBe(0.035);
  });

  it("has an outcome trail for every kind of report", () => {
    for (const [kind] of [...CLOSED_KINDS, ...OPEN_KINDS]) expect(TRAILS[kind], kind).toBeDefined();
  });
});

import { describe, expect, it } from "vitest";
import { isSmall, publishCount, publishDerived, publishRate } from "./small-numbers";

describe("small numbers in published figures", () => {
  it("counts from 1 to 4 are suppressed, 0 and 5 or more are shown", () => {
    expect([0, 1, 4, 5, 86].map((n) => publishCount(n, 5))).toEqual([
      { shown: 0 },
      { suppressed: true },
      { suppressed: true },
      { shown: 5 },
      { shown: 86 },
    ]);
  });

  it("the threshold is configurable", () => {
    expect(isSmall(9, 10)).toBe(true);
    expect(isSmall(9, 5)).toBe(false);
  });

  it("a rate computed from a suppressed count is withheld", () => {
    expect(publishRate(3, 86, 5)).toEqual({ withheld: true });
    expect(publishRate(6, 86, 5)).toEqual({ shown: 6 / 86 });
    expect(publishRate(3, 4, 5)).toEqual({ withheld: true });
    expect(publishRate(0, 86, 5)).toEqual({ shown: 0 });
    expect(publishRate(43, 86, 5)).toEqual({ shown: 0.5 });
    expect(publishRate(0, 0, 5)).toEqual({ withheld: true });
  });

  it("days worked out from fewer than five reports are withheld", () => {
    expect(publishDerived(60, 3, 5)).toEqual({ withheld: true });
    expect(publishDerived(60, 12, 5)).toEqual({ shown: 60 });
  });
});

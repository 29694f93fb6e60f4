import { describe, it, expect } from "vitest";
import { formatReference, parseReference } from "./reference";

describe("report references", () => {
  it("gives the first report of a year a five-digit zero-padded number", () => {
    expect(formatReference(2026, 1)).toBe("SWL-2026-00001");
    expect(formatReference(2026, 42)).toBe("SWL-2026-00042");
  });

  it("keeps counting past 99999 reports in a year rather than wrapping", () => {
    expect(formatReference(2026, 123456)).toBe("SWL-2026-123456");
  });

  it("refuses a year or number that could not have been handed out", () => {
    expect(() => formatReference(1999, 1)).toThrow(RangeError);
    expect(() => formatReference(10000, 1)).toThrow(RangeError);
    expect(() => formatReference(2026.5, 1)).toThrow(RangeError);
    expect(() => formatReference(2026, 0)).toThrow(RangeError);
    expect(() => formatReference(2026, -3)).toThrow(RangeError);
    expect(() => formatReference(2026, 1.5)).toThrow(RangeError);
  });

  it("reads back the year and number an officer types", () => {
    expect(parseReference("SWL-2026-00042")).toEqual({ year: 2026, sequence: 42 });
  });

  it("accepts a reference typed in lower case or with surrounding spaces", () => {
    expect(parseReference("  swl-2025-00007 ")).toEqual({ year: 2025, sequence: 7 });
  });

  it("round-trips every reference it formats", () => {
    for (const [year, sequence] of [
      [2024, 1],
      [2025, 99999],
      [2026, 100000],
    ] as const) {
      expect(parseReference(formatReference(year, sequence))).toEqual({ year, sequence });
    }
  });

  it("finds nothing for text that is not a reference", () => {
    for (const text of [
      "",
      "SWL-26-00042",
      "SWL-2026-42",
      "ABC-2026-00042",
      "SWL-2026-00042x",
      "2026-00042",
    ]) {
      expect(parseReference(text)).toBeNull();
    }
  });
});

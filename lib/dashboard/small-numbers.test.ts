import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  derivable,
  isSmall,
  publishCount,
  publishDerived,
  publishRate,
  suppress,
  sumOf,
  type Relation,
} from "./small-numbers";
import { recoveredByAttack } from "@/tests/support/suppression-attack";

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
    expect(publishRate(0, 0, 5)).toEqual({ withheld: true });
  });

  it("days worked out from fewer than five reports are withheld", () => {
    expect(publishDerived(60, 3, 5)).toEqual({ withheld: true });
    expect(publishDerived(60, 12, 5)).toEqual({ shown: 60 });
  });
});

const attack = recoveredByAttack;

// A table with rows, columns, row totals, column totals and a grand total.
function grid(cells: number[][]): { values: Map<string, number>; relations: Relation[] } {
  const values = new Map<string, number>();
  const relations: Relation[] = [];
  const rows = cells.length;
  const cols = cells[0]?.length ?? 0;
  cells.forEach((row, r) => row.forEach((v, c) => values.set(`${r},${c}`, v)));
  for (let r = 0; r < rows; r++) {
    values.set(
      `${r},T`,
      (cells[r] ?? []).reduce((a, b) => a + b, 0),
    );
    relations.push(
      sumOf(
        `${r},T`,
        Array.from({ length: cols }, (_, c) => `${r},${c}`),
      ),
    );
  }
  for (let c = 0; c < cols; c++) {
    values.set(
      `T,${c}`,
      cells.reduce((a, row) => a + (row[c] ?? 0), 0),
    );
    relations.push(
      sumOf(
        `T,${c}`,
        Array.from({ length: rows }, (_, r) => `${r},${c}`),
      ),
    );
  }
  values.set(
    "T,T",
    [...values].filter(([id]) => /^\d+,T$/.test(id)).reduce((a, [, v]) => a + v, 0),
  );
  relations.push(
    sumOf(
      "T,T",
      Array.from({ length: rows }, (_, r) => `${r},T`),
    ),
  );
  return { values, relations };
}

describe("secondary suppression", () => {
  it("hides a second cell in a row and a column, so a total minus the rest gives nothing back", () => {
    const { values, relations } = grid([
      [3, 20, 30],
      [12, 25, 40],
      [9, 14, 50],
    ]);
    const hidden = suppress(values, relations, 5);
    expect(hidden.has("0,0")).toBe(true);
    expect(hidden.size).toBeGreaterThanOrEqual(4);
    expect(attack(values, relations, hidden)).toEqual([]);
    expect(
      derivable(new Set([...values.keys()].filter((id) => !hidden.has(id))), relations, hidden).size,
    ).toBe(0);
  });

  it("without it, the attack finds the small count (the test can fail)", () => {
    const { values, relations } = grid([
      [3, 20],
      [12, 25],
    ]);
    expect(attack(values, relations, new Set(["0,0"]))).toEqual(["0,0"]);
  });

  it("protects a cell that only a chain of sums would give away", () => {
    // Two separate pairs of hidden cells joined by one bridge: the bridge can be worked out
    // from the cut between them even though each of its lines has two hidden cells.
    const values = new Map([
      ["a", 2],
      ["b", 9],
      ["c", 7],
      ["t1", 11],
      ["t2", 16],
    ]);
    const relations = [sumOf("t1", ["a", "b"]), sumOf("t2", ["b", "c"])];
    const hidden = suppress(values, relations, 5);
    expect(attack(values, relations, hidden)).toEqual([]);
  });

  it("on random tables, no hidden count is recovered by subtracting totals, rows or pairs of sums", () => {
    fc.assert(
      fc.property(
        fc
          .array(
            fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 60 })), {
              minLength: 2,
              maxLength: 4,
            }),
            { minLength: 2, maxLength: 4 },
          )
          .filter((rows) => rows.every((r) => r.length === rows[0]?.length)),
        (cells) => {
          const { values, relations } = grid(cells);
          const hidden = suppress(values, relations, 5);
          for (const [id, v] of values) if (isSmall(v, 5)) expect(hidden.has(id)).toBe(true);
          expect(attack(values, relations, hidden)).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("two periods and their union: the later period cannot be had by subtracting one from the other", () => {
    // Months m1, m2 and the whole period; two "filters" (routes) that add up to it.
    const values = new Map([
      ["m1:A", 20],
      ["m1:B", 2],
      ["m2:A", 30],
      ["m2:B", 11],
      ["m1", 22],
      ["m2", 41],
      ["A", 50],
      ["B", 13],
      ["all", 63],
    ]);
    const relations = [
      sumOf("m1", ["m1:A", "m1:B"]),
      sumOf("m2", ["m2:A", "m2:B"]),
      sumOf("A", ["m1:A", "m2:A"]),
      sumOf("B", ["m1:B", "m2:B"]),
      sumOf("all", ["m1", "m2"]),
      sumOf("all", ["A", "B"]),
    ];
    const hidden = suppress(values, relations, 5);
    expect(hidden.has("m1:B")).toBe(true);
    expect(attack(values, relations, hidden)).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { groupDueUpdates, type GroupableUpdate } from "./group-updates";

const row = (updateId: string, reportId: string, decidedOn: string, dueBy: string): GroupableUpdate => ({
  updateId,
  reportId,
  decision: "ARRESTED",
  decidedOn: new Date(`${decidedOn}T00:00:00Z`),
  dueBy: new Date(dueBy),
});

describe("grouping the updates an officer owes", () => {
  it("puts updates on one report due the same London day in one row, decisions oldest first", () => {
    const groups = groupDueUpdates([
      row("b", "r1", "2026-03-06", "2026-03-09T23:59:59.999Z"),
      row("a", "r1", "2026-03-02", "2026-03-09T23:59:59.999Z"),
      row("c", "r2", "2026-03-06", "2026-03-09T23:59:59.999Z"),
      row("d", "r1", "2026-03-09", "2026-03-10T23:59:59.999Z"),
    ]);
    expect(groups.map((g) => [g.key, g.decisions.map((d) => d.updateId)])).toEqual([
      ["r1:2026-03-09", ["a", "b"]],
      ["r2:2026-03-09", ["c"]],
      ["r1:2026-03-10", ["d"]],
    ]);
  });

  it("takes the London day of the deadline, not the UTC one", () => {
    // 23:30 UTC on 8 June is already 9 June in London (summer time).
    const groups = groupDueUpdates([
      row("a", "r1", "2026-06-05", "2026-06-08T23:30:00Z"),
      row("b", "r1", "2026-06-05", "2026-06-09T22:59:59.999Z"),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ key: "r1:2026-06-09", dueBy: new Date("2026-06-08T23:30:00Z") });
  });

  it("returns nothing for nothing owed", () => {
    expect(groupDueUpdates([])).toEqual([]);
  });
});

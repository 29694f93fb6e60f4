import { describe, expect, it } from "vitest";
import { csvField, csvOf } from "./csv";
import type { DashboardTable } from "./tables";

const words = { fewerThan: "fewer than 5", withheld: "withheld" };

const table: DashboardTable = {
  key: "headline",
  caption: "Headline figures",
  rowHeader: "Measure",
  columns: ["Count", "Share of reports received", "Median days"],
  rows: [
    {
      key: "received",
      header: "Reports received",
      cells: [
        { kind: "count", value: 86 },
        { kind: "text", text: "" },
        { kind: "days", value: 40, basis: 86 },
      ],
    },
    {
      key: "charged",
      header: "Charged",
      cells: [
        { kind: "count", value: 6 },
        { kind: "rate", part: 6, whole: 86 },
        { kind: "days", value: 60, basis: 6 },
      ],
    },
    {
      key: "convicted",
      header: "Convicted",
      cells: [
        { kind: "count", value: 3 },
        { kind: "rate", part: 3, whole: 86 },
        { kind: "days", value: 200, basis: 3 },
      ],
    },
    {
      key: "none",
      header: "Nothing",
      cells: [
        { kind: "count", value: 0 },
        { kind: "rate", part: 0, whole: 86 },
        { kind: "days", value: null, basis: 0 },
      ],
    },
  ],
};

describe("a dashboard table as CSV", () => {
  it("has a header row, then one line per row, with small numbers suppressed and their rates withheld", () => {
    const lines = csvOf(table, 5, words)
      .replace(/^\ufeff/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines).toEqual([
      "Measure,Count,Share of reports received,Median days",
      "Reports received,86,,40",
      "Charged,6,7.0%,60",
      "Convicted,fewer than 5,withheld,withheld",
      "Nothing,0,0.0%,",
    ]);
  });

  it("starts with a byte-order mark so that spreadsheets read it as UTF-8", () => {
    expect(csvOf(table, 5, words).startsWith("\ufeff")).toBe(true);
  });

  it("quotes commas and quotes, and makes would-be formulas inert", () => {
    expect(csvField('Tŷ Gwyn, "north"')).toBe('"Tŷ Gwyn, ""north"""');
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("@SUM")).toBe("'@SUM");
    expect(csvField("Plain")).toBe("Plain");
  });

  it("uses the configured threshold", () => {
    expect(csvOf(table, 10, words)).toContain("Charged,fewer than 5,withheld,withheld");
  });
});

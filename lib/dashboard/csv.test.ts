import { describe, expect, it } from "vitest";
import { csvField, csvOf } from "./csv";
import type { DashboardTable } from "./tables";

const words = { suppressed: "suppressed", withheld: "withheld" };

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
        { kind: "count", value: 86, id: "all:reports" },
        { kind: "text", text: "" },
        { kind: "days", value: 40, basis: 86, from: ["all:reports"] },
      ],
    },
    {
      key: "charged",
      header: "Charged",
      cells: [
        { kind: "count", value: 6, id: "all:charged" },
        { kind: "rate", part: 6, whole: 86, from: ["all:charged", "all:reports"] },
        { kind: "days", value: 60, basis: 6, from: ["all:charged"] },
      ],
    },
    {
      key: "convicted",
      header: "Convicted",
      cells: [
        { kind: "count", value: 3, id: "all:convicted" },
        { kind: "rate", part: 3, whole: 86, from: ["all:convicted", "all:reports"] },
        { kind: "days", value: 200, basis: 3, from: ["all:convicted"] },
      ],
    },
    {
      key: "none",
      header: "Nothing",
      cells: [
        { kind: "count", value: 0, id: "all:nothing" },
        { kind: "rate", part: 0, whole: 86, from: ["all:nothing", "all:reports"] },
        { kind: "days", value: null, basis: 0, from: ["all:nothing"] },
      ],
    },
  ],
};

const lines = (csv: string) =>
  csv
    .replace(/^\ufeff/, "")
    .trimEnd()
    .split("\r\n");

describe("a dashboard table as CSV", () => {
  it("has a header row, then one line per row, with hidden counts suppressed and their rates withheld", () => {
    expect(lines(csvOf(table, new Set(["all:convicted"]), 5, words))).toEqual([
      "Measure,Count,Share of reports received,Median days",
      "Reports received,86,,40",
      "Charged,6,7.0%,60",
      "Convicted,suppressed,withheld,withheld",
      "Nothing,0,0.0%,",
    ]);
  });

  it("a count hidden to protect another reads the same as a small one, and what comes from it is withheld", () => {
    expect(lines(csvOf(table, new Set(["all:convicted", "all:charged"]), 5, words))[2]).toBe(
      "Charged,suppressed,withheld,withheld",
    );
  });

  it("starts with a byte-order mark so that spreadsheets read it as UTF-8", () => {
    expect(csvOf(table, new Set(), 5, words).startsWith("\ufeff")).toBe(true);
  });

  it("quotes commas and quotes, and makes would-be formulas inert", () => {
    expect(csvField('Tŷ Gwyn, "north"')).toBe('"Tŷ Gwyn, ""north"""');
    expect(csvField("=HYPERLINK(1)")).toBe(`"'=HYPERLINK(1)"`);
    expect(csvField("@SUM")).toBe(`"'@SUM"`);
    expect(csvField("Plain")).toBe("Plain");
  });

  it("neutralises a formula at the start of a cell, whatever character starts it", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20"])
      expect(csvField(`${start}1+1`), JSON.stringify(start)).toBe(`"'${start}1+1"`);
    // Spaces in front do not hide it.
    expect(csvField("  =1+1")).toBe(`"'  =1+1"`);
  });

  it("neutralises a formula after any separator a spreadsheet may split on, and quotes the whole value", () => {
    for (const separator of [",", ";", "\t", "|"]) {
      const value = `Tŷ Gwyn${separator}=HYPERLINK("x")`;
      expect(csvField(value), JSON.stringify(separator)).toBe(`"'Tŷ Gwyn${separator}=HYPERLINK(""x"")"`);
    }
    expect(csvField("north; -cmd")).toBe(`"'north; -cmd"`);
    expect(csvField("a|@SUM(1)")).toBe(`"'a|@SUM(1)"`);
  });

  it("quotes a value with a separator in it even when nothing follows that could run", () => {
    expect(csvField("north;south")).toBe('"north;south"');
    expect(csvField("north|south")).toBe('"north|south"');
    expect(csvField("a\tb")).toBe('"a\tb"');
    // A dash or sign inside a value, not after a separator, is left alone.
    expect(csvField("Blaenau Gwent - north")).toBe("Blaenau Gwent - north");
    expect(csvField("7.0%")).toBe("7.0%");
  });

  it("keeps a risky row header inert inside a whole table, on one line", () => {
    const risky: DashboardTable = {
      ...table,
      rows: [
        { key: "x", header: "Cwmbrân;=cmd|' /C calc'!A0", cells: [{ kind: "count", value: 7, id: "x" }] },
      ],
    };
    expect(lines(csvOf(risky, new Set(), 5, words))[1]).toBe(`"'Cwmbrân;=cmd|' /C calc'!A0",7`);
  });

  it("withholds shares and days from small counts whatever the hidden set says", () => {
    expect(lines(csvOf(table, new Set(["all:charged"]), 10, words))[2]).toBe(
      "Charged,suppressed,withheld,withheld",
    );
  });
});

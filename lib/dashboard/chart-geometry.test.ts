import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BarChartView } from "@/app/dashboard/charts/bar-chart";
import { LineChartView } from "@/app/dashboard/charts/line-chart";
import { labelStride, niceTicks, wrapLabel } from "./chart-geometry";

describe("niceTicks", () => {
  it("steps by 1, 2 or 5 times a power of ten up to a round number at or above the maximum", () => {
    expect(niceTicks(86)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(1_000_000)).toEqual([0, 200_000, 400_000, 600_000, 800_000, 1_000_000]);
  });
  it("never steps below one, and copes with nothing to show", () => {
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(Number.NaN)).toEqual([0, 1]);
    expect(niceTicks(1)).toEqual([0, 1]);
  });
});

describe("wrapLabel", () => {
  it("breaks at spaces and marks what did not fit", () => {
    expect(wrapLabel("Reports received", 28)).toEqual(["Reports received"]);
    expect(wrapLabel("Identified a suspect and supported", 20)).toEqual([
      "Identified a suspect",
      "and supported",
    ]);
    expect(wrapLabel("one two three four five six", 7, 2)).toEqual(["one two", "three…"]);
    expect(wrapLabel("Supercalifragilistic", 8, 1)).toEqual(["Superca…"]);
  });
});

describe("labelStride", () => {
  it("shows every label when they fit and thins them when they do not", () => {
    expect(labelStride(6, 8, 648)).toBe(1);
    expect(labelStride(36, 8, 648)).toBe(5);
    expect(labelStride(1, 100, 10)).toBe(1);
  });
});

describe("the server-drawn charts", () => {
  it("draw one labelled bar per non-zero value, with no script and hidden from the accessibility tree by their figure", () => {
    const html = renderToStaticMarkup(
      createElement(BarChartView, {
        layout: "vertical",
        height: 200,
        data: [
          { label: "Reports received", value: 86, valueLabel: "86 (100.0%)" },
          { label: "Charged or summonsed", value: 6, valueLabel: "6 (7.0%)" },
          { label: "Convicted", value: 0, valueLabel: "0 (0.0%)" },
        ],
      }),
    );
    expect(html.match(/<rect /g)).toHaveLength(2);
    expect(html).toContain("86 (100.0%)");
    expect(html).toContain("Charged or summonsed");
    expect(html).toContain("0 (0.0%)");
    expect(html).not.toContain("<script");
  });

  it("put a bar's length in proportion to its value on the axis", () => {
    const html = renderToStaticMarkup(
      createElement(BarChartView, {
        layout: "horizontal",
        height: 240,
        data: [
          { label: "A", value: 10, valueLabel: "10" },
          { label: "B", value: 5, valueLabel: "5" },
        ],
      }),
    );
    const heights = [...html.matchAll(/<rect [^>]*height="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(heights).toHaveLength(2);
    expect(heights[0]).toBeCloseTo(2 * (heights[1] ?? 0), 5);
  });

  it("draw each line series with its own marker shape and a legend naming it", () => {
    const html = renderToStaticMarkup(
      createElement(LineChartView, {
        height: 300,
        series: [
          { key: "received", name: "Received", shape: "circle" },
          { key: "charged", name: "Charged", dash: "6 4", shape: "square" },
        ],
        data: [
          { label: "Jan 2025", received: 4, charged: 1 },
          { label: "Feb 2025", received: 7, charged: 0 },
          { label: "Mar 2025", received: 2, charged: 2 },
        ],
      }),
    );
    expect(html.match(/<polyline /g)).toHaveLength(2);
    expect(html.match(/<circle /g)).toHaveLength(3 + 1);
    expect(html).toContain('stroke-dasharray="6 4"');
    expect(html).toContain("Received");
    expect(html).toContain("Feb 2025");
  });
});

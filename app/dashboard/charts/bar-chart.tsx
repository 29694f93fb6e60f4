"use client";

import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from "recharts";

export type BarDatum = { label: string; value: number; valueLabel: string };

// One series of bars, each labelled with its figure, so nothing depends on colour.
// Decorative for assistive technology: the table beside it carries the same numbers.
export default function BarChartView({
  data,
  layout,
  height,
}: {
  data: BarDatum[];
  layout: "horizontal" | "vertical";
  height: number;
}) {
  const horizontalBars = layout === "vertical";
  return (
    <BarChart
      data={data}
      layout={layout}
      width={720}
      height={height}
      responsive
      style={{ width: "100%", maxWidth: 720, height }}
      margin={{ top: 8, right: horizontalBars ? 96 : 16, bottom: 8, left: 8 }}
      accessibilityLayer={false}
    >
      <CartesianGrid
        stroke="#b1b4b6"
        strokeDasharray="2 4"
        horizontal={!horizontalBars}
        vertical={horizontalBars}
      />
      {horizontalBars ? (
        <>
          <XAxis type="number" allowDecimals={false} tick={{ fill: "#0b0c0c", fontSize: 12 }} />
          <YAxis
            type="category"
            dataKey="label"
            width={180}
            tick={{ fill: "#0b0c0c", fontSize: 12 }}
            interval={0}
          />
        </>
      ) : (
        <>
          <XAxis type="category" dataKey="label" tick={{ fill: "#0b0c0c", fontSize: 12 }} />
          <YAxis type="number" allowDecimals={false} tick={{ fill: "#0b0c0c", fontSize: 12 }} />
        </>
      )}
      <Bar dataKey="value" fill="#1d3557" stroke="#0b0c0c" isAnimationActive={false}>
        <LabelList
          dataKey="valueLabel"
          position={horizontalBars ? "right" : "top"}
          fill="#0b0c0c"
          fontSize={12}
        />
      </Bar>
    </BarChart>
  );
}

"use client";

import { CartesianGrid, Legend, Line, LineChart, XAxis, YAxis } from "recharts";

export type LineSeries = {
  key: string;
  name: string;
  dash?: string;
  shape: "circle" | "square" | "triangle";
};

// Each series differs in line pattern and marker shape as well as name, never by colour
// alone. Decorative for assistive technology: the table beside it has the same numbers.
function Marker({ cx, cy, shape }: { cx?: number; cy?: number; shape: LineSeries["shape"] }) {
  if (cx === undefined || cy === undefined) return null;
  if (shape === "square")
    return (
      <rect
        x={cx - 3.5}
        y={cy - 3.5}
        width={7}
        height={7}
        fill="#ffffff"
        stroke="#0b0c0c"
        strokeWidth={1.5}
      />
    );
  if (shape === "triangle")
    return (
      <polygon points={`${cx},${cy - 4.5} ${cx - 4.5},${cy + 3.5} ${cx + 4.5},${cy + 3.5}`} fill="#0b0c0c" />
    );
  return <circle cx={cx} cy={cy} r={3.5} fill="#1d3557" />;
}

const colourOf = (s: LineSeries) => (s.shape === "circle" ? "#1d3557" : "#0b0c0c");

export default function LineChartView({
  data,
  series,
  height,
}: {
  data: Record<string, string | number>[];
  series: LineSeries[];
  height: number;
}) {
  return (
    <LineChart
      data={data}
      width={720}
      height={height}
      responsive
      style={{ width: "100%", maxWidth: 720, height }}
      margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
      accessibilityLayer={false}
    >
      <CartesianGrid stroke="#b1b4b6" strokeDasharray="2 4" />
      <XAxis dataKey="label" tick={{ fill: "#0b0c0c", fontSize: 12 }} minTickGap={24} />
      <YAxis allowDecimals={false} tick={{ fill: "#0b0c0c", fontSize: 12 }} />
      <Legend
        content={() => (
          <ul className="mt-2 flex flex-wrap justify-center gap-x-6 gap-y-1 text-xs text-ink">
            {series.map((s) => (
              <li key={s.key} className="flex items-center gap-2">
                <svg width="36" height="12" aria-hidden="true">
                  <line
                    x1="0"
                    y1="6"
                    x2="36"
                    y2="6"
                    stroke={colourOf(s)}
                    strokeWidth={2}
                    strokeDasharray={s.dash}
                  />
                  <Marker cx={18} cy={6} shape={s.shape} />
                </svg>
                {s.name}
              </li>
            ))}
          </ul>
        )}
      />
      {series.map((s) => (
        <Line
          key={s.key}
          type="linear"
          dataKey={s.key}
          name={s.name}
          stroke={colourOf(s)}
          strokeWidth={2}
          strokeDasharray={s.dash}
          dot={(props: { cx?: number; cy?: number; index?: number }) => (
            <Marker key={`${s.key}-${props.index}`} cx={props.cx} cy={props.cy} shape={s.shape} />
          )}
          isAnimationActive={false}
        />
      ))}
    </LineChart>
  );
}

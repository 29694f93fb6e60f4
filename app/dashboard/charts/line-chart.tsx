import { labelStride, niceTicks } from "@/lib/dashboard/chart-geometry";

export type LineSeries = {
  key: string;
  name: string;
  dash?: string;
  shape: "circle" | "square" | "triangle";
};

const WIDTH = 720;
const INK = "#0b0c0c";
const BLUE = "#1d3557";
const GRID = "#b1b4b6";

// Each series differs in line pattern and marker shape as well as name, never by colour
// alone. Drawn on the server as plain SVG. Decorative for assistive technology: the
// figure's summary and the table beside it have the same numbers.
function Marker({ cx, cy, shape }: { cx: number; cy: number; shape: LineSeries["shape"] }) {
  if (shape === "square")
    return (
      <rect x={cx - 3.5} y={cy - 3.5} width={7} height={7} fill="#ffffff" stroke={INK} strokeWidth={1.5} />
    );
  if (shape === "triangle")
    return (
      <polygon points={`${cx},${cy - 4.5} ${cx - 4.5},${cy + 3.5} ${cx + 4.5},${cy + 3.5}`} fill={INK} />
    );
  return <circle cx={cx} cy={cy} r={3.5} fill={BLUE} />;
}

const colourOf = (s: LineSeries) => (s.shape === "circle" ? BLUE : INK);
const valueOf = (row: Record<string, string | number>, key: string) => {
  const v = row[key];
  return typeof v === "number" && Number.isFinite(v) ? v : 0;
};

export function LineChartView({
  data,
  series,
  height,
}: {
  data: Record<string, string | number>[];
  series: LineSeries[];
  height: number;
}) {
  const left = 56;
  const right = WIDTH - 16;
  const top = 12;
  const bottom = height - 28;
  const ticks = niceTicks(Math.max(0, ...data.flatMap((row) => series.map((s) => valueOf(row, s.key)))));
  const max = ticks[ticks.length - 1] ?? 1;
  const y = (v: number) => bottom - ((bottom - top) * v) / max;
  const step = data.length > 1 ? (right - left) / (data.length - 1) : 0;
  const x = (i: number) => (data.length > 1 ? left + step * i : (left + right) / 2);
  const labels = data.map((row) => String(row.label ?? ""));
  const stride = labelStride(data.length, Math.max(0, ...labels.map((l) => l.length)), right - left);
  return (
    <>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width={WIDTH}
        height={height}
        style={{ width: "100%", maxWidth: WIDTH, height: "auto" }}
        focusable="false"
        className="chart-svg"
        fontSize={12}
      >
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={left} x2={right} y1={y(tick)} y2={y(tick)} stroke={GRID} strokeDasharray="2 4" />
            <text x={left - 8} y={y(tick)} dy="0.35em" textAnchor="end" fill={INK}>
              {tick.toLocaleString("en-GB")}
            </text>
          </g>
        ))}
        <line x1={left} x2={left} y1={top} y2={bottom} stroke={INK} />
        <line x1={left} x2={right} y1={bottom} y2={bottom} stroke={INK} />
        {labels.map((label, i) =>
          i % stride === 0 ? (
            <text key={`${label}-${i}`} x={x(i)} y={bottom + 18} textAnchor="middle" fill={INK}>
              {label}
            </text>
          ) : null,
        )}
        {series.map((s) => (
          <g key={s.key}>
            <polyline
              points={data.map((row, i) => `${x(i)},${y(valueOf(row, s.key))}`).join(" ")}
              fill="none"
              stroke={colourOf(s)}
              strokeWidth={2}
              strokeDasharray={s.dash}
            />
            {data.map((row, i) => (
              <Marker key={i} cx={x(i)} cy={y(valueOf(row, s.key))} shape={s.shape} />
            ))}
          </g>
        ))}
      </svg>
      <ul className="mt-2 flex max-w-[720px] flex-wrap justify-center gap-x-6 gap-y-1 text-xs text-ink">
        {series.map((s) => (
          <li key={s.key} className="flex items-center gap-2">
            <svg width="36" height="12" focusable="false">
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
    </>
  );
}

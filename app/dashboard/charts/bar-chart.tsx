import { labelStride, niceTicks, wrapLabel } from "@/lib/dashboard/chart-geometry";

export type BarDatum = { label: string; value: number; valueLabel: string };

const WIDTH = 720;
const INK = "#0b0c0c";
const BAR = "#1d3557";
const GRID = "#b1b4b6";
const FONT = 12;
const LINE = 14;

// One series of bars, drawn on the server as plain SVG (no script reaches the browser), each
// bar labelled with its figure so nothing depends on colour. Decorative for assistive
// technology: the figure's summary and the table beside it carry the same numbers.
export function BarChartView({
  data,
  layout,
  height,
}: {
  data: BarDatum[];
  layout: "horizontal" | "vertical";
  height: number;
}) {
  return layout === "vertical" ? (
    <HorizontalBars data={data} height={height} />
  ) : (
    <Columns data={data} height={height} />
  );
}

function Frame({ height, children }: { height: number; children: React.ReactNode }) {
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${height}`}
      width={WIDTH}
      height={height}
      style={{ width: "100%", maxWidth: WIDTH, height: "auto" }}
      focusable="false"
      className="chart-svg"
      fontSize={FONT}
    >
      {children}
    </svg>
  );
}

// Categories down the left, bars running right (the funnel, the outcomes).
function HorizontalBars({ data, height }: { data: BarDatum[]; height: number }) {
  const left = 188;
  const right = WIDTH - 96;
  const top = 8;
  const bottom = height - 28;
  const ticks = niceTicks(Math.max(0, ...data.map((d) => d.value)));
  const max = ticks[ticks.length - 1] ?? 1;
  const x = (v: number) => left + ((right - left) * v) / max;
  const band = (bottom - top) / Math.max(1, data.length);
  const thickness = Math.max(4, Math.min(40, band * 0.7));
  return (
    <Frame height={height}>
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={x(tick)} x2={x(tick)} y1={top} y2={bottom} stroke={GRID} strokeDasharray="2 4" />
          <text x={x(tick)} y={bottom + 18} textAnchor="middle" fill={INK}>
            {tick.toLocaleString("en-GB")}
          </text>
        </g>
      ))}
      <line x1={left} x2={left} y1={top} y2={bottom} stroke={INK} />
      <line x1={left} x2={right} y1={bottom} y2={bottom} stroke={INK} />
      {data.map((d, i) => {
        const middle = top + band * i + band / 2;
        const lines = wrapLabel(d.label, 28, band >= 2 * LINE ? 2 : 1);
        const width = Math.max(0, x(d.value) - left);
        return (
          <g key={`${d.label}-${i}`}>
            <text x={left - 8} y={middle - ((lines.length - 1) * LINE) / 2} textAnchor="end" fill={INK}>
              {lines.map((line, n) => (
                <tspan key={n} x={left - 8} dy={n === 0 ? "0.35em" : LINE}>
                  {line}
                </tspan>
              ))}
            </text>
            {d.value > 0 && (
              <rect
                x={left}
                y={middle - thickness / 2}
                width={width}
                height={thickness}
                fill={BAR}
                stroke={INK}
              />
            )}
            {d.valueLabel && (
              <text x={left + width + 6} y={middle} dy="0.35em" fill={INK}>
                {d.valueLabel}
              </text>
            )}
          </g>
        );
      })}
    </Frame>
  );
}

// Categories along the bottom, bars rising (months, age bands).
function Columns({ data, height }: { data: BarDatum[]; height: number }) {
  const left = 56;
  const right = WIDTH - 16;
  const top = 24;
  const bottom = height - 2 * LINE - 12;
  const ticks = niceTicks(Math.max(0, ...data.map((d) => d.value)));
  const max = ticks[ticks.length - 1] ?? 1;
  const y = (v: number) => bottom - ((bottom - top) * v) / max;
  const band = (right - left) / Math.max(1, data.length);
  const thickness = Math.max(2, Math.min(56, band * 0.7));
  const fitChars = Math.max(1, Math.floor(band / 7));
  const longest = Math.max(0, ...data.map((d) => d.label.length));
  // Wrapped onto two lines when that fits; otherwise one line, and only every n-th label.
  const wrapped = data.every((d) => wrapLabel(d.label, fitChars, 2).join(" ") === d.label);
  const stride = wrapped ? 1 : labelStride(data.length, longest, right - left);
  return (
    <Frame height={height}>
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
      {data.map((d, i) => {
        const centre = left + band * i + band / 2;
        const lines = wrapped ? wrapLabel(d.label, fitChars, 2) : [d.label];
        return (
          <g key={`${d.label}-${i}`}>
            {d.value > 0 && (
              <rect
                x={centre - thickness / 2}
                y={y(d.value)}
                width={thickness}
                height={bottom - y(d.value)}
                fill={BAR}
                stroke={INK}
              />
            )}
            {d.valueLabel && (
              <text x={centre} y={y(d.value) - 6} textAnchor="middle" fill={INK}>
                {d.valueLabel}
              </text>
            )}
            {i % stride === 0 && (
              <text x={centre} y={bottom + 16} textAnchor="middle" fill={INK}>
                {lines.map((line, n) => (
                  <tspan key={n} x={centre} dy={n === 0 ? 0 : LINE}>
                    {line}
                  </tspan>
                ))}
              </text>
            )}
          </g>
        );
      })}
    </Frame>
  );
}

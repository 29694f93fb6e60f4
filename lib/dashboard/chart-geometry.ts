// Geometry for the dashboard's server-drawn charts: whole-number axis ticks, category labels
// wrapped to fit, and how many month labels fit along an axis. Pure, so it is unit-tested.

// Ticks from 0 to a round number at or above `max`, stepping by 1, 2 or 5 times a power of
// ten, about `target` steps. Counts are whole numbers, so the step is never below 1.
export function niceTicks(max: number, target = 5): number[] {
  const top = Number.isFinite(max) && max > 0 ? max : 1;
  const rough = top / Math.max(1, target);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power);
  const ticks: number[] = [];
  for (let v = 0; v < top + step; v += step) {
    ticks.push(v);
    if (v >= top) break;
  }
  return ticks;
}

// A label broken at spaces into lines of at most `width` characters, at most `lines` lines;
// what does not fit ends with an ellipsis (the table beside the chart has the full text).
export function wrapLabel(text: string, width: number, lines = 2): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  let current = "";
  for (const word of words) {
    const next = current ? `${current} ${word}` : word;
    if (next.length <= width || !current) {
      current = next;
    } else {
      out.push(current);
      current = word;
    }
  }
  if (current) out.push(current);
  const kept = out.slice(0, lines).map((l) => (l.length > width ? `${l.slice(0, width - 1)}…` : l));
  if (out.length > lines && kept.length > 0) {
    const last = kept[kept.length - 1] ?? "";
    kept[kept.length - 1] = last.length >= width ? `${last.slice(0, width - 1)}…` : `${last}…`;
  }
  return kept;
}

// Show every n-th of `count` labels along `length` pixels, leaving `gap` pixels between them,
// for labels about `chars` characters long at about `charWidth` pixels a character.
export function labelStride(count: number, chars: number, length: number, charWidth = 7, gap = 24): number {
  if (count <= 1) return 1;
  const needed = chars * charWidth + gap;
  const room = length / count;
  return Math.max(1, Math.ceil(needed / room));
}

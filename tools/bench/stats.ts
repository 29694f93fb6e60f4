// Timing summaries for the benchmark: nearest-rank percentiles of milliseconds.
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1] as number;
}

export type Summary = { runs: number; median: number; p95: number };

export function summarise(samples: readonly number[]): Summary {
  return { runs: samples.length, median: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
}

// Runs `fn` a few times unmeasured (warm caches and connections), then `runs` times, or
// until `budgetMs` has passed if that comes first (slow queries get fewer runs).
export async function measure(
  fn: () => Promise<unknown>,
  opts: { warmup: number; runs: number; budgetMs: number },
): Promise<Summary> {
  for (let i = 0; i < opts.warmup; i++) await fn();
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < opts.runs && (samples.length < 5 || performance.now() - started < opts.budgetMs)) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return summarise(samples);
}

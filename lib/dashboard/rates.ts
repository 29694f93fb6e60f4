// Definitions of the headline rates, kept apart from the queries so they can be tested on
// hand-built cohorts. A rate over no reports is "no data", never a division by zero.

export type Counts = { received: number; charged: number; convicted: number };

export type Headline = Counts & { chargeRate: number | null; convictionRate: number | null };

export function rate(part: number, whole: number): number | null {
  if (!Number.isFinite(part) || !Number.isFinite(whole) || whole <= 0) return null;
  return part / whole;
}

export function headlineFrom(counts: Counts): Headline {
  return {
    ...counts,
    chargeRate: rate(counts.charged, counts.received),
    convictionRate: rate(counts.convicted, counts.received),
  };
}

// The published Gwent figures the unit compares itself with (UWE Bristol, 2025).
export const GWENT_BASELINE = { received: 86, chargeRate: 0.07, convictionRate: 0.035 } as const;

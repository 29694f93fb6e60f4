// Small-number suppression for anything that leaves the unit (exports today): a count from
// 1 to threshold − 1 could identify someone, so it is replaced by "fewer than N", and any
// rate computed from such a count is withheld. Zero is safe to show. On screen, the unit's
// own staff see exact figures, marked as not for publication.
export type Published<T> = { shown: T } | { suppressed: true } | { withheld: true };

export function isSmall(count: number, threshold: number): boolean {
  return count > 0 && count < threshold;
}

export function publishCount(count: number, threshold: number): Published<number> {
  return isSmall(count, threshold) ? { suppressed: true } : { shown: count };
}

// A rate is withheld when either of the counts it comes from is small, or there is nothing
// to divide by.
export function publishRate(part: number, whole: number, threshold: number): Published<number> {
  if (whole <= 0 || isSmall(part, threshold) || isSmall(whole, threshold)) return { withheld: true };
  return { shown: part / whole };
}

// Days (a median, a percentile) say something only about the reports they come from.
export function publishDerived(
  value: number | null,
  basis: number,
  threshold: number,
): Published<number | null> {
  return isSmall(basis, threshold) ? { withheld: true } : { shown: value };
}

// Small-number suppression for anything that leaves the unit (exports and print). A count
// from 1 to threshold − 1 could identify someone, so it is hidden (primary suppression).
// Hiding it is not enough when the figures around it add up: a total minus the other rows
// would give it back. So more cells are hidden (secondary suppression) until no hidden
// count can be worked out exactly from the shown ones and the sums that tie them together.
// Zero is safe to show. On screen, the unit's own staff see exact figures, marked as not
// for publication. What this guarantees, and what it does not, is written down in
// docs/decisions/009-honest-figures.md.

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

// A sum that ties published counts together: Σ coefficient × count = 0, for example
// "the route rows minus the total" or "reached this stage − reached the next − stopped here
// open − stopped here closed". Counts a relation names that are not published at all are
// unknowns to a reader (never shown, so never chosen to hide).
export type Relation = readonly { id: string; coefficient: number }[];

export const sumOf = (total: string, parts: readonly string[]): Relation => [
  { id: total, coefficient: -1 },
  ...parts.map((id) => ({ id, coefficient: 1 })),
];

// Which of the given hidden cells a reader can work out exactly from the shown counts and
// the relations: those whose value every solution of the relations agrees on. Gaussian
// elimination on the hidden columns: a hidden count is fixed when its row in the reduced
// form has nothing left in any free column (the relations pin it down on their own).
export function derivable(
  shown: ReadonlySet<string>,
  relations: readonly Relation[],
  hidden: ReadonlySet<string>,
): Set<string> {
  const unknowns = new Set<string>();
  for (const relation of relations) for (const { id } of relation) if (!shown.has(id)) unknowns.add(id);
  const columns = [...unknowns];
  const index = new Map(columns.map((id, i) => [id, i]));
  const rows = relations
    .map((relation) => {
      const row = new Array<number>(columns.length).fill(0);
      for (const { id, coefficient } of relation) {
        const i = index.get(id);
        if (i !== undefined) row[i] = (row[i] ?? 0) + coefficient;
      }
      return row;
    })
    .filter((row) => row.some((v) => Math.abs(v) > 1e-9));
  const pivots: { row: number; column: number }[] = [];
  let r = 0;
  for (let c = 0; c < columns.length && r < rows.length; c++) {
    let best = -1;
    for (let i = r; i < rows.length; i++)
      if (
        Math.abs(rows[i]?.[c] ?? 0) > 1e-9 &&
        (best < 0 || Math.abs(rows[i]?.[c] ?? 0) > Math.abs(rows[best]?.[c] ?? 0))
      )
        best = i;
    if (best < 0) continue;
    [rows[r], rows[best]] = [rows[best] as number[], rows[r] as number[]];
    const pivotRow = rows[r] as number[];
    const p = pivotRow[c] as number;
    for (let j = 0; j < columns.length; j++) pivotRow[j] = (pivotRow[j] as number) / p;
    for (let i = 0; i < rows.length; i++) {
      const other = rows[i] as number[];
      const f = other[c] as number;
      if (i === r || Math.abs(f) < 1e-12) continue;
      for (let j = 0; j < columns.length; j++) other[j] = (other[j] as number) - f * (pivotRow[j] as number);
    }
    pivots.push({ row: r, column: c });
    r++;
  }
  const pivotColumns = new Set(pivots.map((p) => p.column));
  const fixed = new Set<string>();
  for (const { row, column } of pivots) {
    const values = rows[row] as number[];
    const free = values.some((v, j) => !pivotColumns.has(j) && Math.abs(v) > 1e-9);
    const id = columns[column] as string;
    if (!free && hidden.has(id)) fixed.add(id);
  }
  return fixed;
}

// Primary and secondary suppression over a set of published counts (by id) and the
// relations between them. Returns the ids to hide. A hidden count that a reader could work
// out is protected by hiding, in one of its relations, the smallest other count that is
// shown and not zero (zero and the protected count's own relations first, so as little as
// possible goes). Ends when nothing hidden can be worked out; hiding everything always
// would, so it ends.
export function suppress(
  counts: ReadonlyMap<string, number>,
  relations: readonly Relation[],
  threshold: number,
  // Counts worth keeping (the cohort's totals): hidden to protect another only when no
  // other count would do.
  keep: (id: string) => boolean = () => false,
): Set<string> {
  const hidden = new Set([...counts].filter(([, v]) => isSmall(v, threshold)).map(([id]) => id));
  const known = [...counts.keys()];
  const relationsOf = new Map<string, Relation[]>();
  for (const relation of relations)
    for (const { id } of relation) relationsOf.set(id, [...(relationsOf.get(id) ?? []), relation]);
  for (;;) {
    const shown = new Set(known.filter((id) => !hidden.has(id)));
    // Cells that are zero are safe: a reader learning that a hidden zero is zero learns
    // nothing about anyone, so only non-zero hidden counts need protecting.
    const exposed = [...derivable(shown, relations, hidden)].filter((id) => (counts.get(id) ?? 0) !== 0);
    if (exposed.length === 0) return hidden;
    // One complement for each exposed count per round, unless a relation of it has already
    // had one this round (each round costs an elimination, so fewer rounds is faster).
    const touched = new Set<Relation>();
    let added = 0;
    for (const target of exposed.sort()) {
      const own = relationsOf.get(target) ?? [];
      if (own.some((relation) => touched.has(relation))) continue;
      const choice = complementFor(target, own, shown, hidden, counts, relations, relationsOf, keep);
      if (choice === undefined) continue;
      hidden.add(choice);
      shown.delete(choice);
      for (const relation of relationsOf.get(choice) ?? []) touched.add(relation);
      added++;
    }
    if (added === 0) return hidden;
  }
}

// The count to hide so that `own` (the relations of an exposed count) no longer pin it
// down, in this order: the smallest shown count of its own relations that is not one to
// keep (non-zero first; a hidden zero beside it still leaves a reader two unknowns for one
// sum); then the same one step further out, in the relations of the hidden counts it
// shares a relation with (a partial quarter is protected by hiding another quarter, not
// the total); then one to keep; then any shown count in a relation that touches a hidden
// one.
function complementFor(
  target: string,
  own: readonly Relation[],
  shown: ReadonlySet<string>,
  hidden: ReadonlySet<string>,
  counts: ReadonlyMap<string, number>,
  relations: readonly Relation[],
  relationsOf: ReadonlyMap<string, readonly Relation[]>,
  keep: (id: string) => boolean,
): string | undefined {
  const pick = (ids: string[]) =>
    ids.sort((a, b) => (counts.get(a) ?? 0) - (counts.get(b) ?? 0) || a.localeCompare(b))[0];
  const nonZero = (ids: string[]) => ids.filter((id) => (counts.get(id) ?? 0) > 0);
  const shownIn = (rs: readonly Relation[]) =>
    rs.flatMap((relation) => relation.map((t) => t.id)).filter((id) => shown.has(id));
  const near = shownIn(own);
  const neighbours = new Set(
    own.flatMap((relation) => relation.map((t) => t.id)).filter((id) => id !== target && hidden.has(id)),
  );
  const further = shownIn([...neighbours].flatMap((id) => relationsOf.get(id) ?? []));
  const spare = (ids: string[]) => ids.filter((id) => !keep(id));
  return (
    pick(nonZero(spare(near))) ??
    pick(spare(near)) ??
    pick(nonZero(spare(further))) ??
    pick(nonZero(near)) ??
    pick(near) ??
    pick(shownIn(relations.filter((relation) => relation.some((t) => hidden.has(t.id)))))
  );
}

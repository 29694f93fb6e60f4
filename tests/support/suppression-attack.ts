// The reader who tries to undo small-number suppression: they hold every shown count and
// every sum that ties the counts together. They peel (a sum with one unknown left gives it
// away), also using sums and differences of any two sums (a total minus a row, one period
// minus another, one filter minus another), until nothing more comes out. Written apart
// from lib/dashboard/small-numbers.ts `derivable`, which the suppression itself uses, so
// that each checks the other.
import type { Relation } from "@/lib/dashboard/small-numbers";

export function recoveredByAttack(
  values: ReadonlyMap<string, number>,
  relations: readonly Relation[],
  hidden: ReadonlySet<string>,
): string[] {
  const known = new Map([...values].filter(([id]) => !hidden.has(id)));
  const combined: Relation[] = [...relations];
  for (let i = 0; i < relations.length; i++)
    for (let j = i + 1; j < relations.length; j++)
      for (const sign of [1, -1]) {
        const terms = new Map<string, number>();
        for (const { id, coefficient } of relations[i] ?? [])
          terms.set(id, (terms.get(id) ?? 0) + coefficient);
        for (const { id, coefficient } of relations[j] ?? [])
          terms.set(id, (terms.get(id) ?? 0) + sign * coefficient);
        combined.push(
          [...terms].filter(([, c]) => c !== 0).map(([id, coefficient]) => ({ id, coefficient })),
        );
      }
  for (let changed = true; changed;) {
    changed = false;
    for (const relation of combined) {
      const unknown = relation.filter((t) => !known.has(t.id));
      if (unknown.length !== 1) continue;
      const [target] = unknown as [{ id: string; coefficient: number }];
      const rest = relation
        .filter((t) => t !== target)
        .reduce((sum, t) => sum + t.coefficient * (known.get(t.id) ?? 0), 0);
      known.set(target.id, -rest / target.coefficient);
      changed = true;
    }
  }
  // What the reader recovered that was hidden and is not zero.
  return [...hidden].filter((id) => known.has(id) && (values.get(id) ?? 0) !== 0);
}

// The reader who tries to undo small-number suppression: they hold every shown count and
// every sum that ties the counts together. They peel (a sum with one unknown left gives it
// away), also using sums and differences of any two sums (a total minus a row, one period
// minus another, one filter minus another), until nothing more comes out. Written apart
// from lib/dashboard/small-numbers.ts `derivable`, which the suppression itself uses, so
// that each checks the other.
import { quarterOf } from "@/lib/dashboard/definitions";
import type { Relation } from "@/lib/dashboard/small-numbers";

// Everything the reader can work out: the shown counts, and whatever peeling gives.
function attack(
  values: ReadonlyMap<string, number>,
  relations: readonly Relation[],
  hidden: ReadonlySet<string>,
  opts: { pairs: boolean },
): Map<string, number> {
  const known = new Map([...values].filter(([id]) => !hidden.has(id)));
  const combined: Relation[] = [...relations];
  if (opts.pairs)
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
  return known;
}

export function recoveredByAttack(
  values: ReadonlyMap<string, number>,
  relations: readonly Relation[],
  hidden: ReadonlySet<string>,
  opts: { pairs: boolean } = { pairs: true },
): string[] {
  const known = attack(values, relations, hidden, opts);
  // What the reader recovered that was hidden and is not zero.
  return [...hidden].filter((id) => known.has(id) && (values.get(id) ?? 0) !== 0);
}

// One published view (every table of it downloaded): the months it covers, its counts by id,
// the sums that tie them, and the ids it hid.
export type PublishedView = {
  months: readonly string[];
  values: ReadonlyMap<string, number>;
  relations: readonly Relation[];
  hidden: ReadonlySet<string>;
};

// The months a count of a view is about: a month's own, the view's months of a quarter,
// otherwise every month of the view (each count is a sum over the months of its reports).
function coverOf(id: string, months: readonly string[]): string[] {
  const month = /^(?:month|contacts)=(\d{4}-\d{2})/.exec(id)?.[1];
  if (month) return [month];
  const quarter = /^quarter=(\d{4}-Q\d)/.exec(id)?.[1];
  if (quarter) return months.filter((m) => quarterOf(m) === quarter);
  return [...months];
}

// The same quantity over the same months has the same name, whichever view shows it.
const keyOf = (id: string, cover: readonly string[]) => `${id}@${[...cover].sort().join(",")}`;

// Several views for different periods, held together. A reader who downloads them all
// knows, for every count, that its value over a period is the sum of its values over the
// pieces of that period (the months two periods share, and those they do not), and that
// every sum of a view holds piece by piece. So: all time minus the last 12 months gives
// each count for the months before; a year minus three of its quarters gives the fourth.
// Returns the published counts the reader learns although some view hid them ("exposed":
// hidden in one, shown in another, or worked out), and the counts over pieces of periods
// that no view published but the reader worked out from more than one view ("derived", with
// their values: a small one is a disclosure too).
export function attackAcrossPeriods(
  views: readonly PublishedView[],
  opts: { pairs: boolean } = { pairs: true },
): { exposed: string[]; derived: Map<string, number> } {
  // The pieces: months grouped by which views cover them.
  const signature = (m: string) => views.map((v) => (v.months.includes(m) ? 1 : 0)).join("");
  const pieces = new Map<string, string[]>();
  for (const m of new Set(views.flatMap((v) => v.months)))
    pieces.set(signature(m), [...(pieces.get(signature(m)) ?? []), m]);
  const values = new Map<string, number>();
  const shownSomewhere = new Set<string>();
  const hiddenSomewhere = new Set<string>();
  const relations: Relation[] = [];
  // Counts over a whole view's period, published or not: what one view alone already ties
  // together (docs/decisions/009-honest-figures.md says what that guarantees).
  const viewLevel = new Set<string>();
  const covers = new Map<string, { id: string; cover: string[] }>();
  const rename = (relation: Relation, cover: (id: string) => string[]): Relation =>
    relation
      .map((t) => ({ ...t, cover: cover(t.id) }))
      .filter((t) => t.cover.length > 0)
      .map((t) => ({ id: keyOf(t.id, t.cover), coefficient: t.coefficient }));
  for (const view of views) {
    const cover = (id: string) => coverOf(id, view.months);
    for (const [id, value] of view.values) {
      const key = keyOf(id, cover(id));
      covers.set(key, { id, cover: cover(id) });
      const before = values.get(key);
      if (before !== undefined && before !== value)
        throw new Error(`${key} is ${before} in one view and ${value} in another`);
      values.set(key, value);
      (view.hidden.has(id) ? hiddenSomewhere : shownSomewhere).add(key);
    }
    for (const relation of view.relations) {
      const whole = rename(relation, cover);
      relations.push(whole);
      for (const { id } of whole) viewLevel.add(id);
      // The same sum, piece by piece.
      for (const piece of pieces.values())
        if (piece.some((m) => view.months.includes(m)))
          relations.push(rename(relation, (id) => cover(id).filter((m) => piece.includes(m))));
    }
  }
  // A count over a period is the sum of its values over the pieces.
  for (const [key, { id, cover }] of covers) {
    const parts = [...pieces.values()]
      .map((piece) => cover.filter((m) => piece.includes(m)))
      .filter((part) => part.length > 0);
    if (parts.length > 1)
      relations.push([
        { id: key, coefficient: -1 },
        ...parts.map((part) => ({ id: keyOf(id, part), coefficient: 1 })),
      ]);
  }
  const unique = [
    ...new Map(
      relations.map((r) => [JSON.stringify([...r].sort((a, b) => a.id.localeCompare(b.id))), r]),
    ).values(),
  ].filter((r) => r.length > 0);
  const unknown = new Set([...values.keys()].filter((key) => !shownSomewhere.has(key)));
  const known = attack(values, unique, unknown, opts);
  const exposed = [...hiddenSomewhere].filter((key) => known.has(key) && (values.get(key) ?? 0) !== 0);
  const derived = new Map([...known].filter(([key]) => !values.has(key) && !viewLevel.has(key)));
  return { exposed: exposed.sort(), derived };
}

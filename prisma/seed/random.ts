// A small seeded pseudo-random generator, so the demo data is the same on every machine
// and every run (given the same "now"). Not for anything security-related.

// Each part of the demo draws from its own stream (see fork), so adding a contact template
// does not reshuffle every report after it.
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  // SplitMix32: a Weyl sequence scrambled by two multiply-xorshift rounds. Tiny, fast and
  // well distributed enough for sample data.
  next(): number {
    this.state = (this.state + 0x9e3779b9) >>> 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return ((z ^ (z >>> 16)) >>> 0) / 2 ** 32;
  }

  // Whole number from min to max inclusive.
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[this.int(0, items.length - 1)] as T;
  }

  // Entries are [value, weight]; weights need not add up to anything in particular.
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    const last = entries[entries.length - 1];
    if (!last) throw new Error("weighted pick from an empty list");
    return last[0];
  }

  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  }

  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items).slice(0, count);
  }

  fork(label: string): Random {
    return new Random(this.state ^ hashLabel(label));
  }
}

// FNV-1a: turns a stream's name into a seed.
function hashLabel(label: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) hash = Math.imul(hash ^ label.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

export const DEMO_SEED = 0x5317_2025;

export function demoRandom(stream: string): Random {
  return new Random(DEMO_SEED).fork(stream);
}

// Version 7 UUIDs (time-ordered, like the database default) stamped with the record's own
// date, so ids sort the way the story happened and are reproducible run to run.
export function idMaker(stream: string): (at: Date) => string {
  const random = demoRandom(`ids:${stream}`);
  const hex = (length: number) => Array.from({ length }, () => random.int(0, 15).toString(16)).join("");
  return (at) => {
    const time = Math.max(0, Math.floor(at.getTime())).toString(16).padStart(12, "0");
    const variant = random.int(8, 11).toString(16);
    return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
  };
}

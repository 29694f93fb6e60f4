// Suspects and their identifiers. Every identifier is stored as typed and as normalised by
// the app's own normaliser, which is how the link between reports appears in the demo.
import { IdentifierKind, type PerpetratorRelationship } from "@/lib/generated/prisma/enums";
import { normaliseIdentifier } from "@/lib/suspects/normalise";
import { SERIES, type SeriesKey } from "./key-cases";
import type { Random } from "./random";
import type { Scenario } from "./scenarios";

export type IdentifierPlan = { kind: IdentifierKind; value: string; normalised: string };
export type SuspectPlan = {
  description: string;
  relationship: PerpetratorRelationship;
  identifiers: IdentifierPlan[];
};

function identifier(kind: IdentifierKind, value: string): IdentifierPlan {
  const normalised = normaliseIdentifier(kind, value);
  // The seed's own values must all be valid; a failure here is a bug in the tables.
  if (normalised === null) throw new Error(`Demo identifier does not normalise: ${kind} ${value}`);
  return { kind, value, normalised };
}

// GB plates in the current format begin with a region letter; no region uses Z, so these
// look real but cannot belong to a real vehicle.
const PLATE_LETTERS = "ABCDEFGHJKLMNPRSTVWXY";
const AGE_IDENTIFIERS = ["15", "65", "16", "66", "17", "67", "18", "68", "69", "20", "70", "21"];
// Suspects' lines (600–999) are kept clear of the numbers given to people (100–250).
const HANDLE_WORDS = [
  ["quiet", "harbour", "midnight", "gentle", "north", "velvet", "silver"],
  ["caller", "visitor", "guy", "traveller", "gent"],
] as const;

function letters(random: Random, count: number): string {
  return Array.from({ length: count }, () => random.pick([...PLATE_LETTERS])).join("");
}

function randomPlate(random: Random): string {
  const plate = `Z${letters(random, 1)}${random.pick(AGE_IDENTIFIERS)} ${letters(random, 3)}`;
  return random.pick([plate, plate.toLowerCase(), plate.replace(" ", ""), plate.replace(" ", "-")]);
}

function randomPhone(random: Random): string {
  const line = random.int(600, 999);
  const digits = `7700900${line}`;
  return random.pick([
    `0${digits.slice(0, 4)} ${digits.slice(4)}`,
    `0${digits}`,
    `+44 (0)${digits.slice(0, 4)} ${digits.slice(4)}`,
    `+44${digits}`,
  ]);
}

function randomHandle(random: Random): string {
  const handle = `${random.pick(HANDLE_WORDS[0])}_${random.pick(HANDLE_WORDS[1])}${random.int(10, 99)}`;
  return random.chance(0.5) ? `@${handle}` : handle;
}

const MAKERS: Record<IdentifierKind, (random: Random) => string> = {
  VEHICLE_REGISTRATION: randomPlate,
  PHONE_NUMBER: randomPhone,
  ONLINE_HANDLE: randomHandle,
};

export function seriesSuspects(
  series: SeriesKey,
  occurrence: number,
  relationship: PerpetratorRelationship,
): SuspectPlan[] {
  return SERIES[series].map((s) => ({
    description: s.description,
    relationship,
    identifiers: s.identifiers.map(([kind, typings]) =>
      identifier(kind, typings[occurrence % typings.length] ?? typings[0] ?? ""),
    ),
  }));
}

// The normalised values the series use, to be reserved before any one-off is made.
export function seriesValues(): string[] {
  return Object.values(SERIES).flatMap((suspects) =>
    suspects.flatMap((s) =>
      s.identifiers.map(([kind, typings]) => identifier(kind, typings[0] ?? "").normalised),
    ),
  );
}

// `used` holds normalised values already handed out, so one-off suspects never link by
// accident: only the series are meant to.
export function oneOffSuspect(
  scenario: Scenario,
  name: string,
  relationship: PerpetratorRelationship,
  random: Random,
  used: Set<string>,
): SuspectPlan {
  const identifiers: IdentifierPlan[] = [];
  for (const kind of Object.values(IdentifierKind)) {
    if (!random.chance(scenario.identifiers[kind] ?? 0)) continue;
    let made = identifier(kind, MAKERS[kind](random));
    while (used.has(made.normalised)) made = identifier(kind, MAKERS[kind](random));
    used.add(made.normalised);
    identifiers.push(made);
  }
  return {
    description: random.pick(scenario.suspects).replaceAll("{name}", name),
    relationship,
    identifiers,
  };
}

// Liaison contacts that need not concern a crime: outreach, welfare checks, safety advice.
// Each respects the person's own contact-safety rules: only their safe methods, in the day.
import { ContactMethod, ContactType } from "@/lib/generated/prisma/enums";
import { addDays, atTime, DAY_MS, startOfDay } from "./dates";
import { isChild, PEOPLE, type PersonSketch } from "./people";
import type { Random } from "./random";
import type { Officer, ReportPlan } from "./reports";

export type ContactPlan = {
  person: number;
  report: number | null;
  officer: Officer;
  type: ContactType;
  method: ContactMethod;
  occurredAt: Date;
  notes: string;
  followUpOn: Date | null;
};

const T = ContactType;

// Officers call and text in the day, which also keeps clear of "not after 10pm" rules.
export function daytime(day: Date, random: Random): Date {
  return atTime(day, random.int(9, 17), random.int(0, 59));
}

export function methodFor(sketch: PersonSketch, random: Random, inPerson = false): ContactMethod {
  if (inPerson && sketch.methods.includes(ContactMethod.IN_PERSON)) return ContactMethod.IN_PERSON;
  return random.pick(sketch.methods);
}

// The person's language choice is used from first contact on (Welsh Language Standards).
export function inTheirLanguage(sketch: PersonSketch, note: string): string {
  if (sketch.welsh) return `${note} (Conversation in Welsh.)`;
  if (sketch.interpreter) return `${note} (${sketch.interpreter} used.)`;
  return note;
}

const NOTES: Partial<Record<ContactType, readonly string[]>> = {
  OUTREACH: [
    "Met on the evening outreach round with Demo Health Outreach. Gave the unit's card and a personal alarm.",
    "Introduced the liaison role. {name} was wary of police but took the number.",
    "Checked in on the outreach round. No concerns raised tonight.",
    "Shared the latest alert about a car seen in the area and how to pass on details.",
  ],
  WELFARE_CHECK: [
    "Checked how {name} is doing. Says things are calmer; no new concerns.",
    "Welfare call. {name} is working indoors for now and feels safer.",
    "{name} sounded low; talked through support options. {name} will think about a referral.",
    "Quick check-in. {name} is fine and knows how to reach the unit.",
  ],
  SAFETY_ADVICE: [
    "Talked through screening new bookings and sharing details with a friend before outcalls.",
    "Explained the ways to report, including passing information on anonymously, and how it is used.",
    "Went through phone privacy settings and blocking numbers.",
    "Told {name} about the National Ugly Mugs alerts and how to sign up.",
  ],
  OTHER: [
    "{name} asked about getting property back from an earlier case; passed to the property office.",
    "{name} asked for a letter confirming contact with the unit for a housing application; letter sent.",
  ],
};

function note(type: ContactType, sketch: PersonSketch, random: Random): string {
  const text = random.pick(NOTES[type] ?? NOTES.OTHER ?? []).replaceAll("{name}", sketch.name);
  return inTheirLanguage(sketch, text);
}

function contact(person: number, type: ContactType, day: Date, random: Random): ContactPlan {
  const sketch = PEOPLE[person] as PersonSketch;
  const outreach = type === T.OUTREACH;
  // Outreach rounds run in the evening, when street-based work does.
  const occurredAt = outreach ? atTime(day, random.int(19, 21), random.int(0, 59)) : daytime(day, random);
  const followUp =
    type === T.WELFARE_CHECK && random.chance(0.4) ? addDays(startOfDay(day), random.int(7, 14)) : null;
  return {
    person,
    report: null,
    officer: random.weighted([
      ["officer", 6],
      ["officer2", 4],
      ["supervisor", 1],
    ]),
    type,
    method: methodFor(sketch, random, outreach),
    occurredAt,
    notes: note(type, sketch, random),
    followUpOn: followUp,
  };
}

function typeFor(sketch: PersonSketch, random: Random): ContactType {
  const meets = sketch.methods.includes(ContactMethod.IN_PERSON);
  return random.weighted([
    [T.OUTREACH, meets ? 50 : 0],
    [T.WELFARE_CHECK, 22],
    [T.SAFETY_ADVICE, 25],
    [T.OTHER, 6],
  ]);
}

// `count` contacts not tied to any report: first those that give everyone some history,
// then welfare checks in the weeks after reports, then the everyday rest. These notes speak
// to adults about their work, so a child gets none of them: a child's contact goes through
// children's services and is tied to the safeguarding case.
export function planGeneralContacts(
  reports: readonly ReportPlan[],
  now: Date,
  count: number,
  random: Random,
): ContactPlan[] {
  const contacts: ContactPlan[] = [];
  const lastDay = startOfDay(addDays(now, -1));
  const randomDay = () => startOfDay(new Date(now.getTime() - random.int(1, 725) * DAY_MS));
  const reported = new Set(reports.map((r) => r.person));
  PEOPLE.forEach((sketch, person) => {
    if (reported.has(person) || isChild(sketch)) return;
    contacts.push(contact(person, typeFor(sketch, random), randomDay(), random));
    contacts.push(contact(person, T.SAFETY_ADVICE, randomDay(), random));
  });
  const adults = reports.filter((r) => !isChild(PEOPLE[r.person] as PersonSketch));
  for (const report of random.sample(adults, Math.round(reports.length * 0.3))) {
    const day = addDays(startOfDay(report.reportedAt), random.int(2, 21));
    if (day <= lastDay) contacts.push(contact(report.person, T.WELFARE_CHECK, day, random));
  }
  const weights = PEOPLE.map((p, i) => [i, isChild(p) ? 0 : p.reports + 1] as const);
  while (contacts.length < count) {
    const person = random.weighted(weights);
    contacts.push(contact(person, typeFor(PEOPLE[person] as PersonSketch, random), randomDay(), random));
  }
  return contacts.slice(0, count);
}

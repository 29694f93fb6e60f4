// What the person is told about their case. Victims' Code right 6: after each key decision
// the police owe one update, on that report, within 5 working days (1 with enhanced rights).
// The decisions and deadlines are the app's own (lib/victims-code); a charge and its outcome
// 1 are one decision, and outcome 20 (the person was already told) opens none. Most updates
// are met by a CASE_UPDATE contact on the same report, some late; a few are still owed.
import {
  CaseEventType as E,
  ContactType,
  CourtResult,
  HomeOfficeOutcome as O,
  ReleaseType,
  ReportStatus,
} from "@/lib/generated/prisma/enums";
import {
  ENHANCED_WORKING_DAYS,
  opensVictimUpdate,
  STANDARD_WORKING_DAYS,
  updateDueBy,
} from "@/lib/victims-code/key-decisions";
import { addWorkingDays } from "@/lib/victims-code/working-days";
import { addDays, atTime, daysBetween, startOfDay } from "./dates";
import { daytime, inTheirLanguage, methodFor, type ContactPlan } from "./contacts";
import { PEOPLE, type PersonSketch } from "./people";
import type { Random } from "./random";
import type { DatedEvent, ReportPlan } from "./reports";

export type UpdatePlan = { report: number; event: number; dueBy: Date; contact: number | null };

const OVERDUE_LEFT_OPEN = 3;

// What happened to the suspect, as a phrase that follows "the suspect has been".
function told(event: DatedEvent): string {
  if (event.type === E.ARRESTED) return "arrested";
  if (event.type === E.INTERVIEWED_UNDER_CAUTION) return "interviewed under caution";
  if (event.releaseType === ReleaseType.BAIL) return "released on bail with conditions not to contact {name}";
  if (event.releaseType === ReleaseType.UNDER_INVESTIGATION)
    return "released under investigation while enquiries continue";
  return "released with no further action (reasons explained)";
}

const OUTCOME_NOTES: Partial<Record<O, string>> = {
  OUTCOME_14:
    "Confirmed with {name} that the investigation has closed, as {name} asked, and that it can be reopened if {name} changes their mind.",
  OUTCOME_16:
    "Confirmed with {name} that the investigation has closed, as {name} asked, and that it can be reopened if {name} changes their mind.",
  OUTCOME_15:
    "Explained that the investigation has ended because the evidence does not meet the test to charge, and that it can be reopened if anything new comes to light.",
  OUTCOME_18:
    "Told {name} the investigation has closed as no suspect could be identified. The details stay on record and will be linked if the same person is reported again.",
  OUTCOME_21:
    "Explained the decision not to investigate further, the reasons for it, and how to ask for a review.",
  OUTCOME_22:
    "Told {name} that the suspect completed the course agreed and that no further action will be taken.",
};

function sentenceFor(event: DatedEvent): string | null {
  if (event.type === E.CHARGED)
    return `Told {name} that the suspect has been charged with ${(event.offence ?? "the offence").toLowerCase()}, and what happens next.`;
  if (event.type === E.DECISION_NOT_TO_INVESTIGATE)
    return "Explained the decision not to investigate further, the reasons for it, and how to ask for a review.";
  if (event.type === E.OUTCOME_RECORDED) return (event.outcome && OUTCOME_NOTES[event.outcome]) ?? null;
  return null;
}

function updateNote(events: readonly DatedEvent[], sketch: PersonSketch): string {
  const phrases = events
    .filter((e) => e.type === E.ARRESTED || e.type === E.INTERVIEWED_UNDER_CAUTION || e.type === E.RELEASED)
    .map(told);
  const list =
    phrases.length > 1
      ? `${phrases.slice(0, -1).join(", ")} and ${phrases[phrases.length - 1]}`
      : (phrases[0] ?? "");
  const sentences = [
    ...(list ? [`Told {name} that the suspect has been ${list}.`] : []),
    ...new Set(events.map(sentenceFor).filter((x): x is string => x !== null)),
  ];
  return sentences.join(" ").replaceAll("{name}", sketch.name);
}

type Builder = { contacts: ContactPlan[]; updates: UpdatePlan[]; now: Date; random: Random };

function addContact(
  b: Builder,
  reportIndex: number,
  report: ReportPlan,
  type: ContactType,
  at: Date,
  notes: string,
  inPerson = false,
  followUpOn: Date | null = null,
): number | null {
  if (at >= b.now) return null;
  const sketch = PEOPLE[report.person] as PersonSketch;
  b.contacts.push({
    person: report.person,
    report: reportIndex,
    officer: report.assignee,
    type,
    method: methodFor(sketch, b.random, inPerson),
    occurredAt: at,
    notes: inTheirLanguage(sketch, notes.replaceAll("{name}", sketch.name)),
    followUpOn,
  });
  return b.contacts.length - 1;
}

function victimUpdates(
  b: Builder,
  reportIndex: number,
  report: ReportPlan,
  overdueBudget: { left: number },
): void {
  const sketch = PEOPLE[report.person] as PersonSketch;
  // Decisions taken the same day are told in one contact, but each is its own update.
  const groups = new Map<number, number[]>();
  report.events.forEach((event, i) => {
    if (opensVictimUpdate(report.events.slice(0, i), event))
      groups.set(event.on.getTime(), [...(groups.get(event.on.getTime()) ?? []), i]);
  });
  const workingDays = report.enhancedRights ? ENHANCED_WORKING_DAYS : STANDARD_WORKING_DAYS;
  [...groups.values()].forEach((indices, g) => {
    const on = report.events[indices[0] ?? 0]?.on as Date;
    const due = addWorkingDays(on, workingDays);
    const dueBy = updateDueBy(on, report.enhancedRights);
    const planned = indices.map((event) => ({
      report: reportIndex,
      event,
      dueBy,
      contact: null as number | null,
    }));
    b.updates.push(...planned);
    // Still in time: the officer has not been in touch yet.
    if (dueBy >= b.now) return;
    const latestOfOpen = report.status === ReportStatus.OPEN && g === groups.size - 1;
    if (latestOfOpen && overdueBudget.left > 0) {
      overdueBudget.left--;
      return;
    }
    const late = b.random.chance(0.12);
    const day = late ? addDays(due, b.random.int(1, 4)) : addDays(on, b.random.int(0, daysBetween(on, due)));
    const contact = addContact(
      b,
      reportIndex,
      report,
      ContactType.CASE_UPDATE,
      daytime(day, b.random),
      updateNote(
        indices.map((i) => report.events[i] as DatedEvent),
        sketch,
      ),
    );
    for (const update of planned) update.contact = contact;
  });
}

function courtContacts(b: Builder, reportIndex: number, report: ReportPlan): void {
  const find = (type: E) => report.events.find((e) => e.type === type);
  const charged = find(E.CHARGED);
  const result = find(E.COURT_RESULT);
  const sentence = find(E.SENTENCE);
  if (!charged) return;
  if (!result) {
    const visit = addDays(charged.on, b.random.int(14, 40));
    const trial = startOfDay(addDays(b.now, b.random.int(20, 60)));
    addContact(
      b,
      reportIndex,
      report,
      ContactType.COURT_SUPPORT,
      daytime(visit, b.random),
      "Talked through what happens at trial and the special measures applied for. Court familiarisation visit to be booked before the trial date.",
      true,
      trial,
    );
    return;
  }
  if (result.courtResult === CourtResult.DISCONTINUED) {
    addContact(
      b,
      reportIndex,
      report,
      ContactType.CASE_UPDATE,
      daytime(result.on, b.random),
      "Told {name} in person that the CPS has discontinued the case, and why. Explained the Victims' Right to Review scheme.",
      true,
    );
    return;
  }
  const visit = addDays(result.on, -b.random.int(7, 21));
  if (visit > charged.on)
    addContact(
      b,
      reportIndex,
      report,
      ContactType.COURT_SUPPORT,
      daytime(visit, b.random),
      "Court familiarisation visit with the witness service; screens agreed as a special measure.",
      true,
    );
  addContact(
    b,
    reportIndex,
    report,
    ContactType.COURT_SUPPORT,
    atTime(result.on, 16, b.random.int(0, 59)),
    "Supported {name} at court and was there for the verdict.",
    true,
  );
  if (sentence)
    addContact(
      b,
      reportIndex,
      report,
      ContactType.CASE_UPDATE,
      daytime(sentence.on, b.random),
      "Told {name} the sentence and explained the Victim Contact Scheme.",
    );
}

// Contacts here are all linked to their report. Newest reports are visited first so the
// few updates left overdue are recent ones, as a supervisor would expect to find them.
export function planCaseContacts(
  reports: readonly ReportPlan[],
  now: Date,
  random: Random,
): { contacts: ContactPlan[]; updates: UpdatePlan[] } {
  const b: Builder = { contacts: [], updates: [], now, random };
  const overdueBudget = { left: OVERDUE_LEFT_OPEN };
  for (let i = reports.length - 1; i >= 0; i--) {
    const report = reports[i] as ReportPlan;
    victimUpdates(b, i, report, overdueBudget);
    courtContacts(b, i, report);
  }
  return b;
}

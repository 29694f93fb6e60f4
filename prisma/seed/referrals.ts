// Referrals to the two partner agencies. Each rests on the person's recorded consent, which
// lists what the agency may be told (lib/consent/state CONSENT_FIELDS); the officer shares
// some or all of it. One rests instead on a supervisor's decision to share without consent
// (an adult at high risk), recorded apart from consent. Each agency's list holds every state:
// new ones (some unanswered for over five working days, so the officer's home page shows
// them overdue), accepted ones with the agency's updates, declined and closed ones. A few
// consents lapsed: one per agency was withdrawn, so its referral stays listed as WITHDRAWN
// with what was shared erased and the agency told to erase its copy (one agency has
// confirmed it, one not yet); one consent expired, which stops new referrals but leaves
// what was already sent as it was.
import {
  ConsentMethod,
  ContactMethod,
  ContactType,
  LawfulBasis,
  ReferralStatus,
  ReportingRoute,
  WorkSetting,
  type ConsentField,
} from "@/lib/generated/prisma/enums";
import { CONSENT_FIELDS } from "@/lib/consent/state";
import { DEMO_ACCOUNTS, DEMO_ORGANISATIONS } from "./accounts";
import { daytime, inTheirLanguage, methodFor, type ContactPlan } from "./contacts";
import { addDays, DAY_MS, daysBetween, earliest, startOfDay } from "./dates";
import { isChild, PEOPLE, type PersonSketch } from "./people";
import type { Random } from "./random";
import {
  acceptedSince,
  acceptedUntil,
  answerAll,
  UNANSWERED,
  type ReferralAnswer,
  type ReferralUpdatePlan,
} from "./referral-answers";
import type { Agency } from "./report-details";
import type { Officer, ReportPlan } from "./reports";

export type ConsentPlan = {
  scope: string;
  fields: ConsentField[];
  method: ConsentMethod;
  givenAt: Date;
  expiresAt: Date | null;
  withdrawnAt: Date | null;
  withdrawalMethod: ConsentMethod | null;
  withdrawnBy: Officer | null;
};

export type OverridePlan = {
  basis: LawfulBasis;
  reason: string;
  fields: ConsentField[];
  approvedBy: "supervisor";
  at: Date;
};

export type ReferralPlan = ReferralAnswer & {
  person: number;
  report: number | null;
  agency: Agency;
  createdBy: Officer;
  createdAt: Date;
  reason: string;
  supportNeeded: string;
  contactNote: string;
  officerContact: string;
  sharedFields: ConsentField[];
  // Exactly one of the two, as the database requires.
  consent: ConsentPlan | null;
  override: OverridePlan | null;
  withdrawnAt: Date | null;
  erasureAcknowledgedAt: Date | null;
};

export type { ReferralUpdatePlan };

const LINKED = 17;
const UNLINKED = 8;

// The referral journey (tests/e2e/referrals.spec.ts) starts from a person with no consents.
const KEPT_WITHOUT_CONSENT = "Marnie";

type Offer = { agency: Agency; reason: string; need: string; fits: readonly string[] | "any" };

// Reason and support are written for the agency: why the person is referred, in general terms.
const OFFERS: readonly Offer[] = [
  {
    agency: "womensAid",
    reason: "Reported a sexual offence to the unit and would like independent support.",
    need: "ISVA support through the investigation and any trial.",
    fits: ["rape", "sexual-assault", "condom-removal"],
  },
  {
    agency: "womensAid",
    reason: "Has experienced violence from an ex-partner and wants help to stay safe.",
    need: "Safety planning and advocacy after violence from an ex-partner.",
    fits: ["partner-assault"],
  },
  {
    agency: "womensAid",
    reason: "Someone keeps contacting and following them, and they want it to stop.",
    need: "Safety planning: someone keeps contacting and following them.",
    fits: ["harassment"],
  },
  {
    agency: "womensAid",
    reason: "Shaken after a violent incident reported to the unit.",
    need: "Emotional support after a violent incident.",
    fits: ["outcall-robbery", "car-assault", "street-assault", "street-hate"],
  },
  {
    agency: "womensAid",
    reason: "Does not feel safe where they live now.",
    need: "Help to find safer accommodation.",
    fits: ["controller", "harassment", "partner-assault"],
  },
  {
    agency: "health",
    reason: "Asked for a sexual health check after an incident reported to the unit.",
    need: "Sexual health check-up; would like an appointment outside clinic hours.",
    fits: ["condom-removal", "rape"],
  },
  {
    agency: "health",
    reason: "Works on the street and wants regular contact with the outreach team.",
    need: "Regular contact through the outreach van; a personal alarm.",
    fits: ["car-assault", "street-assault", "street-hate"],
  },
  {
    agency: "womensAid",
    reason: "Asked the liaison officer for someone to talk to.",
    need: "One-to-one support and someone to talk to.",
    fits: "any",
  },
  {
    agency: "health",
    reason: "Not registered with a GP, and asked for help with their health.",
    need: "Help to register with a GP and get mental health support.",
    fits: "any",
  },
];

const STREET_OFFER: Offer = {
  agency: "health",
  reason: "Asked about harm reduction support during an outreach visit.",
  need: "Drug and alcohol harm reduction support.",
  fits: "any",
};

const METHOD_WORDS: Record<ContactMethod, string> = {
  IN_PERSON: "in person",
  PHONE_CALL: "phone call",
  TEXT_MESSAGE: "text",
  EMAIL: "email",
  VIDEO_CALL: "video call",
  VIA_PARTNER_AGENCY: "through a partner agency",
  OTHER: "other arrangement",
};

const FIELD_WORDS: Record<ConsentField, string> = {
  WORKING_NAME: "their working name",
  CONTACT_SAFETY: "how to contact them safely",
  LANGUAGE_AND_ACCESS: "their language and access needs",
  REFERRAL_REASON: "why they are referred",
  SUPPORT_NEEDED: "the support they want",
  INCIDENT_SUMMARY: "what happened, in general terms",
};

// Phone numbers from Ofcom's range reserved for drama (01632 960000–960999).
const OFFICER_PHONES: Record<Officer, string> = {
  officer: "01632 960241",
  officer2: "01632 960318",
  supervisor: "01632 960402",
};

function officerContact(officer: Officer): string {
  const name = DEMO_ACCOUNTS.find((a) => a.key === officer)?.name ?? "";
  return `${name}, ${OFFICER_PHONES[officer]}`;
}

// Written for the agency: how to reach the person safely, nothing about what happened.
function contactNote(sketch: PersonSketch): string {
  const words = sketch.methods.map((m) => METHOD_WORDS[m]);
  const methods =
    words.length > 1 ? `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}` : words[0];
  const parts = [`Safe to contact: ${methods}`];
  if (sketch.times) parts.push(`Best time: ${sketch.times}`);
  if (sketch.rules) parts.push(sketch.rules);
  if (sketch.welsh) parts.push("Would like contact in Welsh");
  if (sketch.interpreter) parts.push(`Needs a ${sketch.interpreter}`);
  return `${parts.join(". ")}.`;
}

function consentMethod(sketch: PersonSketch, random: Random): ConsentMethod {
  const viaAgency = sketch.methods.includes(ContactMethod.VIA_PARTNER_AGENCY) ? 4 : 0;
  return random.weighted([
    [ConsentMethod.VERBAL, 5],
    [ConsentMethod.WRITTEN, 2],
    [ConsentMethod.ELECTRONIC, 2],
    [ConsentMethod.VIA_PARTNER_AGENCY, viaAgency],
  ]);
}

// What the person agreed may be shared: always who they are, how to reach them and what
// they want; language and access needs where they have any; the incident only when the
// referral comes from a report.
function consentFields(sketch: PersonSketch, linked: boolean, random: Random): ConsentField[] {
  const chosen = new Set<ConsentField>(["WORKING_NAME", "CONTACT_SAFETY", "SUPPORT_NEEDED"]);
  if (random.chance(0.85)) chosen.add("REFERRAL_REASON");
  if (sketch.welsh || sketch.interpreter || sketch.access || random.chance(0.2))
    chosen.add("LANGUAGE_AND_ACCESS");
  if (linked && random.chance(0.4)) chosen.add("INCIDENT_SUMMARY");
  return CONSENT_FIELDS.filter((f) => chosen.has(f));
}

// The officer sends the essentials and most of the rest: never more than was agreed.
function sharedOf(allowed: readonly ConsentField[], random: Random): ConsentField[] {
  const essential: readonly ConsentField[] = ["WORKING_NAME", "CONTACT_SAFETY", "SUPPORT_NEEDED"];
  return allowed.filter((f) => essential.includes(f) || random.chance(0.75));
}

function fieldList(fields: readonly ConsentField[]): string {
  const words = fields.map((f) => FIELD_WORDS[f]);
  return words.length > 1 ? `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}` : words[0]!;
}

function referral(
  person: number,
  report: number | null,
  offer: Offer,
  createdAt: Date,
  createdBy: Officer,
  random: Random,
): ReferralPlan {
  const sketch = PEOPLE[person] as PersonSketch;
  const agencyName = DEMO_ORGANISATIONS[offer.agency].name;
  const method = consentMethod(sketch, random);
  const givenAt = new Date(
    createdAt.getTime() - (method === ConsentMethod.WRITTEN ? DAY_MS : random.int(5, 90) * 60_000),
  );
  const fields = consentFields(sketch, report !== null, random);
  return {
    ...UNANSWERED,
    person,
    report,
    agency: offer.agency,
    createdBy,
    createdAt,
    reason: offer.reason,
    supportNeeded: offer.need,
    contactNote: contactNote(sketch),
    officerContact: officerContact(createdBy),
    sharedFields: sharedOf(fields, random),
    consent: {
      scope: `${sketch.name} agreed that ${agencyName} may be told ${fieldList(fields)}. Nothing else.`,
      fields,
      method,
      givenAt,
      expiresAt: null,
      withdrawnAt: null,
      withdrawalMethod: null,
      withdrawnBy: null,
    },
    override: null,
    withdrawnAt: null,
    erasureAcknowledgedAt: null,
  };
}

const OVERRIDE_FIELDS: ConsentField[] = [
  "WORKING_NAME",
  "CONTACT_SAFETY",
  "REFERRAL_REASON",
  "SUPPORT_NEEDED",
];

// The high-risk case (key-cases.ts): when the risk rose to high, the supervisor approved
// sharing the minimum with Women's Aid so that refuge space could be offered, without the
// person's consent, on the lawful basis of an adult at risk.
function overrideReferral(reports: readonly ReportPlan[], now: Date, random: Random): ReferralPlan | null {
  const index = reports.findIndex((r) => r.tag === "highRisk");
  const report = reports[index];
  if (!report) return null;
  const sketch = PEOPLE[report.person] as PersonSketch;
  const createdAt = earliest(
    daytime(addDays(report.reportedAt, 28), random),
    new Date(now.getTime() - 2 * DAY_MS),
  );
  return {
    ...UNANSWERED,
    person: report.person,
    report: index,
    agency: "womensAid",
    createdBy: report.assignee,
    createdAt,
    reason: "At high risk of serious harm from an ex-partner, and needs a safe place to stay.",
    supportNeeded: "Refuge space and safety planning, as soon as possible.",
    contactNote: contactNote(sketch),
    officerContact: officerContact(report.assignee),
    sharedFields: OVERRIDE_FIELDS,
    consent: null,
    override: {
      basis: LawfulBasis.ADULT_AT_RISK,
      reason:
        `Risk reassessed as high: the ex-partner has sent threats to ${sketch.name} through friends while on bail, ` +
        `and knows the address. ${sketch.name} did not want a referral when asked last month. Refuge space is needed ` +
        `now; only the working name, safe contact rules, reason and support requested are shared, so that ` +
        `${DEMO_ORGANISATIONS.womensAid.name} can offer it safely.`,
      fields: OVERRIDE_FIELDS,
      approvedBy: "supervisor",
      at: new Date(createdAt.getTime() - 30 * 60_000),
    },
    withdrawnAt: null,
    erasureAcknowledgedAt: null,
  };
}

// The person's newest open report before `at`, so a new referral belongs to their case.
function openCaseOf(person: number, reports: readonly ReportPlan[], at: Date): number | null {
  let found: number | null = null;
  reports.forEach((r, i) => {
    if (r.person === person && r.status === "OPEN" && r.reportedAt < at) {
      if (found === null || (reports[found] as ReportPlan).reportedAt < r.reportedAt) found = i;
    }
  });
  return found;
}

// Per agency, one referral sent in the last three days and one unanswered for two weeks.
function unansweredReferrals(
  reports: readonly ReportPlan[],
  weights: readonly (readonly [number, number])[],
  now: Date,
  random: Random,
): ReferralPlan[] {
  const planned: ReferralPlan[] = [];
  for (const agency of ["womensAid", "health"] as const) {
    for (const daysAgo of [random.int(1, 3), random.int(10, 16)]) {
      const person = random.weighted(weights);
      const createdAt = earliest(daytime(addDays(now, -daysAgo), random), addDays(now, -1));
      const report = openCaseOf(person, reports, createdAt);
      const scenario = report === null ? null : (reports[report] as ReportPlan).scenario.key;
      const offers = OFFERS.filter(
        (o) => o.agency === agency && (o.fits === "any" || (scenario !== null && o.fits.includes(scenario))),
      );
      planned.push(referral(person, report, random.pick(offers), createdAt, pickOfficer(random), random));
    }
  }
  return planned;
}

function pickOfficer(random: Random): Officer {
  return random.weighted([
    ["officer", 5],
    ["officer2", 4],
    ["supervisor", 1],
  ]);
}

// Consent that lapsed: one withdrawn per agency, the first agency's erasure confirmed, and
// one time-limited consent now expired. A few recent ones carry a future expiry date.
function lapseSome(referrals: ReferralPlan[], now: Date, random: Random): void {
  const old = referrals.filter((r) => r.consent && daysBetween(r.createdAt, now) > 120);
  const withdrawn = (["womensAid", "health"] as const).flatMap((agency) =>
    random.sample(
      old.filter((r) => r.agency === agency),
      1,
    ),
  );
  withdrawn.forEach((r, i) => {
    const consent = r.consent as ConsentPlan;
    const sketch = PEOPLE[r.person] as PersonSketch;
    const at = daytime(addDays(r.createdAt, random.int(10, 60)), random);
    Object.assign(r, acceptedUntil(r.agency, r.createdAt, at, random));
    consent.withdrawnAt = at;
    consent.withdrawalMethod = sketch.methods.includes(ContactMethod.VIA_PARTNER_AGENCY)
      ? ConsentMethod.VIA_PARTNER_AGENCY
      : ConsentMethod.VERBAL;
    consent.withdrawnBy = r.createdBy;
    r.status = ReferralStatus.WITHDRAWN;
    r.withdrawnAt = at;
    if (i === 0) r.erasureAcknowledgedAt = daytime(addDays(at, random.int(1, 3)), random);
  });
  const [expired] = random.sample(
    old.filter((r) => !withdrawn.includes(r)),
    1,
  );
  if (expired?.consent) expired.consent.expiresAt = addDays(expired.consent.givenAt, 90);
  for (const r of referrals.filter(
    (x) => x.consent && daysBetween(x.createdAt, now) < 200 && !x.withdrawnAt,
  )) {
    const consent = r.consent as ConsentPlan;
    if (random.chance(0.3)) consent.expiresAt = addDays(consent.givenAt, 365);
  }
}

function followUp(r: ReferralPlan, random: Random, now: Date): ContactPlan | null {
  const sketch = PEOPLE[r.person] as PersonSketch;
  const agencyName = DEMO_ORGANISATIONS[r.agency].name;
  const [day, text] = r.withdrawnAt
    ? [
        r.withdrawnAt,
        `${sketch.name} asked that nothing more be shared with ${agencyName}. Consent withdrawal recorded.`,
      ]
    : r.status === ReferralStatus.DECLINED
      ? [
          addDays(r.createdAt, random.int(7, 14)),
          `${agencyName} could not take the referral; talked through other options with ${sketch.name}.`,
        ]
      : [
          addDays(r.createdAt, random.int(7, 21)),
          `Checked that ${agencyName} had been in touch; ${sketch.name} has a first appointment.`,
        ];
  const occurredAt = r.withdrawnAt ?? daytime(day, random);
  if (occurredAt >= now || (!r.withdrawnAt && r.status === ReferralStatus.SENT)) return null;
  return {
    person: r.person,
    report: null,
    officer: r.createdBy,
    type: ContactType.REFERRAL_FOLLOW_UP,
    method: methodFor(sketch, random),
    occurredAt,
    notes: inTheirLanguage(sketch, text),
    followUpOn: null,
  };
}

export function planReferrals(
  reports: readonly ReportPlan[],
  now: Date,
  random: Random,
): { referrals: ReferralPlan[]; followUps: ContactPlan[] } {
  // A child is referred to children's services (a safeguarding record), never to these
  // agencies; the person shared on the supervisor's decision has no consent to refer on.
  const override = overrideReferral(reports, now, random.fork("override"));
  const referable = (person: number) => {
    const sketch = PEOPLE[person] as PersonSketch;
    return !isChild(sketch) && sketch.name !== KEPT_WITHOUT_CONSENT && person !== override?.person;
  };
  const referrals: ReferralPlan[] = [];
  const candidates = random.shuffle(
    reports
      .map((r, i) => [r, i] as const)
      .filter(([r]) => r.route !== ReportingRoute.ANONYMOUS_INTELLIGENCE && referable(r.person)),
  );
  for (const [report, index] of candidates) {
    if (referrals.length >= LINKED) break;
    const offers = OFFERS.filter((o) => o.fits === "any" || o.fits.includes(report.scenario.key));
    const createdAt = daytime(addDays(report.reportedAt, random.int(0, 10)), random);
    if (createdAt >= now) continue;
    referrals.push(referral(report.person, index, random.pick(offers), createdAt, report.assignee, random));
  }
  const weights = PEOPLE.map(
    (p, i) => [i, !referable(i) ? 0 : p.setting === WorkSetting.STREET ? 3 : 1] as const,
  );
  for (let i = 0; i < UNLINKED; i++) {
    const person = random.weighted(weights);
    const offer =
      PEOPLE[person]?.setting === WorkSetting.STREET && random.chance(0.5)
        ? STREET_OFFER
        : random.pick(OFFERS.filter((o) => o.fits === "any"));
    const createdAt = daytime(startOfDay(new Date(now.getTime() - random.int(2, 720) * DAY_MS)), random);
    referrals.push(referral(person, null, offer, createdAt, pickOfficer(random), random));
  }
  // Anything under a week old still waits for an answer; the rest were answered.
  const answered = referrals.filter((r) => daysBetween(r.createdAt, now) >= 7);
  lapseSome(answered, now, random);
  const answers = answerAll(
    answered.filter((r) => !r.withdrawnAt),
    now,
    random.fork("answers"),
  );
  for (const [r, a] of answers) Object.assign(r, a);
  referrals.push(...unansweredReferrals(reports, weights, now, random.fork("unanswered")));
  if (override)
    referrals.push(Object.assign(override, acceptedSince("womensAid", override.createdAt, now, random)));
  referrals.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  // Not every referral needs chasing; a withdrawal of consent is always written down.
  const followUps = referrals
    .filter((r) => r.withdrawnAt || random.chance(0.6))
    .map((r) => followUp(r, random, now))
    .filter((c): c is ContactPlan => c !== null);
  return { referrals, followUps };
}

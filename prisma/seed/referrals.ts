// Referrals to the two partner agencies, each resting on the person's recorded consent.
// The agency sees only what the person agreed: a working name, how to make contact safely
// and what support is wanted. A few consents were later withdrawn or have expired, so
// those referrals must disappear from the agency's view.
import {
  ConsentMethod,
  ContactMethod,
  ContactType,
  ReferralStatus,
  ReportingRoute,
  WorkSetting,
} from "@/lib/generated/prisma/enums";
import { DEMO_ORGANISATIONS } from "./accounts";
import { daytime, inTheirLanguage, methodFor, type ContactPlan } from "./contacts";
import { addDays, DAY_MS, daysBetween, startOfDay } from "./dates";
import { PEOPLE, type PersonSketch } from "./people";
import type { Random } from "./random";
import type { Agency } from "./report-details";
import type { Officer, ReportPlan } from "./reports";

export type ConsentPlan = {
  scope: string;
  method: ConsentMethod;
  givenAt: Date;
  expiresAt: Date | null;
  withdrawnAt: Date | null;
};
export type ReferralPlan = {
  person: number;
  report: number | null;
  agency: Agency;
  createdBy: Officer;
  createdAt: Date;
  supportNeeded: string;
  contactNote: string;
  status: ReferralStatus;
  respondedAt: Date | null;
  consent: ConsentPlan;
};

const LINKED = 17;
const UNLINKED = 8;

type Offer = { agency: Agency; need: string; fits: readonly string[] | "any" };

const OFFERS: readonly Offer[] = [
  {
    agency: "womensAid",
    need: "ISVA support through the investigation and any trial.",
    fits: ["rape", "sexual-assault", "condom-removal"],
  },
  {
    agency: "womensAid",
    need: "Safety planning and advocacy after violence from an ex-partner.",
    fits: ["partner-assault"],
  },
  {
    agency: "womensAid",
    need: "Safety planning: someone keeps contacting and following them.",
    fits: ["harassment"],
  },
  {
    agency: "womensAid",
    need: "Emotional support after a violent incident.",
    fits: ["outcall-robbery", "car-assault", "street-assault", "street-hate"],
  },
  {
    agency: "womensAid",
    need: "Help to find safer accommodation.",
    fits: ["controller", "harassment", "partner-assault"],
  },
  {
    agency: "health",
    need: "Sexual health check-up; would like an appointment outside clinic hours.",
    fits: ["condom-removal", "rape"],
  },
  {
    agency: "health",
    need: "Regular contact through the outreach van; a personal alarm.",
    fits: ["car-assault", "street-assault", "street-hate"],
  },
  { agency: "womensAid", need: "One-to-one support and someone to talk to.", fits: "any" },
  { agency: "health", need: "Help to register with a GP and get mental health support.", fits: "any" },
];

const STREET_OFFER: Offer = {
  agency: "health",
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

function referral(
  person: number,
  report: number | null,
  offer: Offer,
  createdAt: Date,
  createdBy: Officer,
  now: Date,
  random: Random,
): ReferralPlan {
  const sketch = PEOPLE[person] as PersonSketch;
  const agencyName = DEMO_ORGANISATIONS[offer.agency].name;
  const method = consentMethod(sketch, random);
  const givenAt = new Date(
    createdAt.getTime() - (method === ConsentMethod.WRITTEN ? DAY_MS : random.int(5, 90) * 60_000),
  );
  const fresh = daysBetween(createdAt, now) < 7;
  const status = fresh
    ? ReferralStatus.SENT
    : random.weighted([
        [ReferralStatus.ACCEPTED, 45],
        [ReferralStatus.CLOSED, 35],
        [ReferralStatus.DECLINED, 10],
        [ReferralStatus.SENT, 10],
      ]);
  // Answered within days; anything under a week old is still waiting (see `fresh`).
  const respondedAt =
    status === ReferralStatus.SENT ? null : new Date(createdAt.getTime() + random.int(1, 6) * DAY_MS);
  return {
    person,
    report,
    agency: offer.agency,
    createdBy,
    createdAt,
    supportNeeded: offer.need,
    contactNote: contactNote(sketch),
    status,
    respondedAt,
    consent: {
      scope: `${sketch.name}'s working name, safe contact details and the support asked for, shared with ${agencyName}. Nothing about what happened beyond that.`,
      method,
      givenAt,
      expiresAt: null,
      withdrawnAt: null,
    },
  };
}

// Consent that lapsed: two withdrawn by the person, one time-limited and now expired.
// A few recent ones carry a future expiry date, which must not hide them yet.
function lapseSome(referrals: ReferralPlan[], now: Date, random: Random): void {
  const old = referrals.filter((r) => daysBetween(r.createdAt, now) > 120);
  const [expired, ...withdrawn] = random.sample(old, 3);
  if (expired) expired.consent.expiresAt = addDays(expired.consent.givenAt, 90);
  for (const r of withdrawn)
    r.consent.withdrawnAt = daytime(addDays(r.createdAt, random.int(10, 60)), random);
  for (const r of referrals.filter((x) => daysBetween(x.createdAt, now) < 200 && !x.consent.withdrawnAt)) {
    if (random.chance(0.3)) r.consent.expiresAt = addDays(r.consent.givenAt, 365);
  }
}

function followUp(r: ReferralPlan, random: Random, now: Date): ContactPlan | null {
  const sketch = PEOPLE[r.person] as PersonSketch;
  const agencyName = DEMO_ORGANISATIONS[r.agency].name;
  const [day, text] = r.consent.withdrawnAt
    ? [
        r.consent.withdrawnAt,
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
  const occurredAt = r.consent.withdrawnAt ?? daytime(day, random);
  if (occurredAt >= now || (!r.consent.withdrawnAt && r.status === ReferralStatus.SENT)) return null;
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
  const referrals: ReferralPlan[] = [];
  const candidates = random.shuffle(
    reports.map((r, i) => [r, i] as const).filter(([r]) => r.route !== ReportingRoute.ANONYMOUS_INTELLIGENCE),
  );
  for (const [report, index] of candidates) {
    if (referrals.length >= LINKED) break;
    const offers = OFFERS.filter((o) => o.fits === "any" || o.fits.includes(report.scenario.key));
    const createdAt = daytime(addDays(report.reportedAt, random.int(0, 10)), random);
    if (createdAt >= now) continue;
    referrals.push(
      referral(report.person, index, random.pick(offers), createdAt, report.assignee, now, random),
    );
  }
  const weights = PEOPLE.map((p, i) => [i, p.setting === WorkSetting.STREET ? 3 : 1] as const);
  for (let i = 0; i < UNLINKED; i++) {
    const person = random.weighted(weights);
    const offer =
      PEOPLE[person]?.setting === WorkSetting.STREET && random.chance(0.5)
        ? STREET_OFFER
        : random.pick(OFFERS.filter((o) => o.fits === "any"));
    const createdAt = daytime(startOfDay(new Date(now.getTime() - random.int(2, 720) * DAY_MS)), random);
    referrals.push(
      referral(
        person,
        null,
        offer,
        createdAt,
        random.weighted([
          ["officer", 5],
          ["officer2", 4],
          ["supervisor", 1],
        ]),
        now,
        random,
      ),
    );
  }
  referrals.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  lapseSome(referrals, now, random);
  // Not every referral needs chasing; a withdrawal of consent is always written down.
  const followUps = referrals
    .filter((r) => r.consent.withdrawnAt || random.chance(0.6))
    .map((r) => followUp(r, random, now))
    .filter((c): c is ContactPlan => c !== null);
  return { referrals, followUps };
}

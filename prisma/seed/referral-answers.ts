// How the partner agencies answered the demo's referrals: accepted with a few updates,
// declined with a reason, or closed after acceptance with how it ended. Each agency's list
// holds every answer at least once, so either partner account shows the whole journey. The
// texts are what a caseworker writes back to the unit: what they did, never what happened.
import { ReferralCloseReason, ReferralStatus } from "@/lib/generated/prisma/enums";
import { daytime } from "./contacts";
import { addDays, earliest } from "./dates";
import type { Random } from "./random";
import type { Agency } from "./report-details";

export type ReferralUpdatePlan = { at: Date; text: string };

export type ReferralAnswer = {
  status: ReferralStatus;
  respondedAt: Date | null;
  declineReason: string | null;
  closeReason: ReferralCloseReason | null;
  closeNote: string | null;
  closedAt: Date | null;
  updates: ReferralUpdatePlan[];
};

export const UNANSWERED: ReferralAnswer = {
  status: ReferralStatus.SENT,
  respondedAt: null,
  declineReason: null,
  closeReason: null,
  closeNote: null,
  closedAt: null,
  updates: [],
};

type Outcome = "ACCEPTED" | "DECLINED" | ReferralCloseReason;

// Each agency answers each of these at least once; the rest are drawn at random.
const REQUIRED: readonly Outcome[] = [
  "ACCEPTED",
  "DECLINED",
  ReferralCloseReason.SUPPORT_TAKEN_UP,
  ReferralCloseReason.COULD_NOT_MAKE_CONTACT,
  ReferralCloseReason.OTHER,
];

// A referral is closed only once the agency has had a few weeks to work with the person.
const CLOSABLE_AFTER_DAYS = 21;
const HOUR_MS = 3_600_000;

const WORK: Record<Agency, readonly string[]> = {
  womensAid: [
    "First meeting held at the drop-in; safety plan started.",
    "Weekly contact by the agreed method; next session booked.",
    "Went with them to a housing appointment; a follow-up is booked.",
    "ISVA allocated; introductory call done by the agreed method.",
  ],
  health: [
    "Sexual health appointment booked outside clinic hours.",
    "Seen at the outreach van; personal alarm given.",
    "GP registration started; first appointment next week.",
    "Seen twice at the outreach van; harm reduction pack given.",
  ],
};

const NO_CONTACT = "Tried three times by the agreed method at the agreed times; no reply yet.";
const PERSON_DECLINED = "Spoke by the agreed method; they do not want support at the moment.";

const DECLINE_REASONS: Record<Agency, readonly string[]> = {
  womensAid: [
    "Our ISVA caseload is full for the next month; please re-refer if support is still wanted then.",
    "Lives outside the area we cover; we have given the officer the details of the local service.",
  ],
  health: [
    "Outside the outreach van's area; the city-centre clinic offers the same support.",
    "Already supported by our team through another service; we will pick this up there.",
  ],
};

const CLOSE_NOTES: Record<Agency, string> = {
  womensAid: "Moved out of the area; with their agreement we passed on the local service's details.",
  health: "Now registered with a GP practice, which has taken over this support.",
};

// A moment strictly inside (from, to): updates fall between the answer and the next event.
function within(from: Date, to: Date, random: Random): Date {
  const span = to.getTime() - from.getTime();
  return new Date(from.getTime() + Math.floor(span * (0.15 + 0.7 * random.next())));
}

function respondedAt(createdAt: Date, now: Date, random: Random): Date {
  return earliest(daytime(addDays(createdAt, random.int(1, 6)), random), new Date(now.getTime() - HOUR_MS));
}

// The agency's updates while it held the referral, in date order, before `until`.
function updatesBetween(
  agency: Agency,
  from: Date,
  until: Date,
  count: number,
  random: Random,
): ReferralUpdatePlan[] {
  const texts = random.sample(WORK[agency], count);
  const times = texts.map(() => within(from, until, random)).sort((a, b) => a.getTime() - b.getTime());
  return texts.map((text, i) => ({ at: times[i] as Date, text }));
}

function answer(
  outcome: Outcome,
  agency: Agency,
  createdAt: Date,
  now: Date,
  random: Random,
): ReferralAnswer {
  const responded = respondedAt(createdAt, now, random);
  if (outcome === "DECLINED")
    return {
      ...UNANSWERED,
      status: ReferralStatus.DECLINED,
      respondedAt: responded,
      declineReason: random.pick(DECLINE_REASONS[agency]),
    };
  if (outcome === "ACCEPTED")
    return {
      ...UNANSWERED,
      status: ReferralStatus.ACCEPTED,
      respondedAt: responded,
      // Most of the work is in the first weeks; an old referral has no news since.
      updates: updatesBetween(
        agency,
        responded,
        earliest(now, addDays(responded, 60)),
        random.int(1, 2),
        random,
      ),
    };
  const closedAt = earliest(
    daytime(addDays(responded, random.int(7, 40)), random),
    within(responded, now, random),
  );
  const worked =
    outcome === ReferralCloseReason.SUPPORT_TAKEN_UP
      ? updatesBetween(agency, responded, closedAt, 1, random)
      : outcome === ReferralCloseReason.OTHER
        ? []
        : [
            {
              at: within(responded, closedAt, random),
              text: outcome === ReferralCloseReason.PERSON_DECLINED ? PERSON_DECLINED : NO_CONTACT,
            },
          ];
  return {
    ...UNANSWERED,
    status: ReferralStatus.CLOSED,
    respondedAt: responded,
    closeReason: outcome,
    closeNote: outcome === ReferralCloseReason.OTHER ? CLOSE_NOTES[agency] : null,
    closedAt,
    updates: worked,
  };
}

// Accepted, and worked with until the person withdrew consent.
export function acceptedUntil(
  agency: Agency,
  createdAt: Date,
  withdrawnAt: Date,
  random: Random,
): ReferralAnswer {
  const responded = respondedAt(createdAt, withdrawnAt, random);
  return {
    ...UNANSWERED,
    status: ReferralStatus.ACCEPTED,
    respondedAt: responded,
    updates: updatesBetween(agency, responded, withdrawnAt, 1, random),
  };
}

export function acceptedSince(agency: Agency, createdAt: Date, now: Date, random: Random): ReferralAnswer {
  return answer("ACCEPTED", agency, createdAt, now, random);
}

type Answerable = { agency: Agency; createdAt: Date };

// Answers every referral in `list` (all at least a week old): first the outcomes each agency
// must show, each to a referral old enough for it, then the rest at random.
export function answerAll<T extends Answerable>(
  list: readonly T[],
  now: Date,
  random: Random,
): Map<T, ReferralAnswer> {
  const answers = new Map<T, ReferralAnswer>();
  const ageOf = (r: T) => (now.getTime() - r.createdAt.getTime()) / 86_400_000;
  const fits = (outcome: Outcome, r: T) =>
    outcome === "ACCEPTED" || outcome === "DECLINED" || ageOf(r) >= CLOSABLE_AFTER_DAYS;
  for (const agency of ["womensAid", "health"] as const) {
    const open = random.shuffle(list.filter((r) => r.agency === agency));
    for (const outcome of REQUIRED) {
      const index = open.findIndex((r) => fits(outcome, r));
      if (index < 0) continue;
      const [r] = open.splice(index, 1) as [T];
      answers.set(r, answer(outcome, agency, r.createdAt, now, random));
    }
    for (const r of open) {
      const outcome: Outcome = random.weighted<Outcome>([
        ["ACCEPTED", 40],
        ["DECLINED", 10],
        [ReferralCloseReason.SUPPORT_TAKEN_UP, 30],
        [ReferralCloseReason.COULD_NOT_MAKE_CONTACT, 10],
        [ReferralCloseReason.PERSON_DECLINED, 8],
        [ReferralCloseReason.OTHER, 2],
      ]);
      answers.set(r, answer(fits(outcome, r) ? outcome : "ACCEPTED", agency, r.createdAt, now, random));
    }
  }
  return answers;
}

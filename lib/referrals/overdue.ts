// A referral the agency has not answered within 5 working days of its London day is
// overdue: the officer chases it, because a person who agreed to be referred is waiting.
import { addWorkingDays } from "@/lib/victims-code/working-days";
import { londonToday } from "@/lib/time/london";
import type { ReferralStatus } from "@/lib/generated/prisma/enums";

export const ANSWER_WITHIN_WORKING_DAYS = 5;
const DAY_MS = 86_400_000;

// The last London day on which an answer is on time.
export function answerDueBy(sentAt: Date): Date {
  return addWorkingDays(londonToday(sentAt), ANSWER_WITHIN_WORKING_DAYS);
}

export function isReferralOverdue(referral: { status: ReferralStatus; createdAt: Date }, now: Date): boolean {
  return referral.status === "SENT" && londonToday(now).getTime() > answerDueBy(referral.createdAt).getTime();
}

// No referral sent in the last 5 calendar days can be 5 working days old: a cheap filter
// for the query before the exact test above.
export function overdueCandidatesBefore(now: Date): Date {
  return new Date(now.getTime() - ANSWER_WITHIN_WORKING_DAYS * DAY_MS);
}

// When a risk assessment is next reviewed. The usual interval shortens as the risk rises:
// high risk is looked at again within a week, medium within four weeks, standard within
// three months (the intervals used for domestic-abuse and MARAC reviews, adapted for the
// unit; see docs/decisions/005-risk-reviews-and-crime-recording.md). The officer may choose another
// date, never one before London's today and never more than a year ahead.
import type { RiskLevel } from "@/lib/generated/prisma/enums";

export const REVIEW_DAYS: Readonly<Record<RiskLevel, number>> = { HIGH: 7, MEDIUM: 28, STANDARD: 90 };
export const LATEST_REVIEW_DAYS = 366;

const DAY_MS = 86_400_000;

// `today` is a calendar day (UTC midnight, as londonToday returns it).
export function addDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * DAY_MS);
}

export function defaultReviewOn(level: RiskLevel, today: Date): Date {
  return addDays(today, REVIEW_DAYS[level]);
}

// A review is overdue once its day has passed in London: due today is not yet overdue.
export function isReviewOverdue(reviewOn: Date, today: Date): boolean {
  return reviewOn.getTime() < today.getTime();
}

export type ReviewDateProblem = "reviewInPast" | "reviewTooLate";

export function checkReviewOn(reviewOn: Date, today: Date): ReviewDateProblem | null {
  if (reviewOn.getTime() < today.getTime()) return "reviewInPast";
  if (reviewOn.getTime() > addDays(today, LATEST_REVIEW_DAYS).getTime()) return "reviewTooLate";
  return null;
}

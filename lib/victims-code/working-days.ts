// Working-day arithmetic for Victims' Code deadlines. Days are calendar dates in England and
// Wales, held as Dates at UTC midnight (as @db.Date columns are); weekends and bank holidays
// are not working days.
import { isBankHoliday, isProjectedDay } from "./bank-holidays";
import { londonToday } from "@/lib/time/london";

const DAY_MS = 86_400_000;

export function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export function isWorkingDay(day: Date): boolean {
  const weekday = day.getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isBankHoliday(day);
}

// The date `count` working days after `day`: a decision on a Friday with one working day
// to act is due on Monday (Tuesday when Monday is a bank holiday).
export function addWorkingDays(day: Date, count: number): Date {
  if (!Number.isInteger(count) || count < 0) throw new Error("addWorkingDays needs a whole number of days");
  let result = startOfUtcDay(day);
  let left = count;
  while (left > 0) {
    result = new Date(result.getTime() + DAY_MS);
    if (isWorkingDay(result)) left--;
  }
  return result;
}

// Whether a deadline was counted through days whose bank holidays are only projected: the
// count runs from the decision up to the deadline's London day, so it depends on the
// projection as soon as that day lies beyond the published calendar.
export function deadlineUsesProjectedHolidays(dueBy: Date): boolean {
  return isProjectedDay(londonToday(dueBy));
}

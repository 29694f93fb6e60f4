// Working-day arithmetic for Victims' Code deadlines. Days are calendar dates in England and
// Wales, held as Dates at UTC midnight (as @db.Date columns are); weekends and bank holidays
// are not working days.
import { isBankHoliday } from "./bank-holidays";

const DAY_MS = 86_400_000;
const LONDON = "Europe/London";

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

// The calendar date it is now in England and Wales, as UTC midnight.
export function londonToday(now: Date = new Date()): Date {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: LONDON,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  })
    .formatToParts(now)
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {});
  return new Date(Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day)));
}

// Minutes London is ahead of UTC at an instant (0 in winter, 60 in summer time).
function londonOffsetMinutes(at: Date): number {
  const name = new Intl.DateTimeFormat("en-GB", { timeZone: LONDON, timeZoneName: "shortOffset" })
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName")?.value;
  const match = /GMT([+-])(\d{1,2})(?::(\d{2}))?/.exec(name ?? "");
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === "-" ? -minutes : minutes;
}

// The last moment of a calendar day in London, as a UTC instant: a deadline "by Tuesday"
// holds until Tuesday ends where the officer works, in summer time too.
export function endOfLondonDay(day: Date): Date {
  const nextMidnightUtc = startOfUtcDay(day).getTime() + DAY_MS;
  const offset = londonOffsetMinutes(new Date(nextMidnightUtc));
  return new Date(nextMidnightUtc - offset * 60_000 - 1);
}

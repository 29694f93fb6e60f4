// Bank holidays in England and Wales. The table holds the dates gov.uk has published
// (gov.uk/bank-holidays.json, "england-and-wales"; checked December 2026 up to 2027). Add each
// new year when gov.uk publishes it, with any one-off holiday (a coronation, a jubilee), which
// is announced at short notice. Years after the table are projected from the standing rules:
// usually right, but not yet official, so a deadline that depends on them says so.
const PUBLISHED: Readonly<Record<number, readonly string[]>> = {
  2024: [
    "2024-01-01",
    "2024-03-29",
    "2024-04-01",
    "2024-05-06",
    "2024-05-27",
    "2024-08-26",
    "2024-12-25",
    "2024-12-26",
  ],
  2025: [
    "2025-01-01",
    "2025-04-18",
    "2025-04-21",
    "2025-05-05",
    "2025-05-26",
    "2025-08-25",
    "2025-12-25",
    "2025-12-26",
  ],
  2026: [
    "2026-01-01",
    "2026-04-03",
    "2026-04-06",
    "2026-05-04",
    "2026-05-25",
    "2026-08-31",
    "2026-12-25",
    "2026-12-28",
  ],
  2027: [
    "2027-01-01",
    "2027-03-26",
    "2027-03-29",
    "2027-05-03",
    "2027-05-31",
    "2027-08-30",
    "2027-12-27",
    "2027-12-28",
  ],
};

export const PUBLISHED_YEARS = Object.keys(PUBLISHED).map(Number);
const LAST_PUBLISHED_YEAR = Math.max(...PUBLISHED_YEARS);

// A year after the last published one. (Years before the table are history, also computed by
// the rules; they are not "projected", and no open deadline falls in them.)
export function isProjectedYear(year: number): boolean {
  return year > LAST_PUBLISHED_YEAR;
}

const DAY_MS = 86_400_000;

function utcDay(year: number, monthIndex: number, day: number): Date {
  return new Date(Date.UTC(year, monthIndex, day));
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

// Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" method).
export function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return utcDay(year, month - 1, day);
}

function firstMonday(year: number, monthIndex: number): Date {
  const first = utcDay(year, monthIndex, 1);
  return new Date(first.getTime() + ((8 - first.getUTCDay()) % 7) * DAY_MS);
}

function lastMonday(year: number, monthIndex: number): Date {
  const last = utcDay(year, monthIndex + 1, 0);
  return new Date(last.getTime() - ((last.getUTCDay() + 6) % 7) * DAY_MS);
}

// The standing rules: New Year's Day, Good Friday, Easter Monday, the first and last Mondays
// of May, the last Monday of August, Christmas Day and Boxing Day; a fixed holiday on a
// weekend moves to the next weekday not already a holiday (the "substitute day").
export function ruleBankHolidays(year: number): string[] {
  const easter = easterSunday(year);
  const fixed = [utcDay(year, 0, 1), utcDay(year, 11, 25), utcDay(year, 11, 26)];
  const taken = new Set<string>();
  const days: string[] = [];
  for (const day of fixed) {
    let moved = day;
    while (moved.getUTCDay() === 0 || moved.getUTCDay() === 6 || taken.has(isoDay(moved))) {
      moved = new Date(moved.getTime() + DAY_MS);
    }
    taken.add(isoDay(moved));
    days.push(isoDay(moved));
  }
  days.push(
    isoDay(new Date(easter.getTime() - 2 * DAY_MS)),
    isoDay(new Date(easter.getTime() + DAY_MS)),
    isoDay(firstMonday(year, 4)),
    isoDay(lastMonday(year, 4)),
    isoDay(lastMonday(year, 7)),
  );
  return days.sort();
}

const cache = new Map<number, ReadonlySet<string>>();

export function bankHolidaysIn(year: number): ReadonlySet<string> {
  let days = cache.get(year);
  if (!days) {
    days = new Set(PUBLISHED[year] ?? ruleBankHolidays(year));
    cache.set(year, days);
  }
  return days;
}

export function isBankHoliday(day: Date): boolean {
  return bankHolidaysIn(day.getUTCFullYear()).has(isoDay(day));
}

// Whether a day's bank holidays come from the projection rather than the published table.
export function isProjectedDay(day: Date): boolean {
  return isProjectedYear(day.getUTCFullYear());
}

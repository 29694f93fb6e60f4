// Officers type dates and times as they read them on a clock in England and Wales; the
// database stores instants in UTC. These convert between the two, across clock changes.
export const LONDON = "Europe/London";

const parts = new Intl.DateTimeFormat("en-GB", {
  timeZone: LONDON,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

export type WallClock = { year: number; month: number; day: number; hour: number; minute: number };

export function londonWallClock(instant: Date): WallClock {
  const read = parts.formatToParts(instant);
  const get = (type: string) => Number(read.find((p) => p.type === type)?.value);
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
  };
}

// Whether year, month and day name a day that exists (no 31 April, no 29 February 2027).
export function isRealDate(year: number, month: number, day: number): boolean {
  if (![year, month, day].every(Number.isInteger)) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function offsetMinutes(instant: Date): number {
  const w = londonWallClock(instant);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

// The instant a London clock showed this time. In the hour skipped when the clocks go
// forward the result lands an hour later, which is what the officer most likely meant.
export function londonToUtc(clock: WallClock): Date {
  const guess = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute);
  const first = guess - offsetMinutes(new Date(guess)) * 60_000;
  return new Date(guess - offsetMinutes(new Date(first)) * 60_000);
}

// Today's date in London as a day-only value (UTC midnight, as @db.Date columns hold it).
export function londonToday(now: Date = new Date()): Date {
  const w = londonWallClock(now);
  return new Date(Date.UTC(w.year, w.month - 1, w.day));
}

// A form's date ("2026-07-01") and optional time ("22:30"), read on a London clock.
export function londonDateTimeToUtc(isoDate: string, time = "00:00"): Date {
  const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  return londonToUtc({ year, month, day, hour, minute });
}

// The last moment of a calendar day (given as UTC midnight) in London, as a UTC instant: a
// deadline "by Tuesday" holds until Tuesday ends where the officer works, summer time too.
export function endOfLondonDay(day: Date): Date {
  const next = new Date(day.getTime() + 86_400_000);
  const midnight = londonToUtc({
    year: next.getUTCFullYear(),
    month: next.getUTCMonth() + 1,
    day: next.getUTCDate(),
    hour: 0,
    minute: 0,
  });
  return new Date(midnight.getTime() - 1);
}

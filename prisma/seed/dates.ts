// Date arithmetic for the demo, all in UTC so the data is the same whatever the server's
// time zone. Day-only columns (@db.Date) get UTC midnight.
export const DAY_MS = 86_400_000;

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

export function startOfDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export function atTime(day: Date, hour: number, minute: number): Date {
  const start = startOfDay(day);
  return new Date(start.getTime() + (hour * 60 + minute) * 60_000);
}

export function daysBetween(from: Date, to: Date): number {
  return Math.floor((startOfDay(to).getTime() - startOfDay(from).getTime()) / DAY_MS);
}

function isWeekend(date: Date): boolean {
  const day = date.getUTCDay();
  return day === 0 || day === 6;
}

// Victims' Code deadlines count working days. Bank holidays are not modelled: for sample
// data a deadline a day early is harmless.
export function addWorkingDays(date: Date, days: number): Date {
  let result = startOfDay(date);
  let left = days;
  while (left > 0) {
    result = addDays(result, 1);
    if (!isWeekend(result)) left--;
  }
  return result;
}

// Moves a weekend day to the following Monday: courts and CPS decisions keep office days.
export function nextWeekday(date: Date): Date {
  let result = date;
  while (isWeekend(result)) result = addDays(result, 1);
  return result;
}

export function earliest(...dates: Date[]): Date {
  return new Date(Math.min(...dates.map((d) => d.getTime())));
}

export function latest(...dates: Date[]): Date {
  return new Date(Math.max(...dates.map((d) => d.getTime())));
}

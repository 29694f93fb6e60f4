// The intake's day values. Dates are compared as ISO strings ("2026-06-15"), which sort as
// days do, and "today" is always London's today: an incident at 00:30 in British Summer Time
// is on a day UTC has not reached yet.
import { endOfLondonDay, isRealDate, londonToday } from "@/lib/time/london";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

// An HTML date field's value, as a day-only Date (UTC midnight), or null if not a real day.
export function parseDate(value: string): Date | null {
  if (!ISO_DATE.test(value)) return null;
  const d = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value ? null : d;
}

// A GOV.UK date as the draft keeps it ("2026-6-5": year, month, day as typed), as an ISO
// day, or null when it is not a real day.
export function parseDay(value: string): string | null {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isRealDate(year, month, day)) return null;
  return `${match[1]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

// The day/month/year boxes for a draft value, so a half-typed date is shown as typed.
export function dayParts(value: string): { day: string; month: string; year: string } {
  const [year = "", month = "", day = ""] = value.split("-");
  return { day, month, year };
}

export function londonTodayIso(now: Date = new Date()): string {
  return londonToday(now).toISOString().slice(0, 10);
}

// The draft value for a day (the form of `dayParts`), for a default of today.
export function dayValue(iso: string): string {
  const [year, month, day] = iso.split("-");
  return `${year}-${Number(month)}-${Number(day)}`;
}

// The instant stored as IncidentReport.reportedAt for the London day the person reported.
// The form asks for a day, not a time, so the convention is: the submission moment when
// they reported today, otherwise the last moment of that London day. Either way the
// instant falls on the right London day, is never in the future, and never comes before
// an incident timed earlier that day; createdAt keeps the moment the report was entered.
export function reportedInstant(isoDay: string, now: Date): Date {
  const end = endOfLondonDay(new Date(`${isoDay}T00:00:00Z`));
  return end < now ? end : now;
}

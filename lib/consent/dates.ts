// A date typed as day, month and year boxes, read as a London calendar day (UTC midnight,
// as @db.Date columns hold it). Consent is given and withdrawn on days, not at times.
import { isRealDate } from "@/lib/time/london";

const EARLIEST_YEAR = 2000;

export type DayInput = { day: string; month: string; year: string };
export type ReadDay = { status: "empty" } | { status: "invalid" } | { status: "ok"; day: Date };

function wholeNumber(value: string): number {
  return /^\d{1,4}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
}

export function readDay({ day, month, year }: DayInput): ReadDay {
  if ([day, month, year].every((p) => p.trim() === "")) return { status: "empty" };
  const [d, m, y] = [wholeNumber(day), wholeNumber(month), wholeNumber(year)];
  if (!isRealDate(y, m, d) || y < EARLIEST_YEAR || y > 2200) return { status: "invalid" };
  return { status: "ok", day: new Date(Date.UTC(y, m - 1, d)) };
}

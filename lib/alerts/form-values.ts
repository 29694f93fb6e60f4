// The draft form's starting values, from a prefill or from a saved alert. Pure.
import type { AlertFormValues } from "./schema";

type Day = { day: string; month: string; year: string };

// A day-only date (UTC midnight) as the three boxes of a date input.
export function dayParts(date: Date | null): Day {
  if (!date) return { day: "", month: "", year: "" };
  return {
    day: String(date.getUTCDate()),
    month: String(date.getUTCMonth() + 1),
    year: String(date.getUTCFullYear()),
  };
}

export type AlertContent = {
  title: string;
  description: string;
  vehicles: string | null;
  phoneNumbers: string | null;
  onlineHandles: string | null;
  area: string | null;
  whatHappened: string;
  periodFrom: Date | null;
  periodTo: Date | null;
};

export function alertFormValues(
  content: AlertContent,
  agencyIds: readonly string[],
  reportIds: readonly string[],
): AlertFormValues {
  const from = dayParts(content.periodFrom);
  const to = dayParts(content.periodTo);
  return {
    title: content.title,
    description: content.description,
    vehicles: content.vehicles ?? "",
    phoneNumbers: content.phoneNumbers ?? "",
    onlineHandles: content.onlineHandles ?? "",
    area: content.area ?? "",
    whatHappened: content.whatHappened,
    periodFromDay: from.day,
    periodFromMonth: from.month,
    periodFromYear: from.year,
    periodToDay: to.day,
    periodToMonth: to.month,
    periodToYear: to.year,
    agencies: agencyIds.join(","),
    reports: reportIds.join(","),
  };
}

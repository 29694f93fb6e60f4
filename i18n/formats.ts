// The one locale, time zone and named date formats, shared by next-intl on the server
// (i18n/request.ts) and by the browser's own formatter (components/translations.tsx), so that
// a date reads the same whichever side rendered it.
export const LOCALE = "en-GB";
export const TIME_ZONE = "Europe/London";

export const DATE_TIME_FORMATS = {
  date: { day: "numeric", month: "short", year: "numeric" },
  dateTime: { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

export type DateTimeFormatName = keyof typeof DATE_TIME_FORMATS;

// As next-intl's `format.dateTime`: a named format or options, in London time unless the
// options name another zone.
export function formatDateTime(
  date: Date | number,
  formatOrOptions: DateTimeFormatName | Intl.DateTimeFormatOptions,
): string {
  const options = typeof formatOrOptions === "string" ? DATE_TIME_FORMATS[formatOrOptions] : formatOrOptions;
  return new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, ...options }).format(date);
}

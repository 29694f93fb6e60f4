// Officers type dates and times as they are on the clock in Gwent; the database keeps UTC.

const OFFSET = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", timeZoneName: "longOffset" });

function londonOffsetMinutes(at: Date): number {
  const name = OFFSET.formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === "-" ? -minutes : minutes;
}

// "2026-07-01" and "22:30" on a London clock → the UTC instant.
export function londonToUtc(date: string, time = "00:00"): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [h, min] = time.split(":").map(Number) as [number, number];
  const asIfUtc = Date.UTC(y, m - 1, d, h, min);
  // The offset at the guessed instant is right except within the hour of a clock change,
  // where a second look settles it.
  const first = asIfUtc - londonOffsetMinutes(new Date(asIfUtc)) * 60_000;
  return new Date(asIfUtc - londonOffsetMinutes(new Date(first)) * 60_000);
}

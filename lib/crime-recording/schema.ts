// The "crime not recorded" form: the reason a disclosed crime is not being recorded (for
// example, the person wants intelligence only). Unknown fields are refused.
import { z } from "zod";
import { hasControlCharacters } from "@/lib/text";

export const NOT_RECORDED_FIELDS = ["crimeNotRecordedWhy"] as const;
export type NotRecordedField = (typeof NOT_RECORDED_FIELDS)[number];
export type NotRecordedValues = Record<NotRecordedField, string>;

export const REASON_MAX = 2000;
const E = "caseCrimeRecording.errors";

const shape = z.strictObject({
  crimeNotRecordedWhy: z.string({ error: `${E}.reasonMissing` }).default(""),
});

export type ParsedNotRecorded =
  | { ok: true; reason: string }
  | { ok: false; fieldErrors: Partial<Record<NotRecordedField, string>>; formError?: string };

export function parseNotRecorded(raw: unknown): ParsedNotRecorded {
  const parsed = shape.safeParse(raw);
  if (!parsed.success) {
    const unknown = parsed.error.issues.some((i) => i.code === "unrecognized_keys");
    return unknown
      ? { ok: false, fieldErrors: {}, formError: `${E}.unknownField` }
      : { ok: false, fieldErrors: { crimeNotRecordedWhy: `${E}.reasonMissing` } };
  }
  const reason = parsed.data.crimeNotRecordedWhy.replace(/\r\n?/g, "\n").trim();
  if (reason === "") return { ok: false, fieldErrors: { crimeNotRecordedWhy: `${E}.reasonMissing` } };
  if (reason.length > REASON_MAX) return { ok: false, fieldErrors: { crimeNotRecordedWhy: `${E}.tooLong` } };
  if (hasControlCharacters(reason))
    return { ok: false, fieldErrors: { crimeNotRecordedWhy: `${E}.controlCharacters` } };
  return { ok: true, reason };
}

export function notRecordedValues(raw: Record<string, unknown>): Partial<NotRecordedValues> {
  const value = raw.crimeNotRecordedWhy;
  return typeof value === "string" ? { crimeNotRecordedWhy: value.slice(0, REASON_MAX + 100) } : {};
}

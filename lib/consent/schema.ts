// The consent forms: recording a consent and recording its withdrawal. One schema each,
// checked on the server whatever the browser did; dates are London days typed in boxes.
// Server-set fields (person, unit, who recorded it) are not in them, and unknown fields are
// refused.
import { z } from "zod";
import { ConsentMethod, type ConsentField } from "@/lib/generated/prisma/enums";
import { hasControlCharacters } from "@/lib/text";
import { londonToday, londonToUtc } from "@/lib/time/london";
import { endOfLondonDay } from "@/lib/time/london";
import { CONSENT_FIELDS } from "./state";
import { readDay } from "./dates";

export const CONSENT_FORM_FIELDS = [
  "agencyId",
  "fields",
  "method",
  "givenOnDay",
  "givenOnMonth",
  "givenOnYear",
  "expiresOnDay",
  "expiresOnMonth",
  "expiresOnYear",
  "note",
] as const;
export type ConsentFormField = (typeof CONSENT_FORM_FIELDS)[number];
export type ConsentFormValues = Record<ConsentFormField, string>;

export const WITHDRAW_FORM_FIELDS = [
  "method",
  "withdrawnOnDay",
  "withdrawnOnMonth",
  "withdrawnOnYear",
] as const;
export type WithdrawFormField = (typeof WITHDRAW_FORM_FIELDS)[number];
export type WithdrawFormValues = Record<WithdrawFormField, string>;

export const NOTE_MAX = 1000;
const EXPIRY_YEARS_AHEAD = 5;

const text = (key: string) => z.string({ error: `consents.errors.${key}` }).default("");

const consentShape = z.strictObject({
  agencyId: text("agencyId"),
  fields: z
    .array(z.string({ error: "consents.errors.fields" }), { error: "consents.errors.fields" })
    .max(CONSENT_FIELDS.length * 2, { error: "consents.errors.fields" })
    .default([]),
  method: text("method"),
  givenOnDay: text("givenOnInvalid"),
  givenOnMonth: text("givenOnInvalid"),
  givenOnYear: text("givenOnInvalid"),
  expiresOnDay: text("expiresOnInvalid"),
  expiresOnMonth: text("expiresOnInvalid"),
  expiresOnYear: text("expiresOnInvalid"),
  note: text("noteInvalid"),
});

export type ConsentInput = {
  agencyId: string;
  fields: ConsentField[];
  method: ConsentMethod;
  givenAt: Date;
  expiresAt: Date | null;
  note: string;
};

// The start of a London day as an instant: consent given "on 3 June" holds from that
// morning, so a referral made the same day rests on it.
function startOfLondonDay(day: Date): Date {
  return londonToUtc({
    year: day.getUTCFullYear(),
    month: day.getUTCMonth() + 1,
    day: day.getUTCDate(),
    hour: 0,
    minute: 0,
  });
}

export function consentFormSchema(now: Date = new Date()) {
  return consentShape.transform((form, ctx): ConsentInput => {
    let failed = false;
    const problem = (field: ConsentFormField, key: string) => {
      failed = true;
      ctx.addIssue({ code: "custom", path: [field], message: `consents.errors.${key}` });
    };
    const agencyId = z.uuid().safeParse(form.agencyId.trim());
    if (!agencyId.success) problem("agencyId", "agencyId");
    const fields = [...new Set(form.fields)];
    if (fields.length === 0) problem("fields", "fieldsMissing");
    else if (!fields.every((f) => (CONSENT_FIELDS as readonly string[]).includes(f)))
      problem("fields", "fields");
    const method = z.enum(ConsentMethod).safeParse(form.method);
    if (!method.success) problem("method", "method");
    const today = londonToday(now);
    const given = readDay({ day: form.givenOnDay, month: form.givenOnMonth, year: form.givenOnYear });
    let givenDay: Date | null = null;
    if (given.status === "empty") problem("givenOnDay", "givenOnMissing");
    else if (given.status === "invalid") problem("givenOnDay", "givenOnInvalid");
    else if (given.day > today) problem("givenOnDay", "givenOnFuture");
    else givenDay = given.day;
    const expires = readDay({ day: form.expiresOnDay, month: form.expiresOnMonth, year: form.expiresOnYear });
    let expiresDay: Date | null = null;
    if (expires.status === "invalid") problem("expiresOnDay", "expiresOnInvalid");
    else if (expires.status === "ok") {
      if (expires.day < today || (givenDay && expires.day < givenDay))
        problem("expiresOnDay", "expiresOnPast");
      else if (expires.day.getUTCFullYear() > today.getUTCFullYear() + EXPIRY_YEARS_AHEAD)
        problem("expiresOnDay", "expiresOnInvalid");
      else expiresDay = expires.day;
    }
    const note = form.note.replace(/\r\n?/g, "\n").trim();
    if (note.length > NOTE_MAX) problem("note", "noteTooLong");
    else if (hasControlCharacters(note)) problem("note", "noteInvalid");
    if (failed || !agencyId.success || !method.success || !givenDay) return z.NEVER;
    return {
      agencyId: agencyId.data.toLowerCase(),
      fields: CONSENT_FIELDS.filter((f) => fields.includes(f)),
      method: method.data,
      givenAt: startOfLondonDay(givenDay),
      // Consent "until 30 June" holds to the end of that day in London.
      expiresAt: expiresDay ? endOfLondonDay(expiresDay) : null,
      note,
    };
  });
}

const withdrawShape = z.strictObject({
  method: text("method"),
  withdrawnOnDay: text("withdrawnOnInvalid"),
  withdrawnOnMonth: text("withdrawnOnInvalid"),
  withdrawnOnYear: text("withdrawnOnInvalid"),
});

export type WithdrawInput = { method: ConsentMethod; withdrawnOn: Date };

// The day the person withdrew. It takes effect at once whatever day is typed: the day is
// the record of when the person said so.
export function withdrawFormSchema(now: Date = new Date()) {
  return withdrawShape.transform((form, ctx): WithdrawInput => {
    let failed = false;
    const problem = (field: WithdrawFormField, key: string) => {
      failed = true;
      ctx.addIssue({ code: "custom", path: [field], message: `consents.errors.${key}` });
    };
    const method = z.enum(ConsentMethod).safeParse(form.method);
    if (!method.success) problem("method", "method");
    const day = readDay({
      day: form.withdrawnOnDay,
      month: form.withdrawnOnMonth,
      year: form.withdrawnOnYear,
    });
    if (day.status === "empty") problem("withdrawnOnDay", "withdrawnOnMissing");
    else if (day.status === "invalid") problem("withdrawnOnDay", "withdrawnOnInvalid");
    else if (day.day > londonToday(now)) problem("withdrawnOnDay", "withdrawnOnFuture");
    if (failed || !method.success || day.status !== "ok") return z.NEVER;
    return { method: method.data, withdrawnOn: day.day };
  });
}

// What the form sent, for putting back after a failed save: the form's own fields, text only.
export function formValues<F extends string>(
  raw: Record<string, unknown>,
  fields: readonly F[],
): Partial<Record<F, string>> {
  const values: Partial<Record<F, string>> = {};
  for (const field of fields) {
    const value = raw[field];
    if (typeof value === "string") values[field] = value.slice(0, 5_000);
    else if (Array.isArray(value))
      values[field] = value
        .filter((v): v is string => typeof v === "string")
        .join(",")
        .slice(0, 5_000);
  }
  return values;
}

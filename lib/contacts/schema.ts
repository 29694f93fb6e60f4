// The "log a contact" form: one schema for what the form sends, checked on the server
// whatever the browser did. Dates arrive as GOV.UK-style day, month and year boxes and a
// time, read as London time. Server-set fields (unit, officer, person) are not in it, and
// any field it does not know is refused. A "case update" names the report it was about and
// the open updates (decisions) the officer told the person about: those, and only those, are
// cleared (Victims' Code right 6 is owed per report and per decision).
import { z } from "zod";
import { ContactMethod, ContactType } from "@/lib/generated/prisma/enums";
import { isRealDate, londonToday, londonToUtc } from "@/lib/time/london";
import { hasControlCharacters } from "@/lib/text";
import { CONTACT_FIELDS, NOTES_MAX, type ContactField, type ContactFormValues } from "./fields";

// The fields live apart from zod, for the forms in the browser.
export * from "./fields";

// A contact logged a few minutes "in the future" is a clock difference, not a mistake.
const CLOCK_SLACK_MS = 5 * 60_000;
const EARLIEST_YEAR = 2000;
const FOLLOW_UP_YEARS_AHEAD = 5;
// More than any report has decisions open; a longer list is a crafted request.
const UPDATE_IDS_MAX = 50;

export type ContactInput = {
  type: ContactType;
  method: ContactMethod;
  occurredAt: Date;
  notes: string | null;
  followUpOn: Date | null;
  reportId: string | null;
  updateIds: string[];
};

const e = (key: string) => ({ error: `contacts.errors.${key}` });

// What may arrive: text only, each field at most once, nothing else. Every check of the
// content happens afterwards, in one pass, so that all the errors are reported together.
const formShape = z.strictObject({
  type: z.string(e("type")).default(""),
  method: z.string(e("method")).default(""),
  occurredAtDay: z.string(e("occurredAtInvalid")).default(""),
  occurredAtMonth: z.string(e("occurredAtInvalid")).default(""),
  occurredAtYear: z.string(e("occurredAtInvalid")).default(""),
  occurredAtTime: z.string(e("occurredAtTime")).default(""),
  notes: z.string(e("notesInvalid")).default(""),
  followUpOnDay: z.string(e("followUpOnInvalid")).default(""),
  followUpOnMonth: z.string(e("followUpOnInvalid")).default(""),
  followUpOnYear: z.string(e("followUpOnInvalid")).default(""),
  reportId: z.string(e("reportId")).default(""),
  updateIds: z
    .array(z.string({ error: "caseUpdates.errors.updateIdsInvalid" }), {
      error: "caseUpdates.errors.updateIdsInvalid",
    })
    .max(UPDATE_IDS_MAX, { error: "caseUpdates.errors.updateIdsInvalid" })
    .default([]),
});

const typeSchema = z.enum(ContactType);
const methodSchema = z.enum(ContactMethod);
const reportIdSchema = z.union([z.literal(""), z.uuid()]);

function wholeNumber(value: string): number {
  return /^\d{1,4}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
}

function parseTime(value: string): { hour: number; minute: number } | null {
  const match = /^(\d{1,2})[:.]?(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  return hour <= 23 && minute <= 59 ? { hour, minute } : null;
}

export function contactFormSchema(now: Date = new Date()) {
  return formShape.transform((form, ctx): ContactInput => {
    let failed = false;
    const problem: Problem = (field, key) => {
      failed = true;
      // Keys of the case-update part live in their own namespace and arrive whole.
      const message = key.includes(".") ? key : `contacts.errors.${key}`;
      ctx.addIssue({ code: "custom", path: [field], message });
    };
    const type = typeSchema.safeParse(form.type);
    if (!type.success) problem("type", "type");
    const method = methodSchema.safeParse(form.method);
    if (!method.success) problem("method", "method");
    const occurredAt = readOccurredAt(form, now, problem);
    // Browsers send line breaks as CRLF; each is kept as one line break.
    const notes = form.notes.replace(/\r\n?/g, "\n");
    if (notes.length > NOTES_MAX) problem("notes", "notesTooLong");
    // Browsers cannot type control characters other than tab and line breaks, and PostgreSQL
    // cannot store NUL: such text is refused rather than silently changed.
    else if (hasControlCharacters(notes)) problem("notes", "notesInvalid");
    const followUpOn = readFollowUpOn(form, now, problem);
    const reportId = reportIdSchema.safeParse(form.reportId.trim());
    if (!reportId.success) problem("reportId", "reportId");
    const updateIds = readUpdateIds(form.updateIds, type.data, reportId.data, problem);
    if (failed || !type.success || !method.success || !reportId.success) return z.NEVER;
    return {
      type: type.data,
      method: method.data,
      occurredAt: occurredAt ?? now,
      notes: notes.trim() === "" ? null : notes,
      followUpOn,
      reportId: reportId.data === "" ? null : reportId.data.toLowerCase(),
      updateIds,
    };
  });
}

// A case update must name its report; the ticked updates must be real ids and belong to a
// case update. Whether each one is open and on that report is checked against the database.
function readUpdateIds(
  raw: string[],
  type: ContactType | undefined,
  reportId: string | undefined,
  problem: Problem,
): string[] {
  const ids = [...new Set(raw.map((id) => id.trim().toLowerCase()))];
  if (type === "CASE_UPDATE" && reportId === "") problem("reportId", "caseUpdates.errors.reportRequired");
  if (ids.length === 0) return [];
  if (!ids.every((id) => z.uuid().safeParse(id).success))
    problem("updateIds", "caseUpdates.errors.updateIdsInvalid");
  else if (type !== undefined && type !== "CASE_UPDATE")
    problem("updateIds", "caseUpdates.errors.notACaseUpdate");
  return ids;
}

type Problem = (field: ContactField, key: string) => void;
type DateParts = {
  occurredAtDay: string;
  occurredAtMonth: string;
  occurredAtYear: string;
  occurredAtTime: string;
};

function readOccurredAt(form: DateParts, now: Date, problem: Problem): Date | null {
  const raw = [form.occurredAtDay, form.occurredAtMonth, form.occurredAtYear];
  const [day, month, year] = [
    wholeNumber(form.occurredAtDay),
    wholeNumber(form.occurredAtMonth),
    wholeNumber(form.occurredAtYear),
  ];
  let dateOk = false;
  if (raw.every((part) => part.trim() === "")) {
    problem("occurredAtDay", "occurredAtMissing");
  } else if (!isRealDate(year, month, day) || year < EARLIEST_YEAR) {
    problem("occurredAtDay", "occurredAtInvalid");
  } else {
    dateOk = true;
  }
  const time = parseTime(form.occurredAtTime);
  if (!time) {
    problem("occurredAtTime", "occurredAtTime");
  }
  if (!dateOk || !time) return null;
  const occurredAt = londonToUtc({ year, month, day, ...time });
  if (occurredAt.getTime() > now.getTime() + CLOCK_SLACK_MS) {
    problem("occurredAtDay", "occurredAtFuture");
    return null;
  }
  return occurredAt;
}

type FollowUpParts = { followUpOnDay: string; followUpOnMonth: string; followUpOnYear: string };

function readFollowUpOn(form: FollowUpParts, now: Date, problem: Problem): Date | null {
  const raw = [form.followUpOnDay, form.followUpOnMonth, form.followUpOnYear];
  if (raw.every((part) => part.trim() === "")) return null;
  const [day, month, year] = [
    wholeNumber(form.followUpOnDay),
    wholeNumber(form.followUpOnMonth),
    wholeNumber(form.followUpOnYear),
  ];
  const today = londonToday(now);
  if (!isRealDate(year, month, day) || year > today.getUTCFullYear() + FOLLOW_UP_YEARS_AHEAD) {
    problem("followUpOnDay", "followUpOnInvalid");
    return null;
  }
  const followUpOn = new Date(Date.UTC(year, month - 1, day));
  if (followUpOn < today) {
    problem("followUpOnDay", "followUpOnPast");
    return null;
  }
  return followUpOn;
}

// What the form sent, for putting back into the form after a failed save. Only the form's
// own fields, only text, and never more than a generous length.
export function contactFormValues(raw: Record<string, unknown>): Partial<ContactFormValues> {
  const values: Partial<ContactFormValues> = {};
  for (const field of CONTACT_FIELDS) {
    const value = raw[field];
    if (typeof value === "string") values[field] = value.slice(0, 20_000);
    else if (field === "updateIds" && Array.isArray(value))
      values[field] = value
        .filter((v): v is string => typeof v === "string")
        .join(",")
        .slice(0, 20_000);
  }
  return values;
}

// The safety alert forms: one schema per form, checked on the server whatever the browser
// did. Unknown fields are refused. Every content check runs in one pass so all the errors
// show together. Server-set fields (unit, author, status, sources) are never read from here.
import { z } from "zod";
import { parseDayMonthYear } from "@/lib/outcomes/schema";
import { hasControlCharacters } from "@/lib/text";
import { isUuid } from "@/lib/ids";
import {
  ALERT_TEXT_FIELDS,
  LIMITS,
  MAX_SOURCE_REPORTS,
  REASON_MAX,
  MAX_EXPIRY_DAYS,
  type AlertField,
  type AlertTextField,
} from "./fields";

// The fields and limits live apart from zod, for the forms in the browser.
export * from "./fields";

const REQUIRED: readonly AlertTextField[] = ["title", "description", "whatHappened"];

const E = "alerts.errors";
const text = z.string({ error: `${E}.invalid` }).default("");
const list = z
  .array(z.string({ error: `${E}.invalid` }), { error: `${E}.invalid` })
  .max(50, { error: `${E}.invalid` })
  .default([]);

const draftShape = z.strictObject({
  ...(Object.fromEntries(ALERT_TEXT_FIELDS.map((f) => [f, text])) as Record<AlertTextField, typeof text>),
  periodFromDay: text,
  periodFromMonth: text,
  periodFromYear: text,
  periodToDay: text,
  periodToMonth: text,
  periodToYear: text,
  agencies: list,
  reports: list,
});

export type AlertDraftInput = Record<AlertTextField, string | null> & {
  title: string;
  description: string;
  whatHappened: string;
  periodFrom: Date | null;
  periodTo: Date | null;
  agencyIds: string[];
  reportIds: string[];
};

export type Parsed<I, F extends string> =
  { ok: true; input: I } | { ok: false; fieldErrors: Partial<Record<F, string>>; formError?: string };

// Browsers send line breaks as CRLF; each is kept as one line break.
const lines = (value: string) => value.replace(/\r\n?/g, "\n").trim();

function firstIssues<F extends string>(
  error: z.ZodError,
): { fieldErrors: Partial<Record<F, string>>; formError?: string } {
  const fieldErrors: Partial<Record<F, string>> = {};
  let formError: string | undefined;
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (issue.code === "unrecognized_keys" || typeof field !== "string") formError ??= `${E}.unknownField`;
    else fieldErrors[field as F] ??= issue.message.startsWith(`${E}.`) ? issue.message : `${E}.invalid`;
  }
  return { fieldErrors, formError };
}

// `today` is London's calendar day: the period cannot end in the future.
export function parseAlertDraft(raw: unknown, today: Date): Parsed<AlertDraftInput, AlertField> {
  const parsed = draftShape.safeParse(raw);
  if (!parsed.success) return { ok: false, ...firstIssues<AlertField>(parsed.error) };
  const form = parsed.data;
  const errors: Partial<Record<AlertField, string>> = {};
  const texts = {} as Record<AlertTextField, string | null>;
  for (const field of ALERT_TEXT_FIELDS) {
    const value = lines(form[field]);
    if (value === "" && REQUIRED.includes(field)) errors[field] = `${E}.${field}Missing`;
    else if (value.length > LIMITS[field]) errors[field] = `${E}.tooLong`;
    else if (hasControlCharacters(value)) errors[field] = `${E}.controlCharacters`;
    texts[field] = value === "" ? null : value;
  }
  if (texts.title && /\n/.test(texts.title)) errors.title = `${E}.titleOneLine`;

  const day = (d: string, m: string, y: string, field: AlertField): Date | null => {
    const typed = parseDayMonthYear(d, m, y);
    if (typed === "missing") return null;
    if (typed === "invalid") errors[field] ??= `${E}.dateInvalid`;
    else if (typed > today) errors[field] ??= `${E}.dateFuture`;
    else return typed;
    return null;
  };
  const periodFrom = day(form.periodFromDay, form.periodFromMonth, form.periodFromYear, "periodFromDay");
  const periodTo = day(form.periodToDay, form.periodToMonth, form.periodToYear, "periodToDay");
  if (periodFrom && periodTo && periodTo < periodFrom) errors.periodToDay = `${E}.periodOrder`;

  const agencyIds = [...new Set(form.agencies)];
  if (agencyIds.length === 0) errors.agencies = `${E}.agenciesMissing`;
  else if (!agencyIds.every(isUuid)) errors.agencies = `${E}.invalid`;
  const reportIds = [...new Set(form.reports)];
  if (reportIds.length === 0) errors.reports = `${E}.reportsMissing`;
  else if (reportIds.length > MAX_SOURCE_REPORTS) errors.reports = `${E}.tooManyReports`;
  else if (!reportIds.every(isUuid)) errors.reports = `${E}.invalid`;

  if (Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };
  return {
    ok: true,
    input: {
      ...texts,
      title: texts.title ?? "",
      description: texts.description ?? "",
      whatHappened: texts.whatHappened ?? "",
      periodFrom,
      periodTo,
      agencyIds,
      reportIds,
    },
  };
}

export const APPROVE_FIELDS = ["expiresDay", "expiresMonth", "expiresYear"] as const;
export type ApproveField = (typeof APPROVE_FIELDS)[number];
const approveShape = z.strictObject({
  expiresDay: text,
  expiresMonth: text,
  expiresYear: text,
});

// The day the alert stops being shown: after today, and within a year.
export function parseApproval(raw: unknown, today: Date): Parsed<{ expiresOn: Date }, ApproveField> {
  const parsed = approveShape.safeParse(raw);
  if (!parsed.success) return { ok: false, ...firstIssues<ApproveField>(parsed.error) };
  const typed = parseDayMonthYear(parsed.data.expiresDay, parsed.data.expiresMonth, parsed.data.expiresYear);
  if (typed === "missing") return { ok: false, fieldErrors: { expiresDay: `${E}.expiresMissing` } };
  if (typed === "invalid") return { ok: false, fieldErrors: { expiresDay: `${E}.dateInvalid` } };
  const latest = new Date(today.getTime() + MAX_EXPIRY_DAYS * 86_400_000);
  if (typed <= today || typed > latest)
    return { ok: false, fieldErrors: { expiresDay: `${E}.expiresRange` } };
  return { ok: true, input: { expiresOn: typed } };
}

export const REASON_FIELDS = ["reason"] as const;
const reasonShape = z.strictObject({ reason: text });

// A reason for returning or withdrawing an alert, read by the officer and the supervisor.
export function parseReason(raw: unknown): Parsed<{ reason: string }, "reason"> {
  const parsed = reasonShape.safeParse(raw);
  if (!parsed.success) return { ok: false, ...firstIssues<"reason">(parsed.error) };
  const reason = lines(parsed.data.reason);
  if (reason === "") return { ok: false, fieldErrors: { reason: `${E}.reasonMissing` } };
  if (reason.length > REASON_MAX) return { ok: false, fieldErrors: { reason: `${E}.tooLong` } };
  if (hasControlCharacters(reason)) return { ok: false, fieldErrors: { reason: `${E}.controlCharacters` } };
  return { ok: true, input: { reason } };
}

// What the form sent, to put back after a refusal: the form's own fields, text only, capped
// so a hostile submit cannot make the page enormous.
export function formValuesOf<F extends string>(
  raw: Record<string, unknown>,
  fields: readonly F[],
): Partial<Record<F, string>> {
  const values: Partial<Record<F, string>> = {};
  for (const field of fields) {
    const value = raw[field];
    if (typeof value === "string") values[field] = value.slice(0, 2_100);
    else if (Array.isArray(value))
      values[field] = value
        .filter((v): v is string => typeof v === "string")
        .slice(0, 50)
        .join(",");
  }
  return values;
}

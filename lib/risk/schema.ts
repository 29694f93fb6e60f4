// The risk assessment form: one schema for what the form sends, checked on the server
// whatever the browser did. Unknown fields are refused. Every check of the content runs in
// one pass, so all the errors show together.
import { z } from "zod";
import { RiskFactor, RiskLevel } from "@/lib/generated/prisma/enums";
import { parseDayMonthYear } from "@/lib/outcomes/schema";
import { hasControlCharacters } from "@/lib/text";
import { checkReviewOn, defaultReviewOn } from "./review";

export const RISK_FIELDS = [
  "factors",
  "level",
  "rationale",
  "safetyPlan",
  "reviewOnDay",
  "reviewOnMonth",
  "reviewOnYear",
] as const;
export type RiskField = (typeof RISK_FIELDS)[number];
export type RiskFormValues = Record<RiskField, string>;

export const TEXT_MAX = 4000;
const E = "caseRisk.errors";

const shape = z.strictObject({
  factors: z
    .array(z.string({ error: `${E}.factors` }), { error: `${E}.factors` })
    .max(20, { error: `${E}.factors` })
    .default([]),
  level: z.string({ error: `${E}.level` }).default(""),
  rationale: z.string({ error: `${E}.rationale` }).default(""),
  safetyPlan: z.string({ error: `${E}.safetyPlan` }).default(""),
  reviewOnDay: z.string({ error: `${E}.reviewOnInvalid` }).default(""),
  reviewOnMonth: z.string({ error: `${E}.reviewOnInvalid` }).default(""),
  reviewOnYear: z.string({ error: `${E}.reviewOnInvalid` }).default(""),
});

export type RiskInput = {
  factors: RiskFactor[];
  level: RiskLevel;
  rationale: string;
  safetyPlan: string | null;
  reviewOn: Date;
};

export type ParsedRisk =
  | { ok: true; input: RiskInput }
  | { ok: false; fieldErrors: Partial<Record<RiskField, string>>; formError?: string };

// Browsers send line breaks as CRLF; each is kept as one line break.
const lines = (text: string) => text.replace(/\r\n?/g, "\n");

// `today` is London's calendar day. A blank review date takes the usual one for the level.
export function parseRiskAssessment(raw: unknown, today: Date): ParsedRisk {
  const parsed = shape.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Partial<Record<RiskField, string>> = {};
    let formError: string | undefined;
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (issue.code === "unrecognized_keys" || typeof field !== "string") formError ??= `${E}.unknownField`;
      else fieldErrors[field as RiskField] ??= issue.message;
    }
    return { ok: false, fieldErrors, formError };
  }
  const form = parsed.data;
  const errors: Partial<Record<RiskField, string>> = {};

  const factors = z.array(z.enum(RiskFactor)).safeParse(form.factors);
  if (!factors.success) errors.factors = `${E}.factors`;
  const level = z.enum(RiskLevel).safeParse(form.level);
  if (!level.success) errors.level = `${E}.level`;

  const rationale = lines(form.rationale).trim();
  if (rationale === "") errors.rationale = `${E}.rationaleMissing`;
  else if (rationale.length > TEXT_MAX) errors.rationale = `${E}.tooLong`;
  else if (hasControlCharacters(rationale)) errors.rationale = `${E}.controlCharacters`;

  const safetyPlan = lines(form.safetyPlan).trim();
  if (safetyPlan.length > TEXT_MAX) errors.safetyPlan = `${E}.tooLong`;
  else if (hasControlCharacters(safetyPlan)) errors.safetyPlan = `${E}.controlCharacters`;

  let reviewOn: Date | null = null;
  const typed = parseDayMonthYear(form.reviewOnDay, form.reviewOnMonth, form.reviewOnYear);
  if (typed === "invalid") errors.reviewOnDay = `${E}.reviewOnInvalid`;
  else if (typed instanceof Date) {
    const problem = checkReviewOn(typed, today);
    if (problem) errors.reviewOnDay = `${E}.${problem}`;
    else reviewOn = typed;
  } else if (level.success) reviewOn = defaultReviewOn(level.data, today);

  if (Object.keys(errors).length > 0 || !factors.success || !level.success || !reviewOn)
    return { ok: false, fieldErrors: errors };
  return {
    ok: true,
    input: {
      factors: [...new Set(factors.data)],
      level: level.data,
      rationale,
      safetyPlan: safetyPlan === "" ? null : safetyPlan,
      reviewOn,
    },
  };
}

// What the form sent, to put back after a failed save: the form's own fields, text only,
// capped so a hostile submit cannot make the page enormous.
export function riskFormValues(raw: Record<string, unknown>): Partial<RiskFormValues> {
  const values: Partial<RiskFormValues> = {};
  for (const field of RISK_FIELDS) {
    const value = raw[field];
    if (typeof value === "string") values[field] = value.slice(0, TEXT_MAX + 100);
    else if (Array.isArray(value))
      values[field] = value
        .filter((v) => typeof v === "string")
        .join(",")
        .slice(0, 500);
  }
  return values;
}

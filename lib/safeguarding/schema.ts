// The "add a safeguarding record" form. A referral made names where it went; a referral not
// made says why. Unknown fields are refused; all errors are reported together.
import { z } from "zod";
import { SafeguardingConcern } from "@/lib/generated/prisma/enums";
import { hasControlCharacters } from "@/lib/text";
import { SAFEGUARDING_FIELDS, LIMITS, type SafeguardingField, type SafeguardingFormValues } from "./fields";

// The fields live apart from zod, for the forms in the browser.
export * from "./fields";

const E = "caseSafeguarding.errors";

const shape = z.strictObject({
  concern: z.string({ error: `${E}.concern` }).default(""),
  referralMade: z.string({ error: `${E}.referralMade` }).default(""),
  referredTo: z.string({ error: `${E}.referredTo` }).default(""),
  notMadeReason: z.string({ error: `${E}.notMadeReason` }).default(""),
});

export type SafeguardingInput = {
  concern: SafeguardingConcern;
  referralMade: boolean;
  referredTo: string | null;
  notMadeReason: string | null;
};

export type ParsedSafeguarding =
  | { ok: true; input: SafeguardingInput }
  | { ok: false; fieldErrors: Partial<Record<SafeguardingField, string>>; formError?: string };

function checkText(
  text: string,
  max: number,
  field: SafeguardingField,
  errors: Partial<Record<SafeguardingField, string>>,
) {
  if (text.length > max) errors[field] = `${E}.tooLong`;
  else if (hasControlCharacters(text)) errors[field] = `${E}.controlCharacters`;
}

export function parseSafeguarding(raw: unknown): ParsedSafeguarding {
  const parsed = shape.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Partial<Record<SafeguardingField, string>> = {};
    let formError: string | undefined;
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (issue.code === "unrecognized_keys" || typeof field !== "string") formError ??= `${E}.unknownField`;
      else fieldErrors[field as SafeguardingField] ??= issue.message;
    }
    return { ok: false, fieldErrors, formError };
  }
  const form = parsed.data;
  const errors: Partial<Record<SafeguardingField, string>> = {};
  const concern = z.enum(SafeguardingConcern).safeParse(form.concern);
  if (!concern.success) errors.concern = `${E}.concern`;
  const made = form.referralMade === "yes" ? true : form.referralMade === "no" ? false : null;
  if (made === null) errors.referralMade = `${E}.referralMade`;
  const referredTo = form.referredTo.replace(/\r\n?/g, "\n").trim();
  const notMadeReason = form.notMadeReason.replace(/\r\n?/g, "\n").trim();
  // Only the answer that matches the choice is kept: a reason typed and then abandoned for
  // "yes" is not stored as if it applied.
  if (made === true) {
    if (referredTo === "") errors.referredTo = `${E}.referredToMissing`;
    else checkText(referredTo, LIMITS.referredTo, "referredTo", errors);
  }
  if (made === false) {
    if (notMadeReason === "") errors.notMadeReason = `${E}.notMadeReasonMissing`;
    else checkText(notMadeReason, LIMITS.notMadeReason, "notMadeReason", errors);
  }
  if (Object.keys(errors).length > 0 || !concern.success || made === null)
    return { ok: false, fieldErrors: errors };
  return {
    ok: true,
    input: {
      concern: concern.data,
      referralMade: made,
      referredTo: made ? referredTo : null,
      notMadeReason: made ? null : notMadeReason,
    },
  };
}

export function safeguardingFormValues(raw: Record<string, unknown>): Partial<SafeguardingFormValues> {
  const values: Partial<SafeguardingFormValues> = {};
  for (const field of SAFEGUARDING_FIELDS) {
    const value = raw[field];
    if (typeof value === "string") values[field] = value.slice(0, LIMITS.notMadeReason + 100);
  }
  return values;
}

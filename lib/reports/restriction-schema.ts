// The one field every restriction form asks for: why. Restricting, lifting and opening by
// override each need words that a supervisor can review later.
import { z } from "zod";
import { hasControlCharacters } from "@/lib/text";
import { fieldErrorsOf } from "@/lib/forms";

export const REASON_LIMIT = 2000;
const E = "restriction.errors";

export const restrictionReasonSchema = z.strictObject({
  reason: z
    .string({ error: `${E}.reason` })
    .trim()
    .min(1, { error: `${E}.reason` })
    .max(REASON_LIMIT, { error: `${E}.tooLong` })
    .refine((t) => !hasControlCharacters(t), { error: `${E}.controlCharacters` }),
});

export type RestrictionValues = { reason: string };

export function restrictionErrors(error: z.ZodError): Partial<Record<"reason", string>> {
  return fieldErrorsOf<"reason">(error, { prefix: E, fields: ["reason"], fallbackField: "reason" });
}

// The supervisor's forms for closing and reopening a report: a reason from the list (closing)
// and words saying why (both). FINAL_OUTCOME is written by the system only, never chosen.
import { z } from "zod";
import { CloseReason } from "@/lib/generated/prisma/enums";
import { hasControlCharacters } from "@/lib/text";
import { fieldErrorsOf } from "@/lib/forms";

export const SUPERVISOR_CLOSE_REASONS = Object.values(CloseReason).filter((r) => r !== "FINAL_OUTCOME") as [
  CloseReason,
  ...CloseReason[],
];

export const NOTES_LIMIT = 2000;
const E = "lifecycle.errors";

const notes = z
  .string({ error: `${E}.notes` })
  .trim()
  .min(1, { error: `${E}.notes` })
  .max(NOTES_LIMIT, { error: `${E}.tooLong` })
  .refine((t) => !hasControlCharacters(t), { error: `${E}.controlCharacters` });

export const closeReportSchema = z.strictObject({
  closeReason: z.enum(SUPERVISOR_CLOSE_REASONS, { error: `${E}.closeReason` }),
  notes,
});

export const reopenReportSchema = z.strictObject({ notes });

export type CloseReportValues = { closeReason: string; notes: string };
export type ReopenReportValues = { notes: string };

export function lifecycleErrors<Field extends string>(
  error: z.ZodError,
  fields: readonly Field[],
  fallbackField: Field,
): Partial<Record<Field, string>> {
  return fieldErrorsOf<Field>(error, { prefix: E, fields, fallbackField });
}

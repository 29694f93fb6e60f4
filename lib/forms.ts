// The one shape a form action returns: every field error (as message keys), the values
// the user submitted (so nothing typed is lost) and, for errors about the whole form, a
// general message key.
import type { z } from "zod";

export type FormState<Values extends Record<string, string>> = {
  status: "idle" | "invalid" | "failed";
  values: Partial<Values>;
  fieldErrors: Partial<Record<keyof Values, string>>;
  formError?: string;
};

export function fieldErrorsOf<Values extends Record<string, string>>(
  error: z.ZodError,
): Partial<Record<keyof Values, string>> {
  const out: Partial<Record<keyof Values, string>> = {};
  for (const issue of error.issues) {
    const key = issue.path[0];
    if (typeof key === "string" && !(key in out)) out[key as keyof Values] = issue.message;
  }
  return out;
}

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

// Turns a submitted form into a plain object for a zod schema. Fields that may repeat
// (checkbox groups) become lists; any other field keeps its last value. Next.js's own
// fields are dropped, and everything else is passed on so strict schemas can refuse
// fields the form does not own.
export function formToObject(form: FormData, listFields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of listFields) out[name] = [];
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const text = typeof value === "string" ? value : "";
    if (listFields.includes(key)) (out[key] as string[]).push(text);
    else out[key] = text;
  }
  return out;
}

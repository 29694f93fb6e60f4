// The one shape a form action returns: every field error (as message keys), the values
// the user submitted (so nothing typed is lost) and, for errors about the whole form, a
// general message key.
import type { z } from "zod";

export type FormState<Values extends Record<string, string>> = {
  // "failed" and "signed-out" come from lib/forms/safe-action.ts (or its client half).
  status: "idle" | "invalid" | "failed" | "signed-out";
  values: Partial<Values>;
  fieldErrors: Partial<Record<keyof Values, string>>;
  formError?: string;
  // Sealed values kept across a new sign-in, and whether they came back (lib/forms/keep.ts).
  kept?: string;
  restored?: boolean;
};

// The first error for each field. With `strict`, errors are kept to the form's own fields
// and message keys: an unknown field is reported against `fallbackField`, and a message
// that is not one of `prefix`'s keys (a wrong type from a crafted request) becomes
// `${prefix}.invalid`.
export function fieldErrorsOf<Field extends string>(
  error: z.ZodError,
  strict?: { prefix: string; fields: readonly string[]; fallbackField: Field },
): Partial<Record<Field, string>> {
  const out: Partial<Record<Field, string>> = {};
  for (const issue of error.issues) {
    const key = issue.path[0];
    if (!strict) {
      if (typeof key === "string" && !(key in out)) out[key as Field] = issue.message;
      continue;
    }
    const field = (
      typeof key === "string" && strict.fields.includes(key) ? key : strict.fallbackField
    ) as Field;
    const message =
      issue.code === "unrecognized_keys"
        ? `${strict.prefix}.unknownField`
        : issue.message.startsWith(`${strict.prefix}.`)
          ? issue.message
          : `${strict.prefix}.invalid`;
    out[field] ??= message;
  }
  return out;
}

// What a schema may be given: each field as text, a list of text, a number or a yes/no. A
// server action's arguments are decoded from whatever the browser sent, so a crafted request
// can put other things there; zod 4 runs its length checks even on a value of the wrong
// type, and an object whose `length` cannot become a number makes such a check throw.
// Anything else becomes null, which every schema refuses with its own message. Keys stay
// as they are, so strict schemas still refuse fields the form does not own
// (`Object.fromEntries` keeps a `__proto__` key as a plain field).
export function plainFormInput(raw: unknown): Record<string, unknown> {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return {};
  const plain = (value: unknown) =>
    ["string", "number", "boolean"].includes(typeof value) ||
    (Array.isArray(value) && value.every((v) => typeof v === "string"));
  return Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, plain(value) ? value : null]));
}

// Turns a submitted form into a plain object for a zod schema. Fields that may repeat
// (checkbox groups) become lists; any other field keeps its last value. Next.js's own
// fields are dropped, and everything else is passed on so strict schemas can refuse
// fields the form does not own. An action's arguments are whatever the request decoded to,
// so a hand-made request can send text or an object where the form should be: that reads
// as an empty form, which every schema refuses with its own messages.
export function formToObject(form: unknown, listFields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of listFields) out[name] = [];
  for (const [key, value] of submittedForm(form).entries()) {
    if (key.startsWith("$ACTION")) continue;
    const text = typeof value === "string" ? value : "";
    if (listFields.includes(key)) (out[key] as string[]).push(text);
    else out[key] = text;
  }
  return out;
}

// The submitted form, or an empty one when a hand-made request sent something else in its
// place (see formToObject), for the actions that read a field or two by name.
export function submittedForm(form: unknown): FormData {
  return form instanceof FormData ? form : new FormData();
}

// What was typed, as text, to put back into the form when the save failed for a reason the
// person did not cause (the database was unreachable, say): nothing typed is lost.
export function typedValues(raw: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(raw).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
}

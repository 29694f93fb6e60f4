// A form's token: a random id made when the page renders the form and sent back as a hidden
// field. A save that carries one is written once, whatever happens on the way: an answer
// lost to a timeout, a retry after the database came back, a double click. The row keeps
// the token under a unique constraint; a second submit finds the first row and answers
// with it.
import { isUuid } from "@/lib/ids";

export const FORM_TOKEN_FIELD = "idempotencyKey";

// The token, when the submit carries a well-formed one, and the rest of the form. A
// malformed token is left in the form, where the form's strict schema refuses it.
export function takeFormToken<T extends Record<string, unknown>>(
  raw: T,
): { token: string | null; rest: Record<string, unknown> } {
  const value = raw[FORM_TOKEN_FIELD];
  if (typeof value !== "string" || !isUuid(value)) return { token: null, rest: raw };
  const { [FORM_TOKEN_FIELD]: _token, ...rest } = raw;
  return { token: value.toLowerCase(), rest };
}

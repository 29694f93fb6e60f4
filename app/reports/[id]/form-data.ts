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

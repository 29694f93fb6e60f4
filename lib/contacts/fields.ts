// The "log a contact" form's fields, apart from its schema: the form in the browser needs
// these, and importing the schema module would send zod to every browser too.
export const CONTACT_FIELDS = [
  "type",
  "method",
  "occurredAtDay",
  "occurredAtMonth",
  "occurredAtYear",
  "occurredAtTime",
  "notes",
  "followUpOnDay",
  "followUpOnMonth",
  "followUpOnYear",
  "reportId",
  "updateIds",
] as const;

export type ContactField = (typeof CONTACT_FIELDS)[number];
// Every value as text, for putting back into the form; the ticked updates as a comma list.
export type ContactFormValues = Record<ContactField, string>;

export const NOTES_MAX = 2000;

// The ticked updates as the form put them back, for the checkboxes.
export function tickedUpdateIds(values: Partial<ContactFormValues>): string[] {
  return (values.updateIds ?? "").split(",").filter((id) => id !== "");
}

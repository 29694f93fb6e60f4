// The "change a person's details" form's fields, apart from its schema: the form in the
// browser needs these, and importing the schema module would send zod to every browser too.
export const PERSON_FIELDS = [
  "workingName",
  "selfDescription",
  "ageBand",
  "workSetting",
  "language",
  "interpreterNeeds",
  "accessNeeds",
  "safeContactMethods",
  "safeContactTimes",
  "doNotContactRules",
  "version",
] as const;

export type PersonField = (typeof PERSON_FIELDS)[number];
// Checkbox answers travel as one comma-separated string, so every value is text.
export type PersonFormValues = Record<PersonField, string>;

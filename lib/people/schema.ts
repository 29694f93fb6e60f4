// The "change a person's details" form. Only what the person page shows and an officer
// keeps up to date: names they choose, language, needs and contact safety. Limits match the
// intake's person step. The version is the one the officer read, so a save over someone
// else's newer change is caught.
import { z } from "zod";
import { AgeBand, ContactMethod, Language, WorkSetting } from "@/lib/generated/prisma/enums";
import { hasControlCharacters } from "@/lib/text";
import { PERSON_FIELDS, type PersonFormValues } from "./fields";

// The fields live apart from zod, for the forms in the browser.
export * from "./fields";

const e = (key: string) => ({ error: `people.errors.${key}` });

function text(max: number) {
  return z
    .string(e("text"))
    .max(max, e("tooLong"))
    .refine((s) => !hasControlCharacters(s), e("controlCharacters"))
    .transform((s) => (s.trim() === "" ? null : s.trim()))
    .default(null);
}

function choice<T extends Record<string, string>>(values: T) {
  return z
    .union([z.literal(""), z.enum(values)], e("choice"))
    .transform((v) => (v === "" ? null : v))
    .default(null);
}

export const personUpdateSchema = z.strictObject({
  workingName: z
    .string(e("workingName"))
    .max(100, e("tooLong"))
    .refine((s) => !hasControlCharacters(s), e("controlCharacters"))
    .transform((s) => s.trim())
    .pipe(z.string().min(1, e("workingName"))),
  selfDescription: text(200),
  ageBand: choice(AgeBand),
  workSetting: choice(WorkSetting),
  language: z.enum(Language, e("language")),
  interpreterNeeds: text(300),
  accessNeeds: text(300),
  safeContactMethods: z
    .array(z.enum(ContactMethod, e("choice")), e("choice"))
    .max(Object.keys(ContactMethod).length, e("choice"))
    .transform((methods) => [...new Set(methods)])
    .default([]),
  safeContactTimes: text(200),
  doNotContactRules: text(1000),
  version: z.coerce.number(e("version")).int(e("version")).min(1, e("version")),
});

export type PersonUpdate = z.infer<typeof personUpdateSchema>;

// What the form sent, for putting back after a failed save: the form's own fields only.
export function personFormValues(raw: Record<string, unknown>): Partial<PersonFormValues> {
  const values: Partial<PersonFormValues> = {};
  for (const field of PERSON_FIELDS) {
    const value = raw[field];
    if (typeof value === "string") values[field] = value.slice(0, 5000);
    else if (Array.isArray(value))
      values[field] = value
        .filter((v) => typeof v === "string")
        .join(",")
        .slice(0, 5000);
  }
  return values;
}

// Random and hostile input to the consent and referral forms: each answers with success or
// with validation messages, never an exception; unknown fields and text the database cannot
// hold (NUL) are refused, and every message is one of the forms' own keys.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import messages from "@/messages/en";
import {
  consentFormSchema,
  withdrawFormSchema,
  CONSENT_FORM_FIELDS,
  WITHDRAW_FORM_FIELDS,
} from "@/lib/consent/schema";
import { REFERRAL_FORM_FIELDS, closeSchema, declineSchema, referralFormSchema, updateSchema } from "./schema";

const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.string({ minLength: 2_001, maxLength: 2_100 }),
  fc.constantFrom("\u0000", "a\u0000b", "WORKING_NAME", "NARRATIVE", "OTHER", "THREAT_TO_LIFE", "31", "2026"),
);
const hostileValue = fc.oneof(
  hostileString,
  fc.array(hostileString, { maxLength: 8 }),
  fc.integer(),
  fc.constant(null),
);
const hostileRecord = (fields: readonly string[]) =>
  fc.record(Object.fromEntries([...fields, "extraField"].map((f) => [f, hostileValue])), {
    requiredKeys: [],
  });

function known(key: string): boolean {
  let node: unknown = messages;
  for (const part of key.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === "string";
}

const forms = [
  ["recording consent", consentFormSchema(), CONSENT_FORM_FIELDS],
  ["withdrawing consent", withdrawFormSchema(), WITHDRAW_FORM_FIELDS],
  ["referring", referralFormSchema, REFERRAL_FORM_FIELDS],
  ["declining", declineSchema, ["declineReason"]],
  ["closing", closeSchema, ["closeReason", "closeNote"]],
  ["updating", updateSchema, ["text"]],
] as const;

describe("consent and referral forms under hostile input", () => {
  for (const [name, schema, fields] of forms)
    it(`${name} never crashes, refuses unknown fields and NUL, and speaks only its own messages`, () => {
      fc.assert(
        fc.property(hostileRecord(fields), (raw) => {
          const result = schema.safeParse(raw);
          if (result.success) {
            expect("extraField" in raw).toBe(false);
            expect(JSON.stringify(result.data)).not.toContain("\\u0000");
          } else {
            for (const issue of result.error.issues)
              if (issue.code !== "unrecognized_keys" && issue.path.length <= 1)
                expect(known(issue.message), issue.message).toBe(true);
          }
        }),
        { numRuns: 300 },
      );
    });
});

import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { STEP_SCHEMAS } from "./schemas";
import { STEPS } from "./questions";
import { ownedValues } from "./drafts";
import { plainFormInput } from "@/lib/forms";

// Hostile input: very long text, control characters, markup, wrong types and extra fields.
const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({ minLength: 20_000, maxLength: 30_000 }),
  fc.constantFrom(
    "<script>alert(1)</script>",
    '\'; DROP TABLE "IncidentReport"; --',
    "\u0000",
    "2026-02-30",
    "NEW",
    "YES",
  ),
);
const hostileValue = fc.oneof(
  hostileString,
  fc.array(hostileString, { maxLength: 30 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.object(),
);

describe("every intake step, given random and hostile input", () => {
  for (const step of STEPS) {
    const owned = step.questions.map((q) => q.name);
    const input = fc.record(
      Object.fromEntries([
        ...owned.map((n) => [n, hostileValue]),
        ["extraField", hostileValue],
        ["unitId", hostileString],
      ]),
      { requiredKeys: [] },
    );

    it(`${step.slug}: answers with success or validation messages, never a crash, and keeps only its own fields`, () => {
      fc.assert(
        fc.property(input, (raw) => {
          const kept = ownedValues(step.slug, raw);
          for (const key of Object.keys(kept)) expect(owned).toContain(key);
          const parsed = STEP_SCHEMAS[step.slug].safeParse(kept);
          if (parsed.success) {
            for (const key of Object.keys(parsed.data)) expect(owned).toContain(key);
          } else {
            for (const issue of parsed.error.issues) expect(typeof issue.message).toBe("string");
          }
          // The raw object, extra fields and all, is refused by the strict schema.
          if ("extraField" in raw || "unitId" in raw)
            expect(STEP_SCHEMAS[step.slug].safeParse(plainFormInput(raw)).success).toBe(false);
        }),
        { numRuns: 60 },
      );
      // Generating 60 sets of up to 30,000-character answers for every field takes a few
      // seconds on a busy machine; the person step has the most fields.
    }, 30_000);
  }

  it("text with control characters is refused rather than silently changed", () => {
    expect(STEP_SCHEMAS.account.safeParse({ narrative: "before\u0000after" }).success).toBe(false);
    expect(STEP_SCHEMAS.account.safeParse({ narrative: "line one\nline two\ttabbed" }).success).toBe(true);
  });
});

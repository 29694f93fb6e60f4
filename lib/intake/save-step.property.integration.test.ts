// Hostile input through the real save path: whatever arrives, saving a step answers with
// "saved" or with validation messages, never an exception, and the draft in PostgreSQL holds
// only fields the step owns.
import { ownerDb } from "@/tests/support/owner-db";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { startDraft, saveStep } from "./drafts";
import { STEPS } from "./questions";
import { makeOrganisation, signedIn } from "@/tests/support/factories";

const hostile = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 100 }),
  fc.constantFrom(
    "\u0000",
    "<img src=x onerror=alert(1)>",
    '\'; DELETE FROM "Draft"; --',
    "x".repeat(30_000),
  ),
  fc.array(fc.string({ maxLength: 30 }), { maxLength: 25 }),
  fc.integer(),
  fc.constant(null),
  fc.object({ maxDepth: 2 }),
);

describe("saving an intake step, given random and hostile input", () => {
  it("never fails with a server error and stores nothing the form does not own", async () => {
    const unit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const draftId = await startDraft(officer);
    if (!draftId) throw new Error("draft not started");
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...STEPS),
        fc.dictionary(fc.string({ maxLength: 20 }), hostile, { maxKeys: 6 }),
        fc.boolean(),
        async (step, extra, withOwned) => {
          const owned = step.questions.map((q) => q.name);
          const input: Record<string, unknown> = {
            ...extra,
            ...(withOwned
              ? Object.fromEntries(owned.map((n) => [n, extra[Object.keys(extra)[0] ?? ""] ?? "x"]))
              : {}),
          };
          const result = await saveStep(officer, draftId, step.slug, input);
          expect(["saved", "invalid"]).toContain(result.status);
          const draft = await ownerDb().draft.findUniqueOrThrow({ where: { id: draftId } });
          const stored = (draft.data as Record<string, Record<string, unknown>>)[step.slug] ?? {};
          for (const key of Object.keys(stored)) expect(owned).toContain(key);
          for (const value of Object.values(stored)) {
            expect(
              typeof value === "string" ||
                (Array.isArray(value) && value.every((v) => typeof v === "string")),
            ).toBe(true);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it("text the database cannot hold is reported, and the rest of the step is still kept", async () => {
    const unit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const draftId = await startDraft(officer);
    if (!draftId) throw new Error("draft not started");
    const result = await saveStep(officer, draftId, "account", { narrative: "before\u0000after" });
    expect(result).toEqual({
      status: "invalid",
      fieldErrors: { narrative: "intake.errors.controlCharacters" },
    });
    const autosaved = await saveStep(
      officer,
      draftId,
      "who",
      { suspectDescription: "tall\u0000", onlineHandles: "@x" },
      { validate: false },
    );
    expect(autosaved.status).toBe("saved");
    const draft = await ownerDb().draft.findUniqueOrThrow({ where: { id: draftId } });
    expect((draft.data as Record<string, Record<string, string>>).who?.onlineHandles).toBe("@x");
  });
});

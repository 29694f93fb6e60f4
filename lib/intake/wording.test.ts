import { describe, expect, it } from "vitest";
import messages from "@/messages/en";
import { STEPS } from "./questions";
import { optionText, questionText } from "./wording";

// A tiny stand-in for next-intl's translator over the English catalogue.
function translator(root: Record<string, unknown>) {
  const find = (key: string) =>
    key
      .split(".")
      .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], root);
  const t = (key: string) => String(find(key));
  t.has = (key: string) => typeof find(key) === "string";
  return t;
}

const all = translator(messages as Record<string, unknown>);
const intake = translator((messages as Record<string, Record<string, unknown>>).intake ?? {});
const ADULT_SEX_WORK = /sex work|working name|where they (mostly )?work|brothel|parlour|escort|client/i;

describe("the intake never calls a child a sex worker", () => {
  it("every question and option shown for a child avoids sex-work wording", () => {
    for (const step of STEPS)
      for (const q of step.questions) {
        for (const part of ["label", "hint", "why"] as const)
          expect(questionText(intake, q.name, part, true) ?? "", `${q.name} ${part}`).not.toMatch(
            ADULT_SEX_WORK,
          );
        if (q.kind === "radio" || q.kind === "checkbox")
          for (const o of q.options)
            expect(optionText(all, q.name, q.labels, o, true), `${q.name} ${o}`).not.toMatch(ADULT_SEX_WORK);
      }
  });

  it("adults keep the wording they ask for", () => {
    expect(questionText(intake, "workingName", "label", false)).toBe("Working name or pseudonym");
    expect(optionText(all, "relationship", "enums.PerpetratorRelationship", "CLIENT", false)).toBe("Client");
  });
});

// The questions a partner answers when reporting for someone they support. They are the
// officer's intake questions (lib/intake/questions.ts), picked by name, so there is one
// question set: a change to a question there changes it here. Left out are the questions
// only the unit can answer (crime recording, consent to share, the unit's own safeguarding
// referrals) and personal details beyond a working name and age: the partner holds those, not
// the police. The age and the safeguarding signs are asked because they decide the
// safeguarding panels and the child wording (lib/intake/safeguarding.ts, lib/intake/wording.ts),
// exactly as at the officer's intake. "Are they safe now?" comes first.
import { STEPS, type Question, type StepSlug } from "@/lib/intake/questions";

export const PARTNER_SECTIONS = [
  {
    id: "safety",
    step: "person",
    names: ["immediateDanger", "injuriesNeedingCare", "threatsOfFurtherHarm", "riskFromExploiter"],
  },
  // Asked with the anonymity and working name ("About the person"); a child raises the panel.
  { id: "about", step: "person", names: ["ageBand", "dateOfBirth"] },
  { id: "signs", step: "safety", names: ["safeguardingSigns"] },
  {
    id: "what-happened",
    step: "what-happened",
    names: [
      "incidentTypes",
      "whenKnown",
      "incidentDate",
      "incidentTime",
      "periodFrom",
      "periodTo",
      "area",
      "place",
    ],
  },
  {
    id: "who",
    step: "who",
    names: ["relationship", "suspectDescription", "vehicleRegistrations", "phoneNumbers", "onlineHandles"],
  },
  { id: "account", step: "account", names: ["narrative"] },
] as const satisfies readonly { id: string; step: StepSlug; names: readonly string[] }[];

export type PartnerSectionId = (typeof PARTNER_SECTIONS)[number]["id"];

// The intake's own definitions, in the intake's order within each section.
export function sectionQuestions(step: StepSlug, names: readonly string[]): Question[] {
  const found = STEPS.find((s) => s.slug === step);
  return ((found?.questions ?? []) as readonly Question[]).filter((q) => names.includes(q.name));
}

// The working name is the intake's question too; it is asked only when the person is named.
export const WORKING_NAME = sectionQuestions("person", ["workingName"])[0]!;

export const PARTNER_QUESTION_NAMES: readonly string[] = PARTNER_SECTIONS.flatMap((s) => s.names);

// Fields of the form that are the partner's own (not intake questions).
export const OWN_FIELDS = ["unitId", "anonymous", "workingName", "wish", "idempotencyKey"] as const;

// Checkbox groups: several values under one name.
export const LIST_FIELDS: readonly string[] = PARTNER_SECTIONS.flatMap((s) =>
  sectionQuestions(s.step, s.names)
    .filter((q) => q.kind === "checkbox")
    .map((q) => q.name),
);

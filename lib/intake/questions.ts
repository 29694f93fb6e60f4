// The intake, as data: seven short steps, one topic each. Safety comes first: "Are they safe
// now?" follows the name. Pages, validation and the
// check-answers page are all driven from these definitions, so a question is added in one
// place. Labels, hints and "why we ask" text live in messages/en/intake.json.
import {
  AgeBand,
  Answer,
  ConsentMethod,
  ContactMethod,
  IncidentType,
  Language,
  PerpetratorRelationship,
  PersonWants,
  ReportingRoute,
  WorkSetting,
  type SafeguardingConcern,
} from "@/lib/generated/prisma/enums";

// `panel`: the question belongs to a safeguarding panel, shown only while that concern is
// raised (lib/intake/safeguarding.ts).
type Base = { name: string; why?: boolean; panel?: SafeguardingConcern };
export type Question = Base &
  // Free text gets language advice unless `languageCheck: false` (names, references).
  (
    | { kind: "text"; maxLength: number; required?: boolean; autoComplete?: string; languageCheck?: false }
    | { kind: "textarea"; maxLength: number; rows: number }
    | { kind: "lines"; maxLength: number }
    | { kind: "date" }
    // A GOV.UK date (day, month and year boxes), kept in the draft as "year-month-day".
    | { kind: "day" }
    | { kind: "time" }
    | { kind: "radio"; options: readonly string[]; labels: string }
    | { kind: "checkbox"; options: readonly string[]; labels: string }
    | { kind: "agency" }
    | { kind: "person" }
  );

export type Step = { slug: StepSlug; questions: readonly Question[] };

const values = <T extends Record<string, string>>(e: T) => Object.values(e) as T[keyof T][];
const answers = values(Answer);

// The questions of one safeguarding panel: was a referral made, to whom, or why not.
function referralQuestions(prefix: string, panel: SafeguardingConcern) {
  return [
    { kind: "radio", name: `${prefix}ReferralMade`, options: ["YES", "NO"], labels: "enums.Answer", panel },
    { kind: "text", name: `${prefix}ReferredTo`, maxLength: 300, panel },
    { kind: "textarea", name: `${prefix}NotMadeReason`, maxLength: 2000, rows: 3, panel },
  ] as const;
}

export const STEPS = [
  {
    slug: "person",
    questions: [
      { kind: "person", name: "existingPersonId" },
      { kind: "text", name: "workingName", maxLength: 100, autoComplete: "off", languageCheck: false },
      // "Yes, safe" is offered first; the answer is stored as whether they are in danger.
      {
        kind: "radio",
        name: "immediateDanger",
        options: ["NO", "YES", "NOT_KNOWN", "PREFER_NOT_TO_SAY"],
        labels: "intake.options.SafeNow",
      },
      { kind: "radio", name: "injuriesNeedingCare", options: answers, labels: "enums.Answer" },
      { kind: "radio", name: "threatsOfFurtherHarm", options: answers, labels: "enums.Answer" },
      { kind: "radio", name: "riskFromExploiter", options: answers, labels: "enums.Answer" },
      { kind: "text", name: "selfDescription", maxLength: 200, why: true },
      { kind: "radio", name: "ageBand", options: values(AgeBand), labels: "enums.AgeBand", why: true },
      { kind: "date", name: "dateOfBirth", why: true },
      ...referralQuestions("child", "CHILD_AT_RISK"),
      {
        kind: "radio",
        name: "workSetting",
        options: values(WorkSetting),
        labels: "enums.WorkSetting",
        why: true,
      },
      { kind: "radio", name: "language", options: values(Language), labels: "enums.Language", why: true },
      { kind: "text", name: "interpreterNeeds", maxLength: 300 },
      { kind: "text", name: "accessNeeds", maxLength: 300 },
      {
        kind: "checkbox",
        name: "safeContactMethods",
        options: values(ContactMethod),
        labels: "enums.ContactMethod",
        why: true,
      },
      { kind: "text", name: "safeContactTimes", maxLength: 200 },
      { kind: "textarea", name: "doNotContactRules", maxLength: 1000, rows: 3 },
    ],
  },
  {
    slug: "what-happened",
    questions: [
      {
        kind: "checkbox",
        name: "incidentTypes",
        options: values(IncidentType),
        labels: "enums.IncidentType",
      },
      {
        kind: "radio",
        name: "whenKnown",
        options: ["EXACT", "APPROXIMATE", "UNKNOWN"],
        labels: "enums.DatePrecision",
      },
      { kind: "date", name: "incidentDate" },
      { kind: "time", name: "incidentTime" },
      { kind: "date", name: "periodFrom" },
      { kind: "date", name: "periodTo" },
      { kind: "day", name: "reportedAt" },
      { kind: "text", name: "area", maxLength: 120, why: true },
      { kind: "text", name: "place", maxLength: 300 },
    ],
  },
  {
    slug: "who",
    questions: [
      {
        kind: "radio",
        name: "relationship",
        options: values(PerpetratorRelationship),
        labels: "enums.PerpetratorRelationship",
      },
      { kind: "textarea", name: "suspectDescription", maxLength: 2000, rows: 4 },
      { kind: "lines", name: "vehicleRegistrations", maxLength: 500 },
      { kind: "lines", name: "phoneNumbers", maxLength: 500 },
      { kind: "lines", name: "onlineHandles", maxLength: 500 },
    ],
  },
  {
    slug: "account",
    questions: [{ kind: "textarea", name: "narrative", maxLength: 20_000, rows: 12 }],
  },
  {
    slug: "wishes",
    questions: [
      {
        kind: "radio",
        name: "personWants",
        options: values(PersonWants),
        labels: "enums.PersonWants",
        why: true,
      },
      {
        kind: "radio",
        name: "shareConsent",
        options: ["YES", "NO", "NOT_ASKED"],
        labels: "intake.options.ShareConsent",
        why: true,
      },
      { kind: "agency", name: "shareAgencyId" },
      { kind: "text", name: "shareScope", maxLength: 500 },
      { kind: "date", name: "shareUntil" },
      { kind: "radio", name: "consentMethod", options: values(ConsentMethod), labels: "enums.ConsentMethod" },
    ],
  },
  {
    slug: "safety",
    questions: [
      {
        kind: "checkbox",
        name: "safeguardingSigns",
        options: ["ADULT_AT_RISK", "MODERN_SLAVERY"],
        labels: "enums.SafeguardingConcern",
        why: true,
      },
      ...referralQuestions("adult", "ADULT_AT_RISK"),
      ...referralQuestions("slavery", "MODERN_SLAVERY"),
      {
        kind: "radio",
        name: "enhancedRights",
        options: ["YES", "NO", "NOT_KNOWN"],
        labels: "enums.Answer",
        why: true,
      },
      { kind: "text", name: "enhancedRightsReason", maxLength: 500 },
      { kind: "textarea", name: "supportNeeds", maxLength: 2000, rows: 4 },
    ],
  },
  {
    slug: "crime",
    questions: [
      {
        kind: "radio",
        name: "reportingRoute",
        options: values(ReportingRoute),
        labels: "enums.ReportingRoute",
      },
      { kind: "radio", name: "crimeRecorded", options: ["YES", "NO", "NOT_KNOWN"], labels: "enums.Answer" },
      { kind: "text", name: "crimeReference", maxLength: 50, autoComplete: "off", languageCheck: false },
      { kind: "textarea", name: "crimeNotRecordedWhy", maxLength: 2000, rows: 3 },
    ],
  },
] as const satisfies readonly { slug: string; questions: readonly Question[] }[];

export type StepSlug = (typeof STEPS)[number]["slug"];

export const STEP_SLUGS = STEPS.map((s) => s.slug) as StepSlug[];

export function stepBySlug(slug: string): Step | undefined {
  return (STEPS as readonly Step[]).find((s) => s.slug === slug);
}

export function stepAfter(slug: StepSlug): StepSlug | "check" {
  const i = STEP_SLUGS.indexOf(slug);
  return STEP_SLUGS[i + 1] ?? "check";
}

export function stepBefore(slug: StepSlug): StepSlug | null {
  const i = STEP_SLUGS.indexOf(slug);
  return i > 0 ? (STEP_SLUGS[i - 1] ?? null) : null;
}

// Values as a form holds them: one string, or several for checkbox groups.
export type RawValues = Record<string, string | string[]>;

// Reading a step's fields from a form lives on its own, so the step form in the browser can
// use it without carrying the whole question catalogue.
export { readStepForm } from "./read-step-form";

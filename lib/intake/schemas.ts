// Validation for each intake step and for the whole report at submission. Every error is a
// message key in messages/en/intake.json. Everything but the working name is optional.
import { z } from "zod";
import {
  AgeBand,
  ConsentMethod,
  ContactMethod,
  IncidentType,
  Language,
  PerpetratorRelationship,
  PersonWants,
  ReportingRoute,
  WorkSetting,
  Answer,
} from "@/lib/generated/prisma/enums";
import { isUuid } from "@/lib/ids";
import { normaliseIdentifier } from "@/lib/suspects/normalise";
import type { StepSlug } from "./questions";
import { hasControlCharacters } from "@/lib/text";
import { londonToday } from "@/lib/time/london";
import { londonTodayIso, parseDate, parseDay } from "./dates";
import { PANELS, isUnder18On, referralErrors } from "./safeguarding";

export { parseDate };

function text(max: number) {
  return z
    .string({ error: "intake.errors.text" })
    .max(max, { error: "intake.errors.tooLong" })
    .refine((s) => !hasControlCharacters(s), { error: "intake.errors.controlCharacters" })
    .transform((s) => s.trim());
}

// An optional choice: an empty string means "not answered".
function choice<T extends Record<string, string>>(e: T) {
  return z
    .union([z.literal(""), z.enum(e, { error: "intake.errors.choice" })])
    .optional()
    .default("");
}

function choices<T extends Record<string, string>>(e: T) {
  return z
    .array(z.enum(e, { error: "intake.errors.choice" }))
    .max(Object.keys(e).length)
    .optional()
    .default([]);
}

function date(rule: "past" | "future" | "any" = "any") {
  return z
    .string()
    .optional()
    .default("")
    .refine((s) => s === "" || parseDate(s) !== null, { error: "intake.errors.date" })
    .refine(
      (s) => {
        const d = parseDate(s);
        if (!d || rule === "any") return true;
        const today = londonToday();
        return rule === "past" ? d <= today && d.getUTCFullYear() >= 1900 : d >= today;
      },
      { error: rule === "past" ? "intake.errors.dateInFuture" : "intake.errors.dateInPast" },
    );
}

// When the person reported: a GOV.UK date, not after London's today. Empty means "today",
// which is also what the form offers first.
const reportedDay = z
  .string()
  .optional()
  .default("")
  .refine((s) => s === "" || parseDay(s) !== null, { error: "intake.errors.date" })
  .refine(
    (s) => {
      const day = parseDay(s);
      return !day || (day <= londonTodayIso() && day >= "1900-01-01");
    },
    { error: "intake.errors.reportedInFuture" },
  );

const time = z
  .string()
  .optional()
  .default("")
  .refine((s) => s === "" || /^([01]\d|2[0-3]):[0-5]\d$/.test(s), { error: "intake.errors.time" });

function lines(kind: "VEHICLE_REGISTRATION" | "PHONE_NUMBER" | "ONLINE_HANDLE") {
  return text(500)
    .optional()
    .default("")
    .refine((s) => splitLines(s).length <= 10, { error: "intake.errors.tooManyLines" })
    .refine((s) => splitLines(s).every((line) => normaliseIdentifier(kind, line) !== null), {
      error: `intake.errors.identifier.${kind}`,
    });
}

export function splitLines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

const optionalText = (max: number) => text(max).optional().default("");

const yesNo = z
  .union([z.literal(""), z.enum(["YES", "NO"], { error: "intake.errors.choice" })])
  .optional()
  .default("");

function referralFields<P extends "child" | "adult" | "slavery">(prefix: P) {
  return {
    [`${prefix}ReferralMade`]: yesNo,
    [`${prefix}ReferredTo`]: optionalText(300),
    [`${prefix}NotMadeReason`]: optionalText(2000),
  } as Record<`${P}ReferralMade`, typeof yesNo> &
    Record<`${P}${"ReferredTo" | "NotMadeReason"}`, ReturnType<typeof optionalText>>;
}

function addReferralIssues(
  values: Record<string, unknown>,
  concern: keyof typeof PANELS,
  ctx: z.RefinementCtx,
) {
  for (const [path, message] of Object.entries(referralErrors(values as Record<string, string>, concern)))
    ctx.addIssue({ code: "custom", path: [path], message });
}

export const personStep = z
  .strictObject({
    existingPersonId: z.string().optional().default(""),
    workingName: optionalText(100),
    immediateDanger: choice(Answer),
    injuriesNeedingCare: choice(Answer),
    threatsOfFurtherHarm: choice(Answer),
    riskFromExploiter: choice(Answer),
    selfDescription: optionalText(200),
    ageBand: choice(AgeBand),
    dateOfBirth: date("past"),
    ...referralFields("child"),
    workSetting: choice(WorkSetting),
    language: choice(Language),
    interpreterNeeds: optionalText(300),
    accessNeeds: optionalText(300),
    safeContactMethods: choices(ContactMethod),
    safeContactTimes: optionalText(200),
    doNotContactRules: optionalText(1000),
  })
  .superRefine((v, ctx) => {
    const existing = v.existingPersonId !== "" && v.existingPersonId !== "NEW";
    if (existing && !isUuid(v.existingPersonId)) {
      ctx.addIssue({ code: "custom", path: ["existingPersonId"], message: "intake.errors.choice" });
    }
    if (!existing && v.workingName === "") {
      ctx.addIssue({ code: "custom", path: ["workingName"], message: "intake.errors.workingName" });
    }
    // A child by age today; a child only at the incident date is caught at submission.
    if (v.ageBand === "UNDER_18" || isUnder18On(v.dateOfBirth, londonTodayIso()))
      addReferralIssues(v, "CHILD_AT_RISK", ctx);
  });

export const whatHappenedStep = z
  .strictObject({
    incidentTypes: choices(IncidentType),
    whenKnown: z
      .union([z.literal(""), z.enum(["EXACT", "APPROXIMATE", "UNKNOWN"])])
      .optional()
      .default(""),
    incidentDate: date("past"),
    incidentTime: time,
    periodFrom: date("past"),
    periodTo: date("past"),
    reportedAt: reportedDay,
    area: optionalText(120),
    place: optionalText(300),
  })
  .superRefine((v, ctx) => {
    if (v.whenKnown === "EXACT" && v.incidentDate === "") {
      ctx.addIssue({ code: "custom", path: ["incidentDate"], message: "intake.errors.incidentDate" });
    }
    if (v.whenKnown === "APPROXIMATE" && v.periodFrom === "") {
      ctx.addIssue({ code: "custom", path: ["periodFrom"], message: "intake.errors.periodFrom" });
    }
    if (v.periodFrom && v.periodTo && v.periodTo < v.periodFrom) {
      ctx.addIssue({ code: "custom", path: ["periodTo"], message: "intake.errors.periodOrder" });
    }
    const reported = parseDay(v.reportedAt);
    const began = incidentStartDay(v);
    if (reported && began && parseDate(began) && reported < began) {
      ctx.addIssue({ code: "custom", path: ["reportedAt"], message: "intake.errors.reportedBeforeIncident" });
    }
  });

// The first day the incident can have happened, as submission records it.
export function incidentStartDay(v: { whenKnown: string; incidentDate: string; periodFrom: string }): string {
  return v.whenKnown === "EXACT" && v.incidentDate ? v.incidentDate : v.periodFrom;
}

export const whoStep = z.strictObject({
  relationship: choice(PerpetratorRelationship),
  suspectDescription: optionalText(2000),
  vehicleRegistrations: lines("VEHICLE_REGISTRATION"),
  phoneNumbers: lines("PHONE_NUMBER"),
  onlineHandles: lines("ONLINE_HANDLE"),
});

export const accountStep = z.strictObject({ narrative: optionalText(20_000) });

export const wishesStep = z
  .strictObject({
    personWants: choice(PersonWants),
    shareConsent: z
      .union([z.literal(""), z.enum(["YES", "NO", "NOT_ASKED"])])
      .optional()
      .default(""),
    shareAgencyId: z.string().optional().default(""),
    shareScope: optionalText(500),
    shareUntil: date("future"),
    consentMethod: choice(ConsentMethod),
  })
  .superRefine((v, ctx) => {
    if (v.shareConsent !== "YES") return;
    if (!isUuid(v.shareAgencyId))
      ctx.addIssue({ code: "custom", path: ["shareAgencyId"], message: "intake.errors.agency" });
    if (v.shareScope === "")
      ctx.addIssue({ code: "custom", path: ["shareScope"], message: "intake.errors.shareScope" });
    if (v.consentMethod === "") {
      ctx.addIssue({ code: "custom", path: ["consentMethod"], message: "intake.errors.consentMethod" });
    }
  });

export const safetyStep = z
  .strictObject({
    safeguardingSigns: z
      .array(z.enum(["ADULT_AT_RISK", "MODERN_SLAVERY"], { error: "intake.errors.choice" }))
      .max(2)
      .optional()
      .default([]),
    ...referralFields("adult"),
    ...referralFields("slavery"),
    enhancedRights: z
      .union([z.literal(""), z.enum(["YES", "NO", "NOT_KNOWN"])])
      .optional()
      .default(""),
    enhancedRightsReason: optionalText(500),
    supportNeeds: optionalText(2000),
  })
  .superRefine((v, ctx) => {
    if (v.safeguardingSigns.includes("ADULT_AT_RISK")) addReferralIssues(v, "ADULT_AT_RISK", ctx);
    if (v.safeguardingSigns.includes("MODERN_SLAVERY")) addReferralIssues(v, "MODERN_SLAVERY", ctx);
  });

export const crimeStep = z.strictObject({
  reportingRoute: choice(ReportingRoute),
  crimeRecorded: z
    .union([z.literal(""), z.enum(["YES", "NO", "NOT_KNOWN"])])
    .optional()
    .default(""),
  crimeReference: optionalText(50),
  crimeNotRecordedWhy: optionalText(2000),
});

export const STEP_SCHEMAS = {
  person: personStep,
  "what-happened": whatHappenedStep,
  who: whoStep,
  account: accountStep,
  wishes: wishesStep,
  safety: safetyStep,
  crime: crimeStep,
} satisfies Record<StepSlug, z.ZodType>;

export type IntakeAnswers = { [K in StepSlug]: z.output<(typeof STEP_SCHEMAS)[K]> };

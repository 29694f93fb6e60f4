// Validation of a partner's report and of the unit's triage. The partner's answers are
// checked by the intake's own step schemas (lib/intake/schemas.ts), so a date, a phone number
// or an approximate period is refused for the same reasons an officer would see; only the
// partner's own choices (unit, anonymity, working name, wish) have rules of their own here.
import { z } from "zod";
import { PersonWants, SubmissionWish } from "@/lib/generated/prisma/enums";
import { isUuid } from "@/lib/ids";
import { hasControlCharacters } from "@/lib/text";
import { accountStep, personStep, safetyStep, whatHappenedStep, whoStep } from "@/lib/intake/schemas";
import { activeConcerns } from "@/lib/intake/safeguarding";
import { londonTodayIso } from "@/lib/intake/dates";
import type { SafeguardingConcern } from "@/lib/generated/prisma/enums";
import { fieldErrorsOf } from "@/lib/forms";
import type { RawValues } from "@/lib/intake/questions";
import { LIST_FIELDS, OWN_FIELDS, PARTNER_SECTIONS } from "./questions";

const names = (id: (typeof PARTNER_SECTIONS)[number]["id"]) =>
  PARTNER_SECTIONS.find((s) => s.id === id)!.names as readonly string[];

const pick = (raw: Record<string, unknown>, keys: readonly string[]) =>
  Object.fromEntries(keys.filter((k) => k in raw).map((k) => [k, raw[k]]));

// The safety and age questions are the person step's own fields, and the signs the safety
// step's; the rest of those steps (name rules, the unit's referral questions) does not apply
// to a partner's report.
const fieldsOf = (id: (typeof PARTNER_SECTIONS)[number]["id"], shape: Record<string, z.ZodType>) =>
  z.strictObject(Object.fromEntries(names(id).map((n) => [n, shape[n]!])));
const safetySchema = fieldsOf("safety", personStep.shape) as z.ZodType<Record<string, string>>;
const aboutSchema = z.strictObject({
  ageBand: personStep.shape.ageBand,
  dateOfBirth: personStep.shape.dateOfBirth,
});
const signsSchema = z.strictObject({ safeguardingSigns: safetyStep.shape.safeguardingSigns });

const ownSchema = z
  .strictObject({
    unitId: z.string().refine(isUuid, { error: "thirdParty.errors.unit" }),
    anonymous: z.enum(["YES", "NO"], { error: "thirdParty.errors.anonymous" }),
    workingName: z
      .string()
      .max(100, { error: "intake.errors.tooLong" })
      .refine((s) => !hasControlCharacters(s), { error: "intake.errors.controlCharacters" })
      .transform((s) => s.trim())
      .optional()
      .default(""),
    wish: z.enum(SubmissionWish, { error: "thirdParty.errors.wish" }),
    idempotencyKey: z.string().refine(isUuid, { error: "thirdParty.errors.unexpected" }),
  })
  .superRefine((v, ctx) => {
    if (v.anonymous === "NO" && v.workingName === "")
      ctx.addIssue({ code: "custom", path: ["workingName"], message: "thirdParty.errors.workingName" });
  });

export type SubmissionAnswers = {
  safety: Record<string, string>;
  // Absent on submissions made before the age and signs were asked.
  about?: { ageBand: string; dateOfBirth: string };
  signs?: { safeguardingSigns: string[] };
  "what-happened": z.output<typeof whatHappenedStep>;
  who: z.output<typeof whoStep>;
  account: z.output<typeof accountStep>;
  // Only when the person is named.
  workingName?: string;
};

export type ParsedSubmission = {
  unitId: string;
  anonymous: boolean;
  wish: SubmissionWish;
  idempotencyKey: string;
  answers: SubmissionAnswers;
  // What the unit must be told at once, whatever the wish.
  concerns: SafeguardingConcern[];
};

export type ParseResult =
  | { ok: true; data: ParsedSubmission }
  | { ok: false; values: RawValues; fieldErrors: Record<string, string> };

const ALLOWED = new Set<string>([...OWN_FIELDS, ...PARTNER_SECTIONS.flatMap((s) => s.names)]);

// Only the fields this form owns are put back into it.
export function submittedValues(raw: Record<string, unknown>): RawValues {
  const out: RawValues = {};
  for (const key of ALLOWED) {
    const v = raw[key];
    if (typeof v === "string") out[key] = v;
    else if (Array.isArray(v) && LIST_FIELDS.includes(key)) out[key] = v.filter((x) => typeof x === "string");
  }
  return out;
}

export function parseSubmission(raw: Record<string, unknown>): ParseResult {
  const fieldErrors: Record<string, string> = {};
  const unknown = Object.keys(raw).find((k) => !ALLOWED.has(k));
  if (unknown) fieldErrors.unitId = "thirdParty.errors.unknownField";
  const own = ownSchema.safeParse(pick(raw, OWN_FIELDS));
  const safety = safetySchema.safeParse(pick(raw, names("safety")));
  const about = aboutSchema.safeParse(pick(raw, names("about")));
  const signs = signsSchema.safeParse(pick(raw, names("signs")));
  // "When did they report it" is the moment the partner submits, so it is left to default.
  const happened = whatHappenedStep.safeParse({ ...pick(raw, names("what-happened")), reportedAt: "" });
  const who = whoStep.safeParse(pick(raw, names("who")));
  const account = accountStep.safeParse(pick(raw, names("account")));
  for (const parsed of [own, safety, about, signs, happened, who, account])
    if (!parsed.success) Object.assign(fieldErrors, { ...fieldErrorsOf(parsed.error), ...fieldErrors });
  if (
    Object.keys(fieldErrors).length ||
    !own.success ||
    !safety.success ||
    !about.success ||
    !signs.success ||
    !happened.success ||
    !who.success ||
    !account.success
  )
    return { ok: false, values: submittedValues(raw), fieldErrors };
  const anonymous = own.data.anonymous === "YES";
  return {
    ok: true,
    data: {
      unitId: own.data.unitId,
      anonymous,
      wish: own.data.wish,
      idempotencyKey: own.data.idempotencyKey,
      concerns: partnerConcerns(about.data, signs.data, happened.data),
      answers: {
        safety: safety.data,
        about: about.data,
        signs: signs.data,
        "what-happened": happened.data,
        who: who.data,
        account: account.data,
        // An anonymous person has no name on the record, whatever was typed before choosing.
        ...(anonymous ? {} : { workingName: own.data.workingName }),
      },
    },
  };
}

// The intake's own rule (lib/intake/safeguarding.ts): under 18 by age band, or by date of
// birth on the incident day (or the start of its period) or today, and the signs ticked.
export function partnerConcerns(
  about: { ageBand: string; dateOfBirth: string },
  signs: { safeguardingSigns: string[] },
  happened: { whenKnown?: string; incidentDate?: string; periodFrom?: string },
  todayIso: string = londonTodayIso(),
): SafeguardingConcern[] {
  return activeConcerns(
    {
      person: { ageBand: about.ageBand, dateOfBirth: about.dateOfBirth },
      "what-happened": {
        whenKnown: happened.whenKnown ?? "",
        incidentDate: happened.incidentDate ?? "",
        periodFrom: happened.periodFrom ?? "",
      },
      safety: { safeguardingSigns: signs.safeguardingSigns },
    },
    todayIso,
  );
}

// What the person wants, in the report's terms. Contact through the partner is contact that
// keeps the person away from the police, so it is the report's "anonymous contact": like
// intelligence only, it starts quiet, and a later full investigation counts as a conversion
// on the dashboard.
export const WISH_TO_WANTS: Readonly<Record<SubmissionWish, PersonWants>> = {
  INTELLIGENCE_ONLY: "INTELLIGENCE_ONLY",
  CONTACT_THROUGH_PARTNER: "ANONYMOUS_CONTACT",
  FULL_INVESTIGATION: "FULL_INVESTIGATION",
};

export const TRIAGE_FIELDS = ["decision", "personId", "notOpenedReason"] as const;

export const triageSchema = z
  .strictObject({
    decision: z.enum(["NEW_PERSON", "EXISTING_PERSON", "NOT_OPENED"], {
      error: "thirdParty.errors.decision",
    }),
    personId: z.string().optional().default(""),
    notOpenedReason: z
      .string()
      .max(2000, { error: "thirdParty.errors.tooLong" })
      .refine((s) => !hasControlCharacters(s), { error: "thirdParty.errors.controlCharacters" })
      .transform((s) => s.trim())
      .optional()
      .default(""),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "EXISTING_PERSON" && !isUuid(v.personId))
      ctx.addIssue({ code: "custom", path: ["personId"], message: "thirdParty.errors.person" });
    if (v.decision === "NOT_OPENED" && v.notOpenedReason === "")
      ctx.addIssue({
        code: "custom",
        path: ["notOpenedReason"],
        message: "thirdParty.errors.notOpenedReason",
      });
  });

export type TriageInput = z.output<typeof triageSchema>;

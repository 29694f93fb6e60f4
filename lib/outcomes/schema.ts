// The form for recording one case event. Every value arrives as text from the form; the
// schema checks what each event type needs and keeps only the fields that type owns, so a
// stray field for another type is never stored.
import { z } from "zod";
import {
  CaseEventType,
  CourtResult,
  HomeOfficeOutcome,
  ReleaseType,
  WithdrawalReason,
} from "@/lib/generated/prisma/enums";
import { hasControlCharacters } from "@/lib/text";
import { fieldErrorsOf, plainFormInput } from "@/lib/forms";
import { LIFECYCLE_EVENTS, outcomeContentProblems } from "./trail-rules";

// A change of what the person wants is recorded by editing the report, and closing,
// reopening and enhanced rights have forms of their own, so none of them is offered here.
export const RECORDABLE_EVENT_TYPES = Object.values(CaseEventType).filter(
  (t) => t !== CaseEventType.PERSON_WANTS_CHANGED && !LIFECYCLE_EVENTS.includes(t),
);

export const OUTCOMES_NEEDING_REASONS: readonly HomeOfficeOutcome[] = ["OUTCOME_14", "OUTCOME_16"];
export const OUTCOMES_NEEDING_RATIONALE: readonly HomeOfficeOutcome[] = ["OUTCOME_21"];
export const OUTCOMES_NEEDING_PERSON_INFORMED: readonly HomeOfficeOutcome[] = ["OUTCOME_20"];
export const OUTCOMES_NEEDING_ACTIVITY: readonly HomeOfficeOutcome[] = ["OUTCOME_22"];

export const LIMITS = { reference: 50, offence: 200, sentence: 500, text: 2000 } as const;

export type CaseEventValues = {
  type: string;
  occurredOnDay: string;
  occurredOnMonth: string;
  occurredOnYear: string;
  dateExplanation: string;
  crimeReference: string;
  releaseType: string;
  offence: string;
  outcome: string;
  withdrawalReasons: string;
  otherReason: string;
  rationale: string;
  personInformed: string;
  diversionaryActivity: string;
  // An outcome that records the crime in the same step: when it was recorded.
  crimeRecordedOnDay: string;
  crimeRecordedOnMonth: string;
  crimeRecordedOnYear: string;
  courtResult: string;
  sentence: string;
  notes: string;
};

export type CaseEventField = keyof CaseEventValues | "occurredOn" | "crimeRecordedOn";

export type CaseEventInput = {
  type: CaseEventType;
  occurredOn: Date;
  dateExplanation: string | null;
  crimeReference: string | null;
  releaseType: ReleaseType | null;
  offence: string | null;
  outcome: HomeOfficeOutcome | null;
  withdrawalReasons: WithdrawalReason[];
  courtResult: CourtResult | null;
  sentence: string | null;
  notes: string | null;
  personInformed: boolean | null;
  diversionaryActivity: string | null;
  // Not stored on the event: with an outcome, the date of the crime recorded in the same
  // step (written as its own CRIME_RECORDED event).
  crimeRecordedOn: Date | null;
};

const E = "caseEvents.errors";
const text = (max: number) =>
  z
    .string()
    .max(max, { error: `${E}.tooLong` })
    .refine((t) => !hasControlCharacters(t), { error: `${E}.controlCharacters` })
    .optional();
const choice = <T extends Record<string, string>>(values: T, error: string) =>
  z.union([z.literal(""), z.enum(values)], { error }).optional();

// Every field the form may send. Unknown fields are refused outright.
export const caseEventFormSchema = z.strictObject({
  type: z.enum(RECORDABLE_EVENT_TYPES as [CaseEventType, ...CaseEventType[]], { error: `${E}.type` }),
  occurredOnDay: z.string().max(10).optional(),
  occurredOnMonth: z.string().max(10).optional(),
  occurredOnYear: z.string().max(10).optional(),
  dateExplanation: text(LIMITS.text),
  crimeReference: text(LIMITS.reference),
  releaseType: choice(ReleaseType, `${E}.releaseType`),
  offence: text(LIMITS.offence),
  outcome: choice(HomeOfficeOutcome, `${E}.outcome`),
  withdrawalReasons: z
    .array(z.enum(WithdrawalReason, { error: `${E}.withdrawalReasons` }))
    .max(20)
    .optional(),
  otherReason: text(LIMITS.text),
  rationale: text(LIMITS.text),
  personInformed: z.union([z.literal(""), z.literal("yes")], { error: `${E}.personInformed` }).optional(),
  diversionaryActivity: text(LIMITS.text),
  crimeRecordedOnDay: z.string().max(10).optional(),
  crimeRecordedOnMonth: z.string().max(10).optional(),
  crimeRecordedOnYear: z.string().max(10).optional(),
  courtResult: choice(CourtResult, `${E}.courtResult`),
  sentence: text(LIMITS.sentence),
  notes: text(LIMITS.text),
});

export type CaseEventForm = z.infer<typeof caseEventFormSchema>;

// Day, month and year typed separately (the GOV.UK date pattern) into a calendar date.
export function parseDayMonthYear(day?: string, month?: string, year?: string): Date | "missing" | "invalid" {
  const parts = [day, month, year].map((p) => (p ?? "").trim());
  if (parts.every((p) => p === "")) return "missing";
  if (!parts.every((p) => /^\d{1,4}$/.test(p))) return "invalid";
  const [d, m, y] = parts.map(Number) as [number, number, number];
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1) return "invalid";
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCDate() === d && date.getUTCMonth() === m - 1 ? date : "invalid";
}

const clean = (value: string | undefined): string | null => {
  const trimmed = (value ?? "").trim();
  return trimmed === "" ? null : trimmed;
};

export type ParsedCaseEvent =
  { ok: true; input: CaseEventInput } | { ok: false; fieldErrors: Partial<Record<CaseEventField, string>> };

// Checks one event against what its type needs. `today` is the London calendar date, so an
// event cannot be dated in the future.
export function parseCaseEvent(raw: unknown, today: Date): ParsedCaseEvent {
  const parsed = caseEventFormSchema.safeParse(plainFormInput(raw));
  if (!parsed.success) {
    // Fields the form does not own are reported against the form as a whole (its type).
    const fieldErrors = fieldErrorsOf<CaseEventField>(parsed.error, {
      prefix: E,
      fields: Object.keys(caseEventFormSchema.shape),
      fallbackField: "type",
    });
    return { ok: false, fieldErrors };
  }
  const form = parsed.data;
  const errors: Partial<Record<CaseEventField, string>> = {};
  const need = (field: CaseEventField, value: unknown, key: string) => {
    if (value === null || value === undefined || value === "") errors[field] ??= `${E}.${key}`;
  };

  const occurredOn = parseDayMonthYear(form.occurredOnDay, form.occurredOnMonth, form.occurredOnYear);
  const dateError = dateProblem(occurredOn, today);
  if (dateError) errors.occurredOn = dateError;

  const type = form.type;
  const input: Omit<CaseEventInput, "occurredOn"> = {
    type,
    dateExplanation: clean(form.dateExplanation),
    crimeReference: null,
    releaseType: null,
    offence: null,
    outcome: null,
    withdrawalReasons: [],
    courtResult: null,
    sentence: null,
    notes: clean(form.notes),
    personInformed: null,
    diversionaryActivity: null,
    crimeRecordedOn: null,
  };

  switch (type) {
    case "CRIME_RECORDED":
      input.crimeReference = clean(form.crimeReference);
      need("crimeReference", input.crimeReference, "crimeReference");
      break;
    case "RELEASED":
      input.releaseType = (form.releaseType || null) as ReleaseType | null;
      need("releaseType", input.releaseType, "releaseType");
      break;
    case "CHARGED":
      input.offence = clean(form.offence);
      need("offence", input.offence, "offence");
      break;
    case "COURT_RESULT":
      input.courtResult = (form.courtResult || null) as CourtResult | null;
      input.offence = clean(form.offence);
      need("courtResult", input.courtResult, "courtResult");
      break;
    case "SENTENCE":
      input.sentence = clean(form.sentence);
      need("sentence", input.sentence, "sentence");
      break;
    case "OUTCOME_RECORDED":
      Object.assign(input, outcomeFields(form, errors, today));
      break;
    default:
      break;
  }

  if (Object.keys(errors).length > 0 || !(occurredOn instanceof Date))
    return { ok: false, fieldErrors: errors };
  return { ok: true, input: { ...input, occurredOn } };
}

function dateProblem(date: Date | "missing" | "invalid", today: Date): string | null {
  if (date === "missing") return `${E}.dateMissing`;
  if (date === "invalid") return `${E}.dateInvalid`;
  return date > today ? `${E}.dateInFuture` : null;
}

// Outcomes 14 and 16 need the reasons the person did not support action (the attrition the
// unit studies); 20, 21 and 22 what the counting rules ask of them (trail-rules.ts). An
// outcome may also record the crime in the same step, with its reference and date.
function outcomeFields(form: CaseEventForm, errors: Partial<Record<CaseEventField, string>>, today: Date) {
  const outcome = (form.outcome || null) as HomeOfficeOutcome | null;
  if (!outcome) errors.outcome = `${E}.outcome`;
  const fields = {
    outcome,
    withdrawalReasons: [] as WithdrawalReason[],
    notes: null as string | null,
    personInformed: null as boolean | null,
    diversionaryActivity: null as string | null,
    crimeReference: clean(form.crimeReference),
    crimeRecordedOn: null as Date | null,
  };
  if (outcome && OUTCOMES_NEEDING_REASONS.includes(outcome)) {
    fields.withdrawalReasons = [...new Set(form.withdrawalReasons ?? [])];
    if (fields.withdrawalReasons.length === 0) errors.withdrawalReasons = `${E}.withdrawalReasons`;
    if (fields.withdrawalReasons.includes("OTHER")) {
      fields.notes = clean(form.otherReason);
      if (!fields.notes) errors.otherReason = `${E}.otherReason`;
    }
  }
  if (outcome && OUTCOMES_NEEDING_RATIONALE.includes(outcome)) fields.notes = clean(form.rationale);
  if (outcome && OUTCOMES_NEEDING_PERSON_INFORMED.includes(outcome))
    fields.personInformed = form.personInformed === "yes";
  if (outcome && OUTCOMES_NEEDING_ACTIVITY.includes(outcome))
    fields.diversionaryActivity = clean(form.diversionaryActivity);
  for (const p of outcomeContentProblems({ type: "OUTCOME_RECORDED", occurredOn: today, ...fields }))
    errors[p.field] ??= p.reason;

  const crimeOn = parseDayMonthYear(
    form.crimeRecordedOnDay,
    form.crimeRecordedOnMonth,
    form.crimeRecordedOnYear,
  );
  if (fields.crimeReference || crimeOn !== "missing") {
    const problem = dateProblem(crimeOn, today);
    if (problem) errors.crimeRecordedOn = problem;
    else fields.crimeRecordedOn = crimeOn as Date;
    if (!fields.crimeReference) errors.crimeReference = `${E}.crimeReference`;
  }
  return fields;
}

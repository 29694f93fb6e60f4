// The forms around a referral: the officer's referral (on a consent, or a supervisor's
// share without consent) and the partner's answers. One schema each, checked on the server;
// server-set fields (unit, person, status, dates, who) are never read from a form.
import { z } from "zod";
import { LawfulBasis, ReferralCloseReason, type ConsentField } from "@/lib/generated/prisma/enums";
import { hasControlCharacters } from "@/lib/text";
import { CONSENT_FIELDS } from "@/lib/consent/state";

export const REFERRAL_FORM_FIELDS = [
  "consentId",
  "agencyId",
  "basis",
  "overrideReason",
  "reportId",
  "reason",
  "supportNeeded",
  "sharedFields",
  "officerContact",
] as const;
export type ReferralFormField = (typeof REFERRAL_FORM_FIELDS)[number];
export type ReferralFormValues = Record<ReferralFormField, string>;

export const REASON_MAX = 1000;
export const CONTACT_MAX = 200;
export const OVERRIDE_REASON_MAX = 2000;
export const UPDATE_MAX = 500;

const text = (key: string) => z.string({ error: `referrals.errors.${key}` }).default("");

const referralShape = z.strictObject({
  consentId: text("consentId"),
  agencyId: text("agencyId"),
  basis: text("basis"),
  overrideReason: text("overrideReason"),
  reportId: text("reportId"),
  reason: text("reason"),
  supportNeeded: text("supportNeeded"),
  sharedFields: z
    .array(z.string({ error: "referrals.errors.sharedFields" }), { error: "referrals.errors.sharedFields" })
    .max(CONSENT_FIELDS.length * 2, { error: "referrals.errors.sharedFields" })
    .default([]),
  officerContact: text("officerContact"),
});

// On a consent, or (a supervisor only) on a lawful basis with a written reason.
export type ReferralBasisInput =
  | { kind: "consent"; consentId: string }
  | { kind: "override"; agencyId: string; basis: LawfulBasis; reason: string };

export type ReferralInput = {
  basis: ReferralBasisInput;
  reportId: string | null;
  reason: string;
  supportNeeded: string;
  sharedFields: ConsentField[];
  officerContact: string;
};

// Free text: line breaks as one, trimmed, within a length, no control characters.
export function cleanText(
  value: string,
  max: number,
): { ok: true; text: string } | { ok: false; key: string } {
  const cleaned = value.replace(/\r\n?/g, "\n").trim();
  if (cleaned.length > max) return { ok: false, key: "tooLong" };
  if (hasControlCharacters(cleaned)) return { ok: false, key: "invalidText" };
  return { ok: true, text: cleaned };
}

export const referralFormSchema = referralShape.transform((form, ctx): ReferralInput => {
  let failed = false;
  const problem = (field: ReferralFormField, key: string) => {
    failed = true;
    ctx.addIssue({ code: "custom", path: [field], message: `referrals.errors.${key}` });
  };
  const required = (field: ReferralFormField, value: string, max: number): string => {
    const cleaned = cleanText(value, max);
    if (!cleaned.ok) problem(field, `${field}${cleaned.key === "tooLong" ? "TooLong" : "Invalid"}`);
    else if (cleaned.text === "") problem(field, field);
    return cleaned.ok ? cleaned.text : "";
  };
  let basis: ReferralBasisInput | null = null;
  if (form.consentId.trim() !== "") {
    const consentId = z.uuid().safeParse(form.consentId.trim());
    if (!consentId.success) problem("consentId", "consentId");
    else if (form.agencyId !== "" || form.basis !== "" || form.overrideReason !== "")
      problem("basis", "twoBases");
    else basis = { kind: "consent", consentId: consentId.data.toLowerCase() };
  } else {
    const agencyId = z.uuid().safeParse(form.agencyId.trim());
    if (!agencyId.success) problem("agencyId", "agencyId");
    const lawful = z.enum(LawfulBasis).safeParse(form.basis);
    if (!lawful.success) problem("basis", "basis");
    const why = required("overrideReason", form.overrideReason, OVERRIDE_REASON_MAX);
    if (agencyId.success && lawful.success && why !== "")
      basis = { kind: "override", agencyId: agencyId.data.toLowerCase(), basis: lawful.data, reason: why };
  }
  const reportId = form.reportId.trim();
  if (reportId !== "" && !z.uuid().safeParse(reportId).success) problem("reportId", "reportId");
  const reason = required("reason", form.reason, REASON_MAX);
  const supportNeeded = required("supportNeeded", form.supportNeeded, REASON_MAX);
  const sharedFields = [...new Set(form.sharedFields)];
  if (sharedFields.length === 0) problem("sharedFields", "sharedFieldsMissing");
  else if (!sharedFields.every((f) => (CONSENT_FIELDS as readonly string[]).includes(f)))
    problem("sharedFields", "sharedFields");
  else if (sharedFields.includes("INCIDENT_SUMMARY") && reportId === "")
    problem("sharedFields", "incidentNeedsReport");
  const officerContact = required("officerContact", form.officerContact, CONTACT_MAX);
  if (failed || !basis) return z.NEVER;
  return {
    basis,
    reportId: reportId === "" ? null : reportId.toLowerCase(),
    reason,
    supportNeeded,
    sharedFields: CONSENT_FIELDS.filter((f) => sharedFields.includes(f)),
    officerContact,
  };
});

// The partner's answers.
export const DECLINE_FIELDS = ["declineReason"] as const;
export const CLOSE_FIELDS = ["closeReason", "closeNote"] as const;
export const UPDATE_FIELDS = ["text"] as const;

export const declineSchema = z
  .strictObject({ declineReason: text("declineReason") })
  .transform((form, ctx) => {
    const cleaned = cleanText(form.declineReason, REASON_MAX);
    if (!cleaned.ok || cleaned.text === "") {
      ctx.addIssue({
        code: "custom",
        path: ["declineReason"],
        message: cleaned.ok ? "referrals.errors.declineReason" : "referrals.errors.declineReasonInvalid",
      });
      return z.NEVER;
    }
    return { declineReason: cleaned.text };
  });

export const closeSchema = z
  .strictObject({ closeReason: text("closeReason"), closeNote: text("closeNote") })
  .transform((form, ctx) => {
    const reason = z.enum(ReferralCloseReason).safeParse(form.closeReason);
    if (!reason.success)
      ctx.addIssue({ code: "custom", path: ["closeReason"], message: "referrals.errors.closeReason" });
    const note = cleanText(form.closeNote, REASON_MAX);
    if (!note.ok)
      ctx.addIssue({ code: "custom", path: ["closeNote"], message: "referrals.errors.closeNoteInvalid" });
    // "Other" says nothing on its own: the note is what the unit reads.
    else if (reason.data === "OTHER" && note.text === "")
      ctx.addIssue({ code: "custom", path: ["closeNote"], message: "referrals.errors.closeNoteNeeded" });
    if (!reason.success || !note.ok || (reason.data === "OTHER" && note.text === "")) return z.NEVER;
    return { closeReason: reason.data, closeNote: note.text === "" ? null : note.text };
  });

export const updateSchema = z.strictObject({ text: text("updateText") }).transform((form, ctx) => {
  const cleaned = cleanText(form.text, UPDATE_MAX);
  if (!cleaned.ok || cleaned.text === "") {
    ctx.addIssue({
      code: "custom",
      path: ["text"],
      message:
        !cleaned.ok && cleaned.key === "tooLong"
          ? "referrals.errors.updateTooLong"
          : "referrals.errors.updateText",
    });
    return z.NEVER;
  }
  return { text: cleaned.text };
});

// Which columns hold personal data encrypted at rest (lib/db/encryption.ts). Adding a text
// column here is enough for the app, the key rotation and the raw-table scan test; a column
// listed here cannot be filtered on in the database (only `null` / `not: null`), so search
// and matching use workingName (kept in clear) or the identifier index below.
// docs/decisions/015-field-encryption.md lists them with the reasons.
export const ENCRYPTED_FIELDS = {
  Person: [
    "legalName",
    "dateOfBirth",
    "selfDescription",
    "interpreterNeeds",
    "accessNeeds",
    "phone",
    "email",
    "safeContactTimes",
    "doNotContactRules",
  ],
  IncidentReport: ["place", "narrative", "crimeNotRecordedWhy", "enhancedRightsReason", "supportNeeds"],
  Suspect: ["description"],
  SuspectIdentifier: ["value", "normalised"],
  CaseEvent: ["notes", "dateExplanation", "diversionaryActivity", "sentence"],
  RiskAssessment: ["rationale", "safetyPlan"],
  SafeguardingRecord: ["referredTo", "notMadeReason"],
  LiaisonContact: ["notes"],
  Consent: ["scope", "overrideReason"],
  SharingOverride: ["reason"],
  Referral: [
    "supportNeeded",
    "contactNote",
    "reason",
    "officerContact",
    "declineReason",
    "closeNote",
    "shared",
  ],
  ReferralUpdate: ["text"],
  ThirdPartySubmission: ["answers", "notOpenedReason"],
  SafetyAlert: [
    "title",
    "description",
    "vehicles",
    "phoneNumbers",
    "onlineHandles",
    "whatHappened",
    "returnedReason",
    "withdrawnReason",
  ],
  SafetyAlertIdentifier: ["normalised"],
  Draft: ["data"],
} as const satisfies Record<string, readonly string[]>;

// Json columns: the whole value is encrypted and stored as one JSON string.
export const JSON_FIELDS: ReadonlySet<string> = new Set([
  "Referral.shared",
  "ThirdPartySubmission.answers",
  "Draft.data",
]);

// Exact-match identifiers: `normalised` is encrypted for display and its keyed hash is kept in
// `normalisedKey`; a filter on `normalised` is answered through the hash.
export const INDEXED_FIELDS: Readonly<Record<string, { field: string; keyField: string }>> = {
  SuspectIdentifier: { field: "normalised", keyField: "normalisedKey" },
  SafetyAlertIdentifier: { field: "normalised", keyField: "normalisedKey" },
};

export type EncryptedModel = keyof typeof ENCRYPTED_FIELDS;

export function encryptedFieldsOf(model: string): readonly string[] {
  return (ENCRYPTED_FIELDS as Record<string, readonly string[]>)[model] ?? [];
}

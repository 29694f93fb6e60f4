// The shape of the synthetic data: how often each value occurs. Weights, not rules; they
// echo the demo data (prisma/seed) and the Gwent study so that a million reports tell the
// same kind of story as 86 do.

export type Weighted<T extends string> = readonly (readonly [T, number])[];

// Outcome trails for closed reports. Charges and convictions at the study's rates (7% and
// 3.5%); most of the rest stop because the person steps back (outcomes 14 and 16).
export const CLOSED_KINDS: Weighted<string> = [
  ["CONVICTED", 3.5],
  ["ACQUITTED", 1.5],
  ["DISCONTINUED", 1.5],
  ["O14", 27],
  ["O16", 23],
  ["O15", 9],
  ["O18", 13],
  ["O20", 4.5],
  ["O21", 3],
  ["INTEL", 14],
];

// Where open reports have got to.
export const OPEN_KINDS: Weighted<string> = [
  ["NEW", 3],
  ["RECORDED", 5],
  ["SUSPECT", 3],
  ["RUI", 4],
  ["BAIL", 2],
  ["CPS", 2],
  ["AWAITING_TRIAL", 1],
];

export const ROUTES: Weighted<string> = [
  ["DIRECT_TO_LIAISON_OFFICER", 58],
  ["PARTNER_AGENCY", 18],
  ["EMERGENCY_OR_101", 12],
  ["ONLINE_POLICE_REPORT", 8],
  ["OTHER", 4],
];

// Incident types come in the combinations that real reports have.
export const INCIDENT_TYPES: Weighted<string> = [
  ["PHYSICAL_ASSAULT", 20],
  ["RAPE", 6],
  ["SEXUAL_ASSAULT", 8],
  ["ROBBERY", 7],
  ["THEFT", 6],
  ["THREATS_INTIMIDATION", 10],
  ["HARASSMENT_STALKING", 9],
  ["ONLINE_ABUSE_DOXXING", 5],
  ["COERCION_EXPLOITATION", 4],
  ["CONDOM_REMOVAL", 3],
  ["HATE_INCIDENT", 2],
  ["OTHER", 2],
  ["PHYSICAL_ASSAULT,ROBBERY", 5],
  ["RAPE,PHYSICAL_ASSAULT", 3],
  ["THREATS_INTIMIDATION,HARASSMENT_STALKING", 4],
  ["ONLINE_ABUSE_DOXXING,COERCION_EXPLOITATION", 2],
  ["THEFT,THREATS_INTIMIDATION", 2],
];

export const RELATIONSHIPS: Weighted<string> = [
  ["CLIENT", 38],
  ["POSING_AS_CLIENT", 14],
  ["PARTNER_OR_EX", 8],
  ["EXPLOITER_CONTROLLER", 6],
  ["MEMBER_OF_PUBLIC", 14],
  ["OTHER_SEX_WORKER", 3],
  ["POLICE_OR_OFFICIAL", 1],
  ["UNKNOWN", 14],
  ["PREFER_NOT_TO_SAY", 2],
];

export const WORK_SETTINGS: Weighted<string> = [
  ["STREET", 30],
  ["INDOOR", 25],
  ["ESCORT_OUTCALL", 15],
  ["ONLINE_INDEPENDENT", 14],
  ["WEBCAM_CONTENT", 6],
  ["OTHER", 3],
  ["PREFER_NOT_TO_SAY", 7],
];

export const WITHDRAWAL_REASONS: Weighted<string> = [
  ["FEAR_OF_REPERCUSSIONS", 5],
  ["FEAR_OF_BEING_OUTED", 4],
  ["WANTS_SUPPORT_NOT_PROSECUTION", 4],
  ["DISTRUST_OF_POLICE", 3],
  ["PROCESS_TOO_SLOW", 3],
  ["PRESSURE_FROM_SUSPECT", 2],
  ["FEAR_OF_OWN_PROSECUTION", 2],
  ["OTHER", 1],
];

export const CONTACT_TYPES: Weighted<string> = [
  ["OUTREACH", 40],
  ["WELFARE_CHECK", 25],
  ["SAFETY_ADVICE", 25],
  ["OTHER", 10],
];

export const CONTACT_METHODS: Weighted<string> = [
  ["IN_PERSON", 40],
  ["PHONE_CALL", 25],
  ["TEXT_MESSAGE", 20],
  ["EMAIL", 5],
  ["VIA_PARTNER_AGENCY", 10],
];

// Invented neighbourhoods, as in the demo: the app records areas, not addresses.
export const AREAS = [
  "Harbour Quarter",
  "Station Side",
  "Canal Basin",
  "Old Market",
  "Westgate",
  "Upper Town",
  "Millbrook",
  "Riverside North",
  "Tŷ Gwyn estate",
  "Pen-y-Bryn",
  "The Tannery",
  "Glanafon",
] as const;

export const OFFICER_COUNT = 12;

// The report's current risk level; the empty value is "not assessed yet".
export const RISK_LEVELS: Weighted<string> = [
  ["", 40],
  ["STANDARD", 35],
  ["MEDIUM", 18],
  ["HIGH", 7],
];

export const YEARS = 5;

// The values and the lower bound of each one's slice of [0, 1), ready for PostgreSQL's
// width_bucket(u, lowerBounds), which returns the 1-based index of u's slice.
export function slices<T extends string>(weights: Weighted<T>): { values: T[]; lowerBounds: number[] } {
  const total = weights.reduce((sum, [, w]) => sum + w, 0);
  if (!(total > 0) || weights.some(([, w]) => !(w >= 0)))
    throw new Error("weights must be non-negative, some positive");
  const lowerBounds: number[] = [];
  let running = 0;
  for (const [, weight] of weights) {
    lowerBounds.push(running / total);
    running += weight;
  }
  return { values: weights.map(([value]) => value), lowerBounds };
}

// Intelligence-only reports mostly come anonymously.
export const INTEL_ROUTES: Weighted<string> = [
  ["ANONYMOUS_INTELLIGENCE", 7],
  ["DIRECT_TO_LIAISON_OFFICER", 2],
  ["PARTNER_AGENCY", 1],
];

export const REFERRAL_STATUSES: Weighted<string> = [
  ["SENT", 10],
  ["ACCEPTED", 55],
  ["DECLINED", 5],
  ["CLOSED", 30],
];

// The safety alert forms' fields and limits, apart from their schemas: the forms in the
// browser need these, and importing the schema module would send zod to every browser too.
export const ALERT_FIELDS = [
  "title",
  "description",
  "vehicles",
  "phoneNumbers",
  "onlineHandles",
  "area",
  "whatHappened",
  "periodFromDay",
  "periodFromMonth",
  "periodFromYear",
  "periodToDay",
  "periodToMonth",
  "periodToYear",
  "agencies",
  "reports",
] as const;
export type AlertField = (typeof ALERT_FIELDS)[number];
export type AlertFormValues = Record<AlertField, string>;
export const ALERT_LIST_FIELDS = ["agencies", "reports"] as const;

// The free-text parts, checked for anything that identifies the person harmed.
export const ALERT_TEXT_FIELDS = [
  "title",
  "description",
  "vehicles",
  "phoneNumbers",
  "onlineHandles",
  "area",
  "whatHappened",
] as const satisfies readonly AlertField[];
export type AlertTextField = (typeof ALERT_TEXT_FIELDS)[number];

export const LIMITS: Record<AlertTextField, number> = {
  title: 120,
  description: 2000,
  vehicles: 500,
  phoneNumbers: 500,
  onlineHandles: 500,
  area: 200,
  whatHappened: 2000,
};
export const MAX_SOURCE_REPORTS = 20;
export const REASON_MAX = 1000;
// An alert may run for at most a year before it has to be approved again.
export const MAX_EXPIRY_DAYS = 366;
export const DEFAULT_EXPIRY_DAYS = 90;

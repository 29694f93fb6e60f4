// Victims' Code enhanced rights, derived from what happened until an officer decides. Victims
// of sexual offences are intimidated witnesses by law; exploitation, hate and persistent
// targeting also give enhanced rights. When nobody yet knows what happened, the person is
// treated as enhanced (told within 1 working day, not 5) until an officer records otherwise.
import type { IncidentType } from "@/lib/generated/prisma/enums";

export const ENHANCED_INCIDENT_TYPES: readonly IncidentType[] = [
  "RAPE",
  "SEXUAL_ASSAULT",
  "CONDOM_REMOVAL",
  "COERCION_EXPLOITATION",
  "HATE_INCIDENT",
  "HARASSMENT_STALKING",
];

export type EnhancedRightsBasis = "OFFENCE" | "NOT_KNOWN" | "NOT_ENHANCED";

export function deriveEnhancedRights(incidentTypes: readonly IncidentType[]): {
  enhanced: boolean;
  basis: EnhancedRightsBasis;
} {
  if (incidentTypes.some((t) => ENHANCED_INCIDENT_TYPES.includes(t)))
    return { enhanced: true, basis: "OFFENCE" };
  if (incidentTypes.length === 0) return { enhanced: true, basis: "NOT_KNOWN" };
  return { enhanced: false, basis: "NOT_ENHANCED" };
}

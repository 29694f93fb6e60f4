// Enhanced rights at intake: the offence decides (lib/victims-code), and an officer's explicit
// answer is recorded as their decision where the law leaves room for one. Victims of sexual
// offences are intimidated witnesses by law, so "no" cannot take enhanced rights away from
// them; for anything else a "no" is the officer's decision. "Not known" or no answer leaves
// the derived value, and "not known what happened" is treated as enhanced.
import type { IncidentType } from "@/lib/generated/prisma/enums";
import { deriveEnhancedRights } from "@/lib/victims-code/enhanced-rights";

export type EnhancedRightsDecision = { enhanced: boolean; byOfficer: boolean; reason: string };

export const DERIVED_REASONS = {
  OFFENCE: "Derived from the offence",
  NOT_KNOWN: "Not yet known: treated as enhanced",
  NOT_ENHANCED: "Derived from the offence: not one that gives enhanced rights",
} as const;

export function decideEnhancedRights(
  answer: "" | "YES" | "NO" | "NOT_KNOWN",
  officerReason: string,
  incidentTypes: readonly IncidentType[],
): EnhancedRightsDecision {
  const derived = deriveEnhancedRights(incidentTypes);
  const reason = officerReason.trim();
  if (answer === "YES")
    return { enhanced: true, byOfficer: true, reason: reason || "Officer's decision at intake" };
  if (answer === "NO" && derived.basis !== "OFFENCE")
    return { enhanced: false, byOfficer: true, reason: reason || "Officer's decision at intake" };
  return { enhanced: derived.enhanced, byOfficer: false, reason: DERIVED_REASONS[derived.basis] };
}

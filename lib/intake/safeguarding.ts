// Which safeguarding concerns a draft raises, and what each panel must record. Pure, so the
// browser shows a panel the moment "Under 18" is chosen, and the server applies the same
// rule after a save (without JavaScript) and at submission.
import type { SafeguardingConcern } from "@/lib/generated/prisma/enums";
import type { RawValues } from "./questions";
import { parseDate, parseDay } from "./dates";

export type DraftLike = Partial<Record<string, RawValues>>;

// Each concern's questions are named `${prefix}ReferralMade`, `${prefix}ReferredTo` and
// `${prefix}NotMadeReason`, and live on `step`.
export const PANELS = {
  CHILD_AT_RISK: { prefix: "child", step: "person" },
  ADULT_AT_RISK: { prefix: "adult", step: "safety" },
  MODERN_SLAVERY: { prefix: "slavery", step: "safety" },
} as const satisfies Record<SafeguardingConcern, { prefix: string; step: string }>;

const one = (v: string | string[] | undefined): string => (typeof v === "string" ? v.trim() : "");
const many = (v: string | string[] | undefined): string[] => (Array.isArray(v) ? v : []);

// Whether someone born on `dateOfBirth` is under 18 on `onIso` (both ISO days).
export function isUnder18On(dateOfBirth: string, onIso: string): boolean {
  if (!parseDate(dateOfBirth) || !parseDate(onIso)) return false;
  const [y, m, d] = dateOfBirth.split("-");
  return onIso < `${Number(y) + 18}-${m}-${d}`;
}

// The earliest day the person's age matters: the incident (or the start of the period) or
// the day they reported, whichever is first. A child then is a child for this report.
export function ageReferenceDay(data: DraftLike, todayIso: string): string {
  const what = data["what-happened"] ?? {};
  const candidates = [
    one(what.whenKnown) === "EXACT" ? one(what.incidentDate) : "",
    one(what.periodFrom),
    parseDay(one(what.reportedAt)) ?? "",
    todayIso,
  ].filter((d) => parseDate(d) !== null && d <= todayIso);
  return candidates.sort()[0] ?? todayIso;
}

export function isChild(data: DraftLike, todayIso: string): boolean {
  const person = data.person ?? {};
  if (one(person.ageBand) === "UNDER_18") return true;
  return isUnder18On(one(person.dateOfBirth), ageReferenceDay(data, todayIso));
}

export function activeConcerns(data: DraftLike, todayIso: string): SafeguardingConcern[] {
  const signs = many(data.safety?.safeguardingSigns);
  const out: SafeguardingConcern[] = [];
  if (isChild(data, todayIso)) out.push("CHILD_AT_RISK");
  if (signs.includes("ADULT_AT_RISK")) out.push("ADULT_AT_RISK");
  if (signs.includes("MODERN_SLAVERY")) out.push("MODERN_SLAVERY");
  return out;
}

// A raised concern must say whether a referral was made, and then to whom or why not.
export function referralErrors(values: RawValues, concern: SafeguardingConcern): Record<string, string> {
  const { prefix } = PANELS[concern];
  const made = one(values[`${prefix}ReferralMade`]);
  if (made === "") return { [`${prefix}ReferralMade`]: "intake.errors.referralMade" };
  if (made === "YES" && one(values[`${prefix}ReferredTo`]) === "")
    return { [`${prefix}ReferredTo`]: "intake.errors.referredTo" };
  if (made === "NO" && one(values[`${prefix}NotMadeReason`]) === "")
    return { [`${prefix}NotMadeReason`]: "intake.errors.notMadeReason" };
  return {};
}

// Only what the browser needs to decide the panels, so a step page sends no more than that.
export function safeguardingContext(data: DraftLike): DraftLike {
  const pick = (step: string, names: string[]) =>
    Object.fromEntries(names.flatMap((n) => (data[step]?.[n] !== undefined ? [[n, data[step][n]]] : [])));
  return {
    person: pick("person", ["ageBand", "dateOfBirth"]),
    "what-happened": pick("what-happened", ["whenKnown", "incidentDate", "periodFrom", "reportedAt"]),
    safety: pick("safety", ["safeguardingSigns"]),
  };
}

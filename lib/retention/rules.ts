// When each kind of record comes up for review (docs/decisions/020). The dates are computed
// from the record's own dates when they are read, not stored: a rule changed in configuration
// applies to every record at once, with no migration and no trigger to keep in step.
//
// Defaults, overridable with LIAISON_RETENTION_RULES (JSON with any of the keys below):
// - drafts: 30 days after the last change, then erased without review (they hold unfinished
//   narratives nobody has decided to keep);
// - contacts not tied to a report ("no crime"): 6 years after the contact;
// - closed reports of serious violent or sexual offences: 10 years after closure;
// - other closed reports: 6 years after closure; open reports are never due;
// - a contact tied to a report follows its report;
// - a person: when every report and contact of theirs is due, and not before 6 years after
//   the person's own last change; a person with an open report is never due.
// A supervisor's "retain" decision moves the review date to the one they set.
import { z } from "zod";
import type { IncidentType } from "@/lib/generated/prisma/enums";
import { retentionRulesEnv } from "@/lib/env";

export const retentionRulesSchema = z.object({
  draftDays: z.number().int().min(1).max(3650).default(30),
  contactYears: z.number().int().min(1).max(100).default(6),
  reportYears: z.number().int().min(1).max(100).default(6),
  seriousReportYears: z.number().int().min(1).max(100).default(10),
  personYears: z.number().int().min(1).max(100).default(6),
  seriousTypes: z
    .array(z.string())
    .default([
      "RAPE",
      "SEXUAL_ASSAULT",
      "PHYSICAL_ASSAULT",
      "ROBBERY",
      "COERCION_EXPLOITATION",
      "CONDOM_REMOVAL",
    ]),
});

export type RetentionRules = z.infer<typeof retentionRulesSchema>;

export function retentionRules(raw = retentionRulesEnv()): RetentionRules {
  if (!raw) return retentionRulesSchema.parse({});
  return retentionRulesSchema.parse(JSON.parse(raw));
}

function addYears(from: Date, years: number): Date {
  const d = new Date(from);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d;
}

function addDays(from: Date, days: number): Date {
  return new Date(from.getTime() + days * 86_400_000);
}

const later = (a: Date | null, b: Date | null): Date | null => (!a ? b : !b ? a : a > b ? a : b);

export function draftReviewOn(draft: { updatedAt: Date }, rules: RetentionRules): Date {
  return addDays(draft.updatedAt, rules.draftDays);
}

export function isSerious(
  types: readonly IncidentType[] | readonly string[],
  rules: RetentionRules,
): boolean {
  return types.some((t) => rules.seriousTypes.includes(t));
}

export type ReportDates = {
  status: "OPEN" | "CLOSED";
  closedAt: Date | null;
  incidentTypes: readonly IncidentType[];
  retainUntil?: Date | null;
};

// null: not due while the report is open.
export function reportReviewOn(report: ReportDates, rules: RetentionRules): Date | null {
  if (report.status !== "CLOSED" || !report.closedAt) return null;
  const years = isSerious(report.incidentTypes, rules) ? rules.seriousReportYears : rules.reportYears;
  return later(addYears(report.closedAt, years), report.retainUntil ?? null);
}

export function contactReviewOn(
  contact: { occurredAt: Date; report: ReportDates | null; retainUntil?: Date | null },
  rules: RetentionRules,
): Date | null {
  const own = contact.report
    ? reportReviewOn(contact.report, rules)
    : addYears(contact.occurredAt, rules.contactYears);
  return own && later(own, contact.retainUntil ?? null);
}

export function personReviewOn(
  person: {
    updatedAt: Date;
    reports: readonly ReportDates[];
    contacts: readonly { occurredAt: Date; report: ReportDates | null }[];
    retainUntil?: Date | null;
  },
  rules: RetentionRules,
): Date | null {
  let due: Date | null = addYears(person.updatedAt, rules.personYears);
  for (const r of person.reports) {
    const on = reportReviewOn(r, rules);
    if (!on) return null;
    due = later(due, on);
  }
  for (const c of person.contacts) {
    const on = contactReviewOn(c, rules);
    if (!on) return null;
    due = later(due, on);
  }
  return later(due, person.retainUntil ?? null);
}

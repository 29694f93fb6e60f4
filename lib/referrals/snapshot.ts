// What a referral sends: built on the server from the person's record, for the consented
// fields only, and stored as sent. The incident goes in general terms (its kinds, the month
// and the area), never the narrative, a place or a suspect. Pure, so its tests can prove that
// nothing outside the chosen fields ever gets in.
import { z } from "zod";
import { ContactMethod, IncidentType, Language, type ConsentField } from "@/lib/generated/prisma/enums";
import { londonWallClock } from "@/lib/time/london";

export type SnapshotSource = {
  person: {
    workingName: string;
    safeContactMethods: ContactMethod[];
    safeContactTimes: string | null;
    doNotContactRules: string | null;
    language: Language;
    interpreterNeeds: string | null;
    accessNeeds: string | null;
  };
  reason: string;
  supportNeeded: string;
  report: {
    incidentTypes: IncidentType[];
    incidentFrom: Date | null;
    reportedAt: Date;
    area: string | null;
  } | null;
};

// The stored shape, read back with the same schema so a partner page shows only these keys.
export const sharedSnapshotSchema = z.strictObject({
  workingName: z.string().optional(),
  contactSafety: z
    .strictObject({
      methods: z.array(z.enum(ContactMethod)),
      times: z.string().nullable(),
      doNot: z.string().nullable(),
    })
    .optional(),
  languageAndAccess: z
    .strictObject({
      language: z.enum(Language),
      interpreterNeeds: z.string().nullable(),
      accessNeeds: z.string().nullable(),
    })
    .optional(),
  reason: z.string().optional(),
  supportNeeded: z.string().optional(),
  incident: z
    .strictObject({
      types: z.array(z.enum(IncidentType)),
      // "2026-03": the month in London, not the day.
      month: z.string().regex(/^\d{4}-\d{2}$/),
      area: z.string().nullable(),
    })
    .optional(),
});

export type SharedSnapshot = z.infer<typeof sharedSnapshotSchema>;

function londonMonth(instant: Date): string {
  const clock = londonWallClock(instant);
  return `${clock.year}-${String(clock.month).padStart(2, "0")}`;
}

export function buildSharedSnapshot(source: SnapshotSource, fields: readonly ConsentField[]): SharedSnapshot {
  const { person, report } = source;
  const snapshot: SharedSnapshot = {};
  if (fields.includes("WORKING_NAME")) snapshot.workingName = person.workingName;
  if (fields.includes("CONTACT_SAFETY"))
    snapshot.contactSafety = {
      methods: [...person.safeContactMethods],
      times: person.safeContactTimes,
      doNot: person.doNotContactRules,
    };
  if (fields.includes("LANGUAGE_AND_ACCESS"))
    snapshot.languageAndAccess = {
      language: person.language,
      interpreterNeeds: person.interpreterNeeds,
      accessNeeds: person.accessNeeds,
    };
  if (fields.includes("REFERRAL_REASON")) snapshot.reason = source.reason;
  if (fields.includes("SUPPORT_NEEDED")) snapshot.supportNeeded = source.supportNeeded;
  if (fields.includes("INCIDENT_SUMMARY") && report)
    snapshot.incident = {
      types: [...report.incidentTypes],
      month: londonMonth(report.incidentFrom ?? report.reportedAt),
      area: report.area,
    };
  return snapshot;
}

// A stored snapshot as the partner may see it; anything unreadable shows as nothing shared.
export function readSharedSnapshot(value: unknown): SharedSnapshot | null {
  if (value === null || value === undefined) return null;
  const parsed = sharedSnapshotSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

// The first draft of an alert, built from its source reports: the suspects' descriptions
// and identifiers, the areas, the kinds of incident and the months they happened. Never the
// narrative, the person or the exact place. Each part records which report fields it came
// from, so the officer (and the supervisor) can see what the draft was built from. Pure.
import type { IdentifierKind, IncidentType } from "@/lib/generated/prisma/enums";
import { normaliseIdentifier } from "@/lib/suspects/normalise";
import { londonToday } from "@/lib/time/london";

export type PrefillReport = {
  id: string;
  reportedAt: Date;
  incidentFrom: Date | null;
  incidentTo: Date | null;
  area: string | null;
  incidentTypes: IncidentType[];
  suspects: { description: string | null; identifiers: { kind: IdentifierKind; value: string }[] }[];
};

export const ALERT_PARTS = [
  "description",
  "vehicles",
  "phoneNumbers",
  "onlineHandles",
  "area",
  "whatHappened",
  "period",
] as const;
export type AlertPart = (typeof ALERT_PARTS)[number];

// The report fields a part may be built from; the keys of `alerts.sourceField` messages.
export type SourceField =
  | "suspectDescription"
  | "vehicleRegistration"
  | "phoneNumber"
  | "onlineHandle"
  | "area"
  | "incidentTypes"
  | "incidentDate"
  | "reportedDate";

export type SourceFields = Partial<Record<AlertPart, SourceField[]>>;

export type Prefill = {
  description: string;
  vehicles: string;
  phoneNumbers: string;
  onlineHandles: string;
  area: string;
  // The incident types (in report order, once each) and the first day of each month.
  incidentTypes: IncidentType[];
  months: Date[];
  periodFrom: Date | null;
  periodTo: Date | null;
  sourceFields: SourceFields;
};

const IDENTIFIER_PART: Record<IdentifierKind, { part: AlertPart; field: SourceField }> = {
  VEHICLE_REGISTRATION: { part: "vehicles", field: "vehicleRegistration" },
  PHONE_NUMBER: { part: "phoneNumbers", field: "phoneNumber" },
  ONLINE_HANDLE: { part: "onlineHandles", field: "onlineHandle" },
};

// Keeps the first of values that are the same once compared by `key`.
function distinct<T>(values: T[], key: (v: T) => string): T[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const k = key(v);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function prefillAlert(reports: readonly PrefillReport[]): Prefill {
  const sources: SourceFields = {};
  const note = (part: AlertPart, field: SourceField) => {
    const list = (sources[part] ??= []);
    if (!list.includes(field)) list.push(field);
  };
  const suspects = reports.flatMap((r) => r.suspects);

  const descriptions = distinct(
    suspects.map((s) => s.description?.trim() ?? "").filter((d) => d !== ""),
    (d) => d.toLowerCase(),
  );
  if (descriptions.length) note("description", "suspectDescription");

  const byKind = (kind: IdentifierKind) => {
    const values = distinct(
      suspects.flatMap((s) => s.identifiers.filter((i) => i.kind === kind).map((i) => i.value.trim())),
      (v) => normaliseIdentifier(kind, v) ?? v.toLowerCase(),
    );
    if (values.length) note(IDENTIFIER_PART[kind].part, IDENTIFIER_PART[kind].field);
    return values.join(", ");
  };

  const areas = distinct(
    reports.map((r) => r.area?.trim() ?? "").filter((a) => a !== ""),
    (a) => a.toLowerCase(),
  );
  if (areas.length) note("area", "area");

  const incidentTypes = [...new Set(reports.flatMap((r) => r.incidentTypes))];
  if (incidentTypes.length) note("whatHappened", "incidentTypes");

  // When it happened, or when it was reported if the date is not known; London days.
  const days = reports.flatMap((r) => {
    if (r.incidentFrom) {
      note("whatHappened", "incidentDate");
      note("period", "incidentDate");
      return [londonToday(r.incidentFrom), londonToday(r.incidentTo ?? r.incidentFrom)];
    }
    note("whatHappened", "reportedDate");
    note("period", "reportedDate");
    return [londonToday(r.reportedAt)];
  });
  const sorted = [...days].sort((a, b) => a.getTime() - b.getTime());
  const months = distinct(
    sorted.map((d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1))),
    (d) => d.toISOString(),
  );

  return {
    description: descriptions.join("\n"),
    vehicles: byKind("VEHICLE_REGISTRATION"),
    phoneNumbers: byKind("PHONE_NUMBER"),
    onlineHandles: byKind("ONLINE_HANDLE"),
    area: areas.join(", "),
    incidentTypes,
    months,
    periodFrom: sorted[0] ?? null,
    periodTo: sorted[sorted.length - 1] ?? null,
    sourceFields: sources,
  };
}

// Splits a typed list ("ZC19 KTW, zk68nrb" or one per line) into identifiers that can be
// matched against suspects; pieces that do not normalise (a partial plate) stay in the text
// for people to read but are not matched.
export function identifiersOf(
  kind: IdentifierKind,
  text: string,
): { kind: IdentifierKind; normalised: string }[] {
  const pieces = text
    .split(/[,;\n]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const normalised = pieces.map((p) => normaliseIdentifier(kind, p)).filter((n): n is string => n !== null);
  return [...new Set(normalised)].map((n) => ({ kind, normalised: n }));
}

// The demo's safety alerts, built from the seeded series of linked reports the way an
// officer would build them: an active alert for each partner agency (the first goes to
// both), one waiting for a supervisor and one withdrawn. The active alerts' identifiers are
// the series' own, so the series' later reports show the match on their case page.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { IdentifierKind, IncidentType } from "@/lib/generated/prisma/enums";
import { identifiersOf, prefillAlert, type PrefillReport } from "@/lib/alerts/prefill";
import { londonToday, londonToUtc } from "@/lib/time/london";
import { addDays, earliest, latest } from "./dates";
import { idMaker } from "./random";

export type AlertRows = {
  alerts: Prisma.SafetyAlertCreateManyInput[];
  alertRecipients: Prisma.SafetyAlertRecipientCreateManyInput[];
  alertIdentifiers: Prisma.SafetyAlertIdentifierCreateManyInput[];
};

type Input = {
  now: Date;
  unitId: string;
  users: { officer: string; officer2: string; supervisor: string };
  agencies: { womensAid: string; health: string };
  reports: readonly Prisma.IncidentReportCreateManyInput[];
  suspects: readonly Prisma.SuspectCreateManyInput[];
  identifiers: readonly Prisma.SuspectIdentifierCreateManyInput[];
};

type Sketch = {
  // The normalised identifier whose reports the alert is built from.
  from: { kind: IdentifierKind; normalised: string };
  title: string;
  whatHappened: string;
  status: "ACTIVE" | "AWAITING_APPROVAL" | "WITHDRAWN";
  to: ("womensAid" | "health")[];
  by: "officer" | "officer2";
  daysAgo: number;
  withdrawnReason?: string;
};

const SKETCHES: Sketch[] = [
  {
    from: { kind: "VEHICLE_REGISTRATION", normalised: "ZC19KTW" },
    title: "Man in a silver estate car picking up workers",
    whatHappened:
      "Several reports to the unit of a man who picks workers up in a silver estate car and then assaults them. Take extra care getting into cars.",
    status: "ACTIVE",
    to: ["womensAid", "health"],
    by: "officer",
    daysAgo: 12,
  },
  {
    from: { kind: "PHONE_NUMBER", normalised: "+447700900812" },
    title: "Late-night texts and threats from a man calling himself Rob",
    whatHappened:
      "Reports to the unit of threatening and harassing messages sent late at night. Do not reply; keep the messages.",
    status: "ACTIVE",
    to: ["health"],
    by: "officer2",
    daysAgo: 30,
  },
  {
    from: { kind: "ONLINE_HANDLE", normalised: "velvet_gent" },
    title: "Online account contacting workers through advertising sites",
    whatHappened: "Reports to the unit of online abuse and threats after bookings made through this account.",
    status: "AWAITING_APPROVAL",
    to: ["womensAid"],
    by: "officer2",
    daysAgo: 2,
  },
  {
    from: { kind: "VEHICLE_REGISTRATION", normalised: "ZK68NRB" },
    title: "Two men robbing workers at indoor flats",
    whatHappened: "Reports to the unit of robberies at indoor flats after a booking by phone.",
    status: "WITHDRAWN",
    to: ["womensAid"],
    by: "officer",
    daysAgo: 200,
    withdrawnReason: "Both suspects charged and remanded in custody.",
  },
];

const ACTIVE_DAYS = 90;

export function planAlerts(input: Input): AlertRows {
  const id = idMaker("alerts");
  const rows: AlertRows = { alerts: [], alertRecipients: [], alertIdentifiers: [] };
  for (const s of SKETCHES) {
    const suspectIds = new Set(
      input.identifiers
        .filter((i) => i.kind === s.from.kind && i.normalised === s.from.normalised)
        .map((i) => i.suspectId),
    );
    const reportIds = new Set(
      input.suspects.filter((x) => suspectIds.has(x.id as string)).map((x) => x.reportId),
    );
    // Built from the earliest report; the later ones in the series then match it.
    const source = input.reports
      .filter((r) => reportIds.has(r.id as string))
      .sort((a, b) => (a.reportedAt as Date).getTime() - (b.reportedAt as Date).getTime())[0];
    if (!source) throw new Error(`Demo alert has no source report: ${s.title}`);
    const prefillReport: PrefillReport = {
      id: source.id as string,
      reportedAt: source.reportedAt as Date,
      incidentFrom: (source.incidentFrom ?? null) as Date | null,
      incidentTo: (source.incidentTo ?? null) as Date | null,
      area: (source.area ?? null) as string | null,
      incidentTypes: source.incidentTypes as IncidentType[],
      suspects: input.suspects
        .filter((x) => x.reportId === source.id)
        .map((x) => ({
          description: (x.description ?? null) as string | null,
          identifiers: input.identifiers
            .filter((i) => i.suspectId === x.id)
            .map((i) => ({ kind: i.kind, value: i.value })),
        })),
    };
    const prefill = prefillAlert([prefillReport]);
    // After the report it is built from, and early enough to have been approved by now.
    const created = earliest(
      latest(addDays(source.reportedAt as Date, 3), addDays(input.now, -s.daysAgo)),
      addDays(input.now, -2),
    );
    const withdrawnAt = s.withdrawnReason ? earliest(addDays(created, 30), addDays(input.now, -1)) : null;
    const approved = s.status === "AWAITING_APPROVAL" ? null : addDays(created, 1);
    const expiresOn = approved ? addDays(londonToday(approved), ACTIVE_DAYS) : null;
    const alertId = id(created);
    rows.alerts.push({
      id: alertId,
      unitId: input.unitId,
      createdById: input.users[s.by],
      status: s.status,
      title: s.title,
      description: prefill.description,
      vehicles: prefill.vehicles || null,
      phoneNumbers: prefill.phoneNumbers || null,
      onlineHandles: prefill.onlineHandles || null,
      area: prefill.area || null,
      whatHappened: s.whatHappened,
      periodFrom: prefill.periodFrom,
      periodTo: prefill.periodTo,
      sourceReportIds: [source.id as string],
      sourceFields: prefill.sourceFields,
      approvedById: approved ? input.users.supervisor : null,
      approvedAt: approved,
      expiresAt: expiresOn
        ? londonToUtc({
            year: expiresOn.getUTCFullYear(),
            month: expiresOn.getUTCMonth() + 1,
            day: expiresOn.getUTCDate(),
            hour: 0,
            minute: 0,
          })
        : null,
      withdrawnAt,
      withdrawnReason: s.withdrawnReason ?? null,
      isDemo: true,
      createdAt: created,
      updatedAt: withdrawnAt ?? approved ?? created,
    });
    for (const key of s.to) rows.alertRecipients.push({ alertId, agencyId: input.agencies[key] });
    const typed = [
      ...identifiersOf("VEHICLE_REGISTRATION", prefill.vehicles),
      ...identifiersOf("PHONE_NUMBER", prefill.phoneNumbers),
      ...identifiersOf("ONLINE_HANDLE", prefill.onlineHandles),
    ];
    for (const i of typed)
      rows.alertIdentifiers.push({ id: id(created), alertId, unitId: input.unitId, ...i });
  }
  return rows;
}

// The demo's third-party reports: the unit works with both demo agencies (UnitAgencyLink),
// and each agency has made a submission in every state. The one that became a report points
// at a seeded report the agency itself made (reporting route "partner agency", submitted by
// that agency), so no report is added and the demo's totals stay as they are.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SubmissionAnswers } from "@/lib/third-party/schema";
import { addDays } from "./dates";
import { idMaker } from "./random";

export type SubmissionRows = {
  unitAgencyLinks: Prisma.UnitAgencyLinkCreateManyInput[];
  submissions: Prisma.ThirdPartySubmissionCreateManyInput[];
};

type Agency = { id: string; partnerId: string };

type Input = {
  now: Date;
  founded: Date;
  unitId: string;
  officerId: string;
  agencies: readonly Agency[];
  reports: readonly Prisma.IncidentReportCreateManyInput[];
};

// The wish that matches what the report says the person first wanted.
const WISH_OF = {
  INTELLIGENCE_ONLY: "INTELLIGENCE_ONLY",
  ANONYMOUS_CONTACT: "CONTACT_THROUGH_PARTNER",
  FULL_INVESTIGATION: "FULL_INVESTIGATION",
  UNDECIDED: "FULL_INVESTIGATION",
} as const;

const iso = (d: Date) => d.toISOString().slice(0, 10);

function answers(
  types: SubmissionAnswers["what-happened"]["incidentTypes"],
  on: Date,
  area: string,
  workingName?: string,
): SubmissionAnswers {
  return {
    safety: {
      immediateDanger: "NO",
      injuriesNeedingCare: "NO",
      threatsOfFurtherHarm: "NOT_KNOWN",
      riskFromExploiter: "",
    },
    "what-happened": {
      incidentTypes: types,
      whenKnown: "APPROXIMATE",
      incidentDate: "",
      incidentTime: "",
      periodFrom: iso(addDays(on, -3)),
      periodTo: iso(on),
      reportedAt: "",
      area,
      place: "",
    },
    who: {
      relationship: "CLIENT",
      suspectDescription: "Man in his forties, drives a dark estate car.",
      vehicleRegistrations: "",
      phoneNumbers: "",
      onlineHandles: "",
    },
    account: { narrative: "Told to the support worker at a drop-in session." },
    ...(workingName ? { workingName } : {}),
  };
}

export function planSubmissions({
  now,
  founded,
  unitId,
  officerId,
  agencies,
  reports,
}: Input): SubmissionRows {
  const id = idMaker("submissions");
  const rows: SubmissionRows = {
    unitAgencyLinks: agencies.map((a) => ({ unitId, agencyId: a.id, createdAt: founded })),
    submissions: [],
  };
  agencies.forEach((agency, i) => {
    const base = { unitId, agencyId: agency.id, submittedById: agency.partnerId, isDemo: true };
    const at = (days: number) => addDays(now, -days - i);
    const received = at(2);
    rows.submissions.push({
      ...base,
      id: id(received),
      anonymous: true,
      wish: "INTELLIGENCE_ONLY",
      answers: answers(["THREATS_INTIMIDATION"], received, "Town centre") as unknown as Prisma.InputJsonValue,
      createdAt: received,
      updatedAt: received,
    });
    const looked = at(6);
    rows.submissions.push({
      ...base,
      id: id(looked),
      anonymous: false,
      wish: "CONTACT_THROUGH_PARTNER",
      answers: answers(
        ["HARASSMENT_STALKING"],
        looked,
        "Station Road",
        "Jo",
      ) as unknown as Prisma.InputJsonValue,
      status: "BEING_LOOKED_AT",
      createdAt: looked,
      updatedAt: addDays(looked, 1),
    });
    const closed = at(40);
    rows.submissions.push({
      ...base,
      id: id(closed),
      anonymous: true,
      wish: "INTELLIGENCE_ONLY",
      answers: answers(["OTHER"], closed, "Retail park") as unknown as Prisma.InputJsonValue,
      status: "CLOSED",
      notOpenedReason: "Already reported directly by the person the same week; added to that report.",
      triagedById: officerId,
      triagedAt: addDays(closed, 2),
      createdAt: closed,
      updatedAt: addDays(closed, 2),
    });
    // The agency's newest own report is the one a submission became.
    const own = reports
      .filter((r) => r.reportingRoute === "PARTNER_AGENCY" && r.submittedByAgencyId === agency.id)
      .sort((a, b) => new Date(b.reportedAt).getTime() - new Date(a.reportedAt).getTime())[0];
    if (!own?.id) return;
    const opened = new Date(own.reportedAt);
    rows.submissions.push({
      ...base,
      id: id(opened),
      // The unit matched it to someone it already knew; the partner gave no name.
      anonymous: true,
      wish: WISH_OF[(own.initialPersonWants as keyof typeof WISH_OF | undefined) ?? "FULL_INVESTIGATION"],
      answers: answers(
        [...((own.incidentTypes as SubmissionAnswers["what-happened"]["incidentTypes"]) ?? [])],
        opened,
        typeof own.area === "string" ? own.area : "",
      ) as unknown as Prisma.InputJsonValue,
      status: "REPORT_OPENED",
      reportId: own.id,
      triagedById: officerId,
      triagedAt: opened,
      createdAt: opened,
      updatedAt: opened,
    });
  });
  return rows;
}

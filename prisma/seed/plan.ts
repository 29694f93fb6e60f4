// Turns the story (people, reports, contacts, referrals) into database rows with ids, so
// the writer in demo.ts only has to insert them. Pure: the same `now` gives the same rows.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { IncidentType, RiskLevel } from "@/lib/generated/prisma/enums";
import { DEMO_ACCOUNTS, DEMO_ORGANISATIONS, type DemoAccountKey, type DemoOrganisationKey } from "./accounts";
import { planGeneralContacts, type ContactPlan } from "./contacts";
import { addDays, atTime, earliest, latest } from "./dates";
import { emailFor, languageOf, PEOPLE, phoneFor } from "./people";
import { demoRandom, idMaker } from "./random";
import { buildSharedSnapshot } from "@/lib/referrals/snapshot";
import { planReferrals, type ReferralPlan } from "./referrals";
import { planReports, type ReportPlan } from "./reports";
import { planRisk, type RiskPlan } from "./risk";
import { planCaseContacts } from "./updates";
import { planSubmissions, type SubmissionRows } from "./submissions";
import { planAlerts, type AlertRows } from "./alerts";

export const CONTACT_TOTAL = 150;

export type DemoRows = {
  organisations: Prisma.OrganisationCreateManyInput[];
  users: Omit<Prisma.UserCreateManyInput, "passwordHash">[];
  people: Prisma.PersonCreateManyInput[];
  reports: Prisma.IncidentReportCreateManyInput[];
  suspects: Prisma.SuspectCreateManyInput[];
  identifiers: Prisma.SuspectIdentifierCreateManyInput[];
  events: Prisma.CaseEventCreateManyInput[];
  contacts: Prisma.LiaisonContactCreateManyInput[];
  updates: Prisma.VictimUpdateCreateManyInput[];
  consents: Prisma.ConsentCreateManyInput[];
  overrides: Prisma.SharingOverrideCreateManyInput[];
  referrals: Prisma.ReferralCreateManyInput[];
  referralUpdates: Prisma.ReferralUpdateCreateManyInput[];
  riskAssessments: Prisma.RiskAssessmentCreateManyInput[];
  safeguarding: Prisma.SafeguardingRecordCreateManyInput[];
  counters: Prisma.ReferenceCounterCreateManyInput[];
} & SubmissionRows &
  AlertRows;

export function planDemo(now: Date): DemoRows {
  const id = idMaker("rows");
  // Accounts and agencies exist a little before the first report.
  const founded = addDays(now, -760);
  const orgIds = Object.fromEntries(Object.keys(DEMO_ORGANISATIONS).map((k) => [k, id(founded)])) as Record<
    DemoOrganisationKey,
    string
  >;
  const orgByName = (name: string) =>
    orgIds[
      (Object.keys(DEMO_ORGANISATIONS) as DemoOrganisationKey[]).find(
        (k) => DEMO_ORGANISATIONS[k].name === name,
      ) ?? "police"
    ];
  const userIds = Object.fromEntries(DEMO_ACCOUNTS.map((a) => [a.key, id(founded)])) as Record<
    DemoAccountKey,
    string
  >;
  const unitId = orgIds.unit;

  const { reports, counters } = planReports(now);
  const caseWork = planCaseContacts(reports, now, demoRandom("case-contacts"));
  const { referrals, followUps } = planReferrals(reports, now, demoRandom("referrals"));
  const general = planGeneralContacts(
    reports,
    now,
    CONTACT_TOTAL - caseWork.contacts.length - followUps.length,
    demoRandom("contacts"),
  );
  const contacts = [...caseWork.contacts, ...followUps, ...general];
  const risk = planRisk(reports, now, demoRandom("risk"));

  const personIds = PEOPLE.map(() => "");
  const people = PEOPLE.map((sketch, i) => {
    const firstSeen = firstContactWithPerson(
      i,
      reports,
      contacts,
      referrals.map((r) => ({ person: r.person, at: basisAt(r) })),
    );
    personIds[i] = id(firstSeen.at);
    return {
      id: personIds[i],
      unitId,
      workingName: sketch.name,
      selfDescription: sketch.self ?? null,
      legalName: sketch.legal ?? null,
      ageBand: sketch.age,
      workSetting: sketch.setting,
      language: languageOf(sketch),
      interpreterNeeds: sketch.interpreter ?? null,
      accessNeeds: sketch.access ?? null,
      phone: phoneFor(i, sketch),
      email: emailFor(i, sketch),
      safeContactMethods: sketch.methods,
      safeContactTimes: sketch.times ?? null,
      doNotContactRules: sketch.rules ?? null,
      createdById: userIds[firstSeen.by],
      isDemo: true,
      createdAt: firstSeen.at,
      updatedAt: firstSeen.at,
    } satisfies Prisma.PersonCreateManyInput;
  });

  const rows: DemoRows = {
    organisations: (Object.keys(DEMO_ORGANISATIONS) as DemoOrganisationKey[]).map((key) => {
      const org = DEMO_ORGANISATIONS[key];
      return {
        id: orgIds[key],
        name: org.name,
        kind: org.kind,
        parentId: org.parent ? orgIds[org.parent] : null,
        isDemo: true,
        createdAt: founded,
      };
    }),
    users: DEMO_ACCOUNTS.map((a) => ({
      id: userIds[a.key],
      email: a.email,
      name: a.name,
      role: a.role,
      organisationId: orgByName(a.organisation),
      isDemo: true,
      createdAt: founded,
      updatedAt: founded,
    })),
    people,
    reports: [],
    suspects: [],
    identifiers: [],
    events: [],
    contacts: [],
    updates: [],
    consents: [],
    overrides: [],
    referrals: [],
    referralUpdates: [],
    riskAssessments: [],
    safeguarding: [],
    counters: counters.map((c) => ({ unitId, year: c.year, next: c.next })),
    unitAgencyLinks: [],
    submissions: [],
    alerts: [],
    alertRecipients: [],
    alertIdentifiers: [],
  };

  const reportIds: string[] = [];
  const eventIds: string[][] = [];
  reports.forEach((r, i) => {
    const reportId = id(r.reportedAt);
    reportIds.push(reportId);
    const lastChange = r.events.length ? atTime(r.events[r.events.length - 1]!.on, 17, 0) : r.reportedAt;
    rows.reports.push({
      id: reportId,
      reference: r.reference,
      unitId,
      personId: personIds[r.person] as string,
      assignedOfficerId: userIds[r.assignee],
      createdById: userIds[r.creator],
      submittedByAgencyId: r.agency ? orgIds[r.agency] : null,
      reportedAt: r.reportedAt,
      incidentFrom: r.dates.from,
      incidentTo: r.dates.to,
      incidentDatePrecision: r.dates.precision,
      area: r.area,
      place: r.place,
      reportingRoute: r.route,
      incidentTypes: [...r.types],
      relationship: r.relationship,
      personWants: r.wants,
      initialPersonWants: r.initialWants,
      narrative: r.narrative,
      crimeRecorded: r.crimeRecorded,
      crimeReference: r.crimeReference,
      crimeNotRecordedWhy: r.crimeNotRecordedWhy,
      ...r.risk,
      enhancedRights: r.enhancedRights,
      enhancedRightsReason: r.enhancedRightsReason,
      enhancedRightsByOfficer: r.enhancedRightsByOfficer,
      // The newest assessment's level and review date, as the app keeps them.
      ...currentRisk(risk.assessments.filter((a) => a.report === i)),
      supportNeeds: r.supportNeeds,
      status: r.status,
      closedAt: r.closedAt,
      isDemo: true,
      createdAt: r.enteredAt,
      updatedAt: r.closedAt ?? earliest(lastChange, now),
    });
    const suspectIds = r.suspects.map((s) => {
      const suspectId = id(r.reportedAt);
      rows.suspects.push({
        id: suspectId,
        reportId,
        relationship: s.relationship,
        description: s.description,
        createdAt: r.reportedAt,
      });
      for (const ident of s.identifiers)
        rows.identifiers.push({ id: id(r.reportedAt), suspectId, unitId, ...ident });
      return suspectId;
    });
    eventIds[i] = r.events.map((e, order) => {
      const eventId = id(e.on);
      rows.events.push({
        id: eventId,
        reportId,
        suspectId: e.aboutSuspect ? (suspectIds[0] ?? null) : null,
        type: e.type,
        occurredOn: e.on,
        crimeReference: e.crimeReference ?? null,
        releaseType: e.releaseType ?? null,
        offence: e.offence ?? null,
        outcome: e.outcome ?? null,
        withdrawalReasons: e.withdrawalReasons ?? [],
        courtResult: e.courtResult ?? null,
        sentence: e.sentence ?? null,
        personWants: e.personWants ?? null,
        notes: e.notes ?? null,
        personInformed: e.personInformed ?? null,
        diversionaryActivity: e.diversionaryActivity ?? null,
        closeReason: e.closeReason ?? null,
        enhancedRights: e.enhancedRights ?? null,
        recordedById: userIds[e.recordedBy],
        // A minute apart, so same-day events (arrest, interview, release) keep their order.
        createdAt: earliest(atTime(e.on, 15, order), now),
      });
      return eventId;
    });
  });

  const contactIds = contacts.map((c) => {
    const contactId = id(c.occurredAt);
    rows.contacts.push({
      id: contactId,
      unitId,
      personId: personIds[c.person] as string,
      reportId: c.report === null ? null : (reportIds[c.report] as string),
      officerId: userIds[c.officer],
      type: c.type,
      method: c.method,
      occurredAt: c.occurredAt,
      notes: c.notes,
      followUpOn: c.followUpOn,
      isDemo: true,
      createdAt: c.occurredAt,
    });
    return contactId;
  });

  for (const u of caseWork.updates) {
    const cleared = u.contact === null ? null : (contacts[u.contact] as ContactPlan);
    const event = reports[u.report]?.events[u.event];
    rows.updates.push({
      id: id(event?.on ?? now),
      reportId: reportIds[u.report] as string,
      caseEventId: eventIds[u.report]?.[u.event] as string,
      dueBy: u.dueBy,
      clearedAt: cleared?.occurredAt ?? null,
      clearedByContactId: u.contact === null ? null : (contactIds[u.contact] as string),
      createdAt: earliest(atTime(event?.on ?? now, 15, 0), now),
    });
  }

  for (const a of risk.assessments)
    rows.riskAssessments.push({
      id: id(a.assessedAt),
      reportId: reportIds[a.report] as string,
      unitId,
      factors: a.factors,
      level: a.level,
      rationale: a.rationale,
      safetyPlan: a.safetyPlan,
      reviewOn: a.reviewOn,
      assessedById: userIds[a.by],
      createdAt: a.assessedAt,
    });
  for (const g of risk.safeguarding)
    rows.safeguarding.push({
      id: id(g.at),
      reportId: reportIds[g.report] as string,
      unitId,
      concern: g.concern,
      referralMade: g.referralMade,
      referredTo: g.referredTo,
      notMadeReason: g.notMadeReason,
      recordedById: userIds[g.by],
      createdAt: g.at,
    });

  for (const r of referrals) {
    const agencyId = orgIds[r.agency];
    const personId = personIds[r.person] as string;
    const partnerId = userIds[r.agency === "health" ? "partner2" : "partner"];
    const { consent, override } = r;
    const consentId = consent ? id(consent.givenAt) : null;
    if (consent && consentId) {
      const { withdrawnBy, ...given } = consent;
      rows.consents.push({
        id: consentId,
        personId,
        agencyId,
        ...given,
        withdrawnById: withdrawnBy ? userIds[withdrawnBy] : null,
        recordedById: userIds[r.createdBy],
        createdAt: consent.givenAt,
      });
    }
    const overrideId = override ? id(override.at) : null;
    if (override && overrideId)
      rows.overrides.push({
        id: overrideId,
        unitId,
        personId,
        agencyId,
        basis: override.basis,
        reason: override.reason,
        fields: override.fields,
        approvedById: userIds[override.approvedBy],
        createdAt: override.at,
      });
    const referralId = id(r.createdAt);
    const report = r.report === null ? null : (rows.reports[r.report] as DemoRows["reports"][number]);
    // Built from the rows as stored, the way the app builds it; erased after a withdrawal.
    const shared = r.withdrawnAt
      ? undefined
      : buildSharedSnapshot(
          {
            person: {
              workingName: people[r.person]!.workingName,
              safeContactMethods: PEOPLE[r.person]!.methods,
              safeContactTimes: people[r.person]!.safeContactTimes,
              doNotContactRules: people[r.person]!.doNotContactRules,
              language: people[r.person]!.language,
              interpreterNeeds: people[r.person]!.interpreterNeeds,
              accessNeeds: people[r.person]!.accessNeeds,
            },
            reason: r.reason,
            supportNeeded: r.supportNeeded,
            report: report && {
              incidentTypes: report.incidentTypes as IncidentType[],
              incidentFrom: (report.incidentFrom ?? null) as Date | null,
              reportedAt: report.reportedAt as Date,
              area: (report.area ?? null) as string | null,
            },
          },
          r.sharedFields,
        );
    rows.referrals.push({
      id: referralId,
      unitId,
      agencyId,
      personId,
      reportId: report?.id ?? null,
      consentId,
      overrideId,
      reason: r.reason,
      supportNeeded: r.supportNeeded,
      contactNote: r.contactNote,
      officerContact: r.officerContact,
      sharedFields: r.sharedFields,
      ...(shared && { shared }),
      status: r.status,
      declineReason: r.declineReason,
      closeReason: r.closeReason,
      closeNote: r.closeNote,
      withdrawnAt: r.withdrawnAt,
      erasureAcknowledgedAt: r.erasureAcknowledgedAt,
      erasureAcknowledgedById: r.erasureAcknowledgedAt ? partnerId : null,
      createdById: userIds[r.createdBy],
      handledById: r.respondedAt ? partnerId : null,
      respondedAt: r.respondedAt,
      isDemo: true,
      createdAt: r.createdAt,
      updatedAt: latest(
        r.createdAt,
        ...[r.respondedAt, r.closedAt, r.withdrawnAt, r.erasureAcknowledgedAt].filter((d) => d !== null),
      ),
    });
    for (const u of r.updates)
      rows.referralUpdates.push({
        id: id(u.at),
        referralId,
        side: "AGENCY",
        authorId: partnerId,
        text: u.text,
        createdAt: u.at,
      });
  }
  Object.assign(
    rows,
    planSubmissions({
      now,
      founded,
      unitId,
      officerId: userIds.officer,
      agencies: [
        { id: orgIds.womensAid, partnerId: userIds.partner },
        { id: orgIds.health, partnerId: userIds.partner2 },
      ],
      reports: rows.reports,
    }),
  );
  Object.assign(
    rows,
    planAlerts({
      now,
      unitId,
      users: { officer: userIds.officer, officer2: userIds.officer2, supervisor: userIds.supervisor },
      agencies: { womensAid: orgIds.womensAid, health: orgIds.health },
      reports: rows.reports,
      suspects: rows.suspects,
      identifiers: rows.identifiers,
    }),
  );
  return rows;
}

// When the unit could first share about the person: the consent, or the supervisor's decision.
function basisAt(r: ReferralPlan): Date {
  return r.consent?.givenAt ?? r.override?.at ?? r.createdAt;
}

function currentRisk(assessments: readonly RiskPlan[]): {
  riskLevel: RiskLevel | null;
  riskReviewOn: Date | null;
} {
  const newest = [...assessments].sort((a, b) => b.assessedAt.getTime() - a.assessedAt.getTime())[0];
  return { riskLevel: newest?.level ?? null, riskReviewOn: newest?.reviewOn ?? null };
}

// The person's record is created at the first thing the unit did with or for them.
function firstContactWithPerson(
  person: number,
  reports: readonly ReportPlan[],
  contacts: readonly ContactPlan[],
  consents: readonly { person: number; at: Date }[],
): { at: Date; by: DemoAccountKey } {
  const moments: { at: Date; by: DemoAccountKey }[] = [
    ...reports.filter((r) => r.person === person).map((r) => ({ at: r.reportedAt, by: r.assignee })),
    ...contacts.filter((c) => c.person === person).map((c) => ({ at: c.occurredAt, by: c.officer })),
    ...consents.filter((c) => c.person === person).map((c) => ({ at: c.at, by: "officer" as const })),
  ];
  const first = moments.sort((a, b) => a.at.getTime() - b.at.getTime())[0];
  if (!first) throw new Error(`Demo person ${PEOPLE[person]?.name} has no history`);
  return { at: new Date(first.at.getTime() - 30 * 60_000), by: first.by };
}

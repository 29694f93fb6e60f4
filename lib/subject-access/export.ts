// Subject access (UK GDPR art. 15 / DPA 2018 s.45): everything the unit holds about one
// person, gathered for a supervisor to review and release. The rule for third parties'
// data (README "Retention, erasure and backups"):
// - included: the person's own record; for each of their reports, their own account
//   (narrative), the dates, what happened to it (status, outcome codes, crime recorded or
//   not) and the Victims' Code updates owed and given; contacts with them, including the
//   officer's note of the contact; consents; referrals with exactly what was shared; risk
//   assessments and safeguarding records about them;
// - withheld: everything about suspects (descriptions, identifiers, even how many), other
//   people, officers' and staff names, case-event notes (investigation notes about others),
//   partner agencies' update text on referrals, and the override reasons of supervisors.
//   What is withheld is listed in `withheld`, so the reader knows something was held back.
// Only a supervisor of the person's unit may export (the permission retention:review:unit:
// the supervisor is the unit's decision-maker on personal data, and must check the person's
// own words for names of others before release), within five minutes of re-entering their
// password. Every export is audited with the person's id and never the content.
import { recordAudit } from "@/lib/audit/record-audit";
import { hasRecentAuth } from "@/lib/auth/recent-auth";
import type { CurrentUser } from "@/lib/auth/current-user";
import { roleHas } from "@/lib/authz/permissions";
import { db } from "@/lib/db/client";
import { withRowScope, rowScopeOf } from "@/lib/db/scope";

export class SubjectAccessRefused extends Error {
  constructor(public readonly reason: "forbidden" | "not-found" | "reauth") {
    super(`Subject access export refused: ${reason}`);
  }
}

export const WITHHELD = [
  "suspects",
  "other-people",
  "staff-names",
  "case-event-notes",
  "partner-update-text",
  "override-reasons",
] as const;

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export type SubjectAccessExport = Awaited<ReturnType<typeof gather>>;

// The export and its audit event in one transaction: what was read is recorded with it.
async function gather(user: CurrentUser & { unitId: string }, personId: string, now: Date, action: string) {
  return withRowScope(rowScopeOf(user), async (tx) => {
    const person = await tx.person.findFirst({
      where: { id: personId, unitId: user.unitId },
      select: {
        id: true,
        workingName: true,
        selfDescription: true,
        legalName: true,
        dateOfBirth: true,
        ageBand: true,
        workSetting: true,
        language: true,
        interpreterNeeds: true,
        accessNeeds: true,
        phone: true,
        email: true,
        safeContactMethods: true,
        safeContactTimes: true,
        doNotContactRules: true,
        createdAt: true,
        updatedAt: true,
      },
    });
    await recordAudit(tx, {
      actor: user,
      action,
      recordType: "Person",
      recordId: personId,
      outcome: person ? "SUCCESS" : "DENIED",
    });
    if (!person) return null;
    const reports = await tx.incidentReport.findMany({
      where: { personId, unitId: user.unitId },
      orderBy: { reportedAt: "asc" },
      select: {
        id: true,
        reference: true,
        reportedAt: true,
        incidentFrom: true,
        incidentTo: true,
        incidentDatePrecision: true,
        area: true,
        place: true,
        reportingRoute: true,
        incidentTypes: true,
        personWants: true,
        narrative: true,
        crimeRecorded: true,
        crimeReference: true,
        crimeNotRecordedWhy: true,
        enhancedRights: true,
        enhancedRightsReason: true,
        riskLevel: true,
        supportNeeds: true,
        status: true,
        closedAt: true,
        createdAt: true,
        caseEvents: {
          orderBy: { occurredOn: "asc" },
          select: { type: true, occurredOn: true, outcome: true, courtResult: true, personWants: true },
        },
        riskAssessments: {
          orderBy: { createdAt: "asc" },
          select: {
            level: true,
            factors: true,
            rationale: true,
            safetyPlan: true,
            reviewOn: true,
            createdAt: true,
          },
        },
        safeguarding: {
          orderBy: { createdAt: "asc" },
          select: {
            concern: true,
            referralMade: true,
            referredTo: true,
            notMadeReason: true,
            createdAt: true,
          },
        },
        updatesDue: {
          orderBy: { dueBy: "asc" },
          select: { dueBy: true, clearedAt: true, caseEvent: { select: { type: true, occurredOn: true } } },
        },
      },
    });
    const contacts = await tx.liaisonContact.findMany({
      where: { personId, unitId: user.unitId },
      orderBy: { occurredAt: "asc" },
      select: {
        occurredAt: true,
        type: true,
        method: true,
        notes: true,
        followUpOn: true,
        report: { select: { reference: true } },
      },
    });
    const consents = await tx.consent.findMany({
      where: { personId, person: { unitId: user.unitId } },
      orderBy: { givenAt: "asc" },
      select: {
        agency: { select: { name: true } },
        scope: true,
        fields: true,
        method: true,
        givenAt: true,
        expiresAt: true,
        withdrawnAt: true,
        withdrawalMethod: true,
      },
    });
    const referrals = await tx.referral.findMany({
      where: { personId, unitId: user.unitId },
      orderBy: { createdAt: "asc" },
      select: {
        agency: { select: { name: true } },
        createdAt: true,
        status: true,
        sharedFields: true,
        shared: true,
        supportNeeded: true,
        reason: true,
        respondedAt: true,
        withdrawnAt: true,
        closeReason: true,
      },
    });
    return {
      generatedAt: now.toISOString(),
      withheld: [...WITHHELD],
      person: {
        ...person,
        createdAt: iso(person.createdAt),
        updatedAt: iso(person.updatedAt),
      },
      reports: reports.map((r) => ({
        reference: r.reference,
        reportedAt: iso(r.reportedAt),
        incidentFrom: iso(r.incidentFrom),
        incidentTo: iso(r.incidentTo),
        incidentDatePrecision: r.incidentDatePrecision,
        area: r.area,
        place: r.place,
        reportingRoute: r.reportingRoute,
        incidentTypes: r.incidentTypes,
        personWants: r.personWants,
        ownAccount: r.narrative,
        crimeRecorded: r.crimeRecorded,
        crimeReference: r.crimeReference,
        crimeNotRecordedWhy: r.crimeNotRecordedWhy,
        enhancedRights: r.enhancedRights,
        enhancedRightsReason: r.enhancedRightsReason,
        supportNeeds: r.supportNeeds,
        status: r.status,
        closedAt: iso(r.closedAt),
        enteredAt: iso(r.createdAt),
        // What happened to the report, as codes: no notes (they are about the investigation).
        outcomes: r.caseEvents.map((e) => ({ ...e, occurredOn: iso(e.occurredOn) })),
        riskAssessments: r.riskAssessments.map((a) => ({
          ...a,
          reviewOn: iso(a.reviewOn),
          createdAt: iso(a.createdAt),
        })),
        safeguarding: r.safeguarding.map((s) => ({ ...s, createdAt: iso(s.createdAt) })),
        victimsCodeUpdates: r.updatesDue.map((v) => ({
          about: v.caseEvent.type,
          eventOn: iso(v.caseEvent.occurredOn),
          dueBy: iso(v.dueBy),
          givenAt: iso(v.clearedAt),
        })),
      })),
      contacts: contacts.map((c) => ({
        occurredAt: iso(c.occurredAt),
        type: c.type,
        method: c.method,
        notes: c.notes,
        followUpOn: iso(c.followUpOn),
        report: c.report?.reference ?? null,
      })),
      consents: consents.map((c) => ({
        agency: c.agency.name,
        scope: c.scope,
        fields: c.fields,
        method: c.method,
        givenAt: iso(c.givenAt),
        expiresAt: iso(c.expiresAt),
        withdrawnAt: iso(c.withdrawnAt),
        withdrawalMethod: c.withdrawalMethod,
      })),
      referrals: referrals.map((r) => ({
        agency: r.agency.name,
        sentAt: iso(r.createdAt),
        status: r.status,
        sharedFields: r.sharedFields,
        shared: r.shared,
        supportNeeded: r.supportNeeded,
        reason: r.reason,
        respondedAt: iso(r.respondedAt),
        withdrawnAt: iso(r.withdrawnAt),
        closeReason: r.closeReason,
      })),
    };
  });
}

// The export, or SubjectAccessRefused. `format` is recorded in the audit (JSON or page).
export async function subjectAccessExport(
  user: CurrentUser,
  personId: string,
  format: "json" | "html",
  now = new Date(),
): Promise<SubjectAccessExport & object> {
  const action = `subject-access.export.${format}`;
  const deny = async (reason: "forbidden" | "not-found" | "reauth") => {
    await recordAudit(db(), {
      actor: user,
      action,
      recordType: "Person",
      recordId: personId,
      outcome: "DENIED",
    });
    return new SubjectAccessRefused(reason);
  };
  if (!roleHas(user.role, "retention:review:unit") || !user.unitId) throw await deny("forbidden");
  if (!(await hasRecentAuth(user, now))) throw await deny("reauth");
  const result = await gather({ ...user, unitId: user.unitId }, personId, now, action);
  if (!result) throw new SubjectAccessRefused("not-found");
  return result;
}

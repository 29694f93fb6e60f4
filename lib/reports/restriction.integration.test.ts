import { ownerDb } from "@/tests/support/owner-db";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { CurrentUser } from "@/lib/auth/current-user";
import { createSession, resolveSession } from "@/lib/auth/sessions";
import { findOpenReportsForUnit, getReportForUser } from "./queries";
import { getEditableReport, updateReport } from "./update-report";
import {
  decideRestriction,
  findOverridesToReview,
  getRestrictedCaseNotice,
  getRestrictionState,
  overrideRestriction,
  reviewOverride,
} from "./restriction-decisions";
import { getReportForRecording } from "@/lib/outcomes/queries";
import { recordCaseEvent } from "@/lib/outcomes/record-case-event";
import { findContactsForPerson } from "@/lib/contacts/queries";
import { getPersonForUser } from "@/lib/people/queries";
import { findLinkedReports } from "@/lib/suspects/links";
import { findOverdueRiskReviews, getReportForRiskForm } from "@/lib/risk/queries";
import { findUnrecordedCrimes } from "@/lib/crime-recording/queries";
import { getReportForSafeguardingForm } from "@/lib/safeguarding/queries";
import { getEnhancedRightsForChange } from "@/lib/victims-code/change-enhanced-rights";
import { getDashboard } from "@/lib/dashboard/queries";
import { makeOrganisation, makePerson, makeReport, makeUser, signedIn } from "@/tests/support/factories";
import { makeContact, makeSuspect } from "@/tests/support/case-factories";

const NARRATIVE = "an account that only the people who need to know may read";

async function unitWithRestrictedCase() {
  const unit = await makeOrganisation();
  const assigned = await signedIn("LIAISON_OFFICER", unit.id);
  const colleague = await signedIn("LIAISON_OFFICER", unit.id);
  const supervisor = await signedIn("SUPERVISOR", unit.id);
  const person = await makePerson(unit.id);
  const report = await makeReport(unit.id, {
    personId: person.id,
    assignedOfficerId: assigned.id,
    relationship: "POLICE_OR_OFFICIAL",
    narrative: NARRATIVE,
    reportedAt: new Date("2026-03-01T10:00:00Z"),
  });
  return { unit, assigned, colleague, supervisor, person, report };
}

// The same user in a new browser: a second session, which an override does not reach.
async function anotherSessionOf(user: CurrentUser): Promise<CurrentUser> {
  const session = await resolveSession(await createSession(user.id));
  if (!session) throw new Error("session did not resolve");
  return session;
}

async function makeAuthStale(user: CurrentUser) {
  await db().session.update({
    where: { id: user.sessionId },
    data: { createdAt: new Date(Date.now() - 60 * 60_000) },
  });
}

describe("restricting a case automatically", () => {
  it("a report whose suspect is police or an official is restricted by the database, with a record saying so", async () => {
    const { report } = await unitWithRestrictedCase();
    const row = await ownerDb().incidentReport.findUniqueOrThrow({ where: { id: report.id } });
    expect(row.restricted).toBe(true);
    const history = await ownerDb().reportRestriction.findMany({ where: { reportId: report.id } });
    expect(history).toMatchObject([{ change: "RESTRICTED_AUTOMATICALLY", reason: null, decidedById: null }]);
  });

  it("a suspect added or changed to police or official restricts the case; other suspects do not", async () => {
    const unit = await makeOrganisation();
    const report = await makeReport(unit.id, { relationship: "CLIENT" });
    const suspect = await makeSuspect(report.id, [["PHONE_NUMBER", "07700 900123"]]);
    expect((await ownerDb().incidentReport.findUniqueOrThrow({ where: { id: report.id } })).restricted).toBe(
      false,
    );
    await ownerDb().suspect.update({
      where: { id: suspect.id },
      data: { relationship: "POLICE_OR_OFFICIAL" },
    });
    expect((await ownerDb().incidentReport.findUniqueOrThrow({ where: { id: report.id } })).restricted).toBe(
      true,
    );
    const other = await makeReport(unit.id, { relationship: "CLIENT" });
    await ownerDb().suspect.create({ data: { reportId: other.id, relationship: "POLICE_OR_OFFICIAL" } });
    expect((await ownerDb().incidentReport.findUniqueOrThrow({ where: { id: other.id } })).restricted).toBe(
      true,
    );
  });

  it("an officer who records, in the report's edit, that the suspect is police or an official restricts the case", async () => {
    const unit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const colleague = await signedIn("LIAISON_OFFICER", unit.id);
    const report = await makeReport(unit.id, { assignedOfficerId: officer.id, relationship: "CLIENT" });
    const edit = { version: 1, narrative: "", area: "", incidentTypes: [], personWants: "UNDECIDED" };
    expect(
      await updateReport(officer, report.id, { ...edit, relationship: "NOT_A_RELATIONSHIP" }),
    ).toMatchObject({
      status: "invalid",
      fieldErrors: { relationship: "reportEdit.errors.relationship" },
    });
    expect(await updateReport(officer, report.id, { ...edit, relationship: "POLICE_OR_OFFICIAL" })).toEqual({
      status: "saved",
      version: 2,
    });
    expect(await getReportForUser(officer, report.id)).toMatchObject({ restricted: true });
    expect(await getReportForUser(colleague, report.id)).toBeNull();
    // An edit without the question (an older form) leaves the answer as it was.
    expect(await updateReport(officer, report.id, { ...edit, version: 2 })).toMatchObject({
      status: "saved",
    });
    expect(
      (await ownerDb().incidentReport.findUniqueOrThrow({ where: { id: report.id } })).relationship,
    ).toBe("POLICE_OR_OFFICIAL");
  });

  it("a supervisor's lifting holds when the report is edited afterwards", async () => {
    const { report, supervisor } = await unitWithRestrictedCase();
    expect(
      await decideRestriction(supervisor, report.id, false, { reason: "the suspect was misidentified" }),
    ).toEqual({
      status: "done",
    });
    await ownerDb().incidentReport.update({ where: { id: report.id }, data: { area: "Newport" } });
    expect((await ownerDb().incidentReport.findUniqueOrThrow({ where: { id: report.id } })).restricted).toBe(
      false,
    );
  });
});

describe("who sees a restricted case", () => {
  it("the assigned officer and the supervisors see it in full", async () => {
    const { report, assigned, supervisor } = await unitWithRestrictedCase();
    expect((await getReportForUser(assigned, report.id))?.narrative).toBe(NARRATIVE);
    expect((await getReportForUser(supervisor, report.id))?.narrative).toBe(NARRATIVE);
    expect(await getRestrictedCaseNotice(supervisor, report.id)).toBeNull();
  });

  it("a colleague in the unit gets not found, a denied audit event, and the reference only", async () => {
    const { report, colleague } = await unitWithRestrictedCase();
    expect(await getReportForUser(colleague, report.id)).toBeNull();
    const audit = await db().auditEvent.findFirst({
      where: { action: "report.view", recordId: report.id, actorId: colleague.id },
    });
    expect(audit?.outcome).toBe("DENIED");
    expect(await getRestrictedCaseNotice(colleague, report.id)).toEqual({
      id: report.id,
      reference: report.reference,
    });
    expect(await getRestrictionState(colleague, report.id)).toBeNull();
  });

  it("lists show a colleague the reference and 'restricted', nothing more", async () => {
    const { report, colleague, assigned, person } = await unitWithRestrictedCase();
    const open = await findOpenReportsForUnit(colleague, 1);
    expect(open.rows.find((r) => r.id === report.id)).toEqual({
      id: report.id,
      reference: report.reference,
      restricted: true,
    });
    const theirs = await findOpenReportsForUnit(assigned, 1);
    expect(theirs.rows.find((r) => r.id === report.id)).toMatchObject({
      incidentTypes: ["PHYSICAL_ASSAULT"],
    });
    const personView = await getPersonForUser(colleague, person.id);
    expect(personView?.reports).toEqual([{ id: report.id, reference: report.reference, restricted: true }]);
  });

  it("every other path to the case refuses a colleague: forms, edits, events, contacts, links, lists", async () => {
    const { unit, report, colleague, assigned, person } = await unitWithRestrictedCase();
    await ownerDb().incidentReport.update({
      where: { id: report.id },
      data: { riskLevel: "HIGH", riskReviewOn: new Date("2026-01-01"), reportedAt: new Date("2026-01-01") },
    });
    const contact = await makeContact(unit.id, person.id, {
      reportId: report.id,
      notes: "talked about the case",
    });
    const loose = await makeContact(unit.id, person.id, { notes: "outreach visit" });
    const linked = await makeReport(unit.id, { assignedOfficerId: colleague.id });
    await makeSuspect(report.id, [["VEHICLE_REGISTRATION", "AB12 CDE"]]);
    await makeSuspect(linked.id, [["VEHICLE_REGISTRATION", "ab12cde"]]);

    expect(await getEditableReport(colleague, report.id)).toBeNull();
    expect(
      await updateReport(colleague, report.id, {
        version: 1,
        narrative: "x",
        area: "",
        incidentTypes: [],
        personWants: "UNDECIDED",
      }),
    ).toBeNull();
    expect(await getReportForRecording(colleague, report.id)).toBeNull();
    expect(
      await recordCaseEvent(colleague, report.id, { type: "CRIME_RECORDED", occurredOn: "2026-03-02" }),
    ).toBeNull();
    expect(await getReportForRiskForm(colleague, report.id)).toBeNull();
    expect(await getReportForSafeguardingForm(colleague, report.id)).toBeNull();
    expect(await getEnhancedRightsForChange(colleague, report.id)).toBeNull();
    const contacts = await findContactsForPerson(colleague, person.id);
    expect(contacts.rows.map((c) => c.id)).toEqual([loose.id]);
    expect((await findContactsForPerson(assigned, person.id)).rows.map((c) => c.id).sort()).toEqual(
      [contact.id, loose.id].sort(),
    );
    expect(await findLinkedReports(colleague, linked.id)).toEqual([]);
    expect((await findLinkedReports(assigned, linked.id)).map((l) => l.id)).toEqual([report.id]);
    expect((await findLinkedReports(assigned, report.id)).map((l) => l.id)).toEqual([linked.id]);
    const now = new Date("2026-03-01T12:00:00Z");
    expect((await findOverdueRiskReviews(colleague, now)).rows.map((r) => r.reportId)).not.toContain(
      report.id,
    );
    expect((await findOverdueRiskReviews(assigned, now)).rows.map((r) => r.reportId)).toContain(report.id);
    // Nothing was written by the refused edit and event.
    expect((await ownerDb().incidentReport.findUniqueOrThrow({ where: { id: report.id } })).narrative).toBe(
      NARRATIVE,
    );
    expect(await ownerDb().caseEvent.count({ where: { reportId: report.id } })).toBe(0);
  });

  it("crimes not yet recorded list a restricted case only to those who may open it", async () => {
    const { report, colleague, assigned } = await unitWithRestrictedCase();
    await ownerDb().incidentReport.update({
      where: { id: report.id },
      data: { reportedAt: new Date("2026-01-01") },
    });
    const now = new Date("2026-03-01T12:00:00Z");
    expect((await findUnrecordedCrimes(colleague, now)).rows.map((r) => r.reportId)).not.toContain(report.id);
    expect((await findUnrecordedCrimes(assigned, now)).rows.map((r) => r.reportId)).toContain(report.id);
  });

  it("restricted cases still count in the dashboard's figures", async () => {
    const unit = await makeOrganisation();
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const at = { reportedAt: new Date("2026-02-10T12:00:00Z"), assignedOfficerId: officer.id };
    await makeReport(unit.id, { ...at, relationship: "POLICE_OR_OFFICIAL" });
    await makeReport(unit.id, { ...at, relationship: "POLICE_OR_OFFICIAL" });
    await makeReport(unit.id, { ...at, relationship: "CLIENT" });
    expect(await ownerDb().incidentReport.count({ where: { unitId: unit.id, restricted: true } })).toBe(2);
    const now = new Date("2026-05-14T10:00:00Z");
    expect((await getDashboard(supervisor, { period: "all" }, { now }))?.headline.received).toBe(3);
    expect((await getDashboard(officer, { period: "all" }, { now }))?.headline.received).toBe(3);
  });
});

describe("opening a restricted case by override", () => {
  it("needs a password or code check within five minutes: refused and audited otherwise", async () => {
    const { report, colleague } = await unitWithRestrictedCase();
    await makeAuthStale(colleague);
    expect(await overrideRestriction(colleague, report.id, { reason: "the person asked me" })).toEqual({
      status: "reauth",
    });
    expect(await ownerDb().restrictedCaseOverride.count({ where: { reportId: report.id } })).toBe(0);
    const audit = await db().auditEvent.findMany({
      where: { action: "report.restriction.override", recordId: report.id },
    });
    expect(audit.map((a) => a.outcome)).toEqual(["DENIED"]);
  });

  it("needs a reason", async () => {
    const { report, colleague } = await unitWithRestrictedCase();
    const result = await overrideRestriction(colleague, report.id, { reason: "   " });
    expect(result).toEqual({ status: "invalid", fieldErrors: { reason: "restriction.errors.reason" } });
    expect(await ownerDb().restrictedCaseOverride.count({ where: { reportId: report.id } })).toBe(0);
  });

  it("opens the case for that session only, is audited, and alerts the supervisors until one reviews it", async () => {
    const { report, colleague, supervisor, unit } = await unitWithRestrictedCase();
    const reason = "the assigned officer is on leave and the person called for an update";
    expect(await overrideRestriction(colleague, report.id, { reason })).toEqual({ status: "done" });
    expect((await getReportForUser(colleague, report.id))?.narrative).toBe(NARRATIVE);
    expect(await getRestrictedCaseNotice(colleague, report.id)).toBeNull();
    expect(await getEditableReport(colleague, report.id)).not.toBeNull();
    // A new sign-in needs a new override.
    expect(await getReportForUser(await anotherSessionOf(colleague), report.id)).toBeNull();

    const audit = await db().auditEvent.findFirstOrThrow({
      where: { action: "report.restriction.override", recordId: report.id, outcome: "SUCCESS" },
    });
    expect(audit.actorId).toBe(colleague.id);
    expect(Object.values(audit).map(String).join(" ")).not.toContain(reason);

    const alerts = await findOverridesToReview(supervisor);
    expect(alerts).toMatchObject([
      { reportId: report.id, reference: report.reference, userName: colleague.name, reason },
    ]);
    // Another unit's supervisor sees nothing; an officer may not review.
    const elsewhere = await signedIn("SUPERVISOR", (await makeOrganisation()).id);
    expect(await findOverridesToReview(elsewhere)).toEqual([]);
    expect(await findOverridesToReview(colleague)).toEqual([]);
    const overrideId = alerts[0]?.id ?? "";
    expect(await reviewOverride(colleague, overrideId)).toBeNull();
    expect(await reviewOverride(elsewhere, overrideId)).toBeNull();
    expect(await reviewOverride(supervisor, overrideId)).toEqual({ status: "done" });
    expect(await findOverridesToReview(supervisor)).toEqual([]);
    expect(
      await ownerDb().restrictedCaseOverride.findFirstOrThrow({ where: { unitId: unit.id } }),
    ).toMatchObject({
      reviewedById: supervisor.id,
    });
    const state = await getRestrictionState(supervisor, report.id);
    expect(state?.overrides).toMatchObject([{ userName: colleague.name, reason }]);
  });

  it("is refused for a case that is not restricted, is in another unit, or for a partner", async () => {
    const { report } = await unitWithRestrictedCase();
    const otherUnit = await makeOrganisation();
    const outsider = await signedIn("LIAISON_OFFICER", otherUnit.id);
    const partner = await signedIn("PARTNER", (await makeOrganisation("PARTNER_AGENCY")).id);
    const plain = await makeReport(otherUnit.id);
    for (const [user, id] of [
      [outsider, report.id],
      [partner, report.id],
      [outsider, plain.id],
    ] as const) {
      expect(await overrideRestriction(user, id, { reason: "curious" })).toBeNull();
      expect(await getRestrictedCaseNotice(user, id)).toBeNull();
    }
    const ids = [report.id, plain.id];
    expect(await ownerDb().restrictedCaseOverride.count({ where: { reportId: { in: ids } } })).toBe(0);
    expect(
      await db().auditEvent.count({
        where: { action: "report.restriction.override", outcome: "DENIED", recordId: { in: ids } },
      }),
    ).toBe(3);
  });
});

describe("a supervisor's restriction", () => {
  it("restricts with a reason, and lifts with a reason, each on the record", async () => {
    const unit = await makeOrganisation();
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    const colleague = await signedIn("LIAISON_OFFICER", unit.id);
    const owner = await makeUser("LIAISON_OFFICER", unit.id);
    const report = await makeReport(unit.id, { assignedOfficerId: owner.id });
    expect(await decideRestriction(supervisor, report.id, true, { reason: "" })).toMatchObject({
      status: "invalid",
      fieldErrors: { reason: "restriction.errors.reason" },
    });
    expect(
      await decideRestriction(supervisor, report.id, true, {
        reason: "a relative of the suspect works here",
      }),
    ).toEqual({
      status: "done",
    });
    expect(await getReportForUser(colleague, report.id)).toBeNull();
    expect(await decideRestriction(supervisor, report.id, true, { reason: "again" })).toMatchObject({
      formError: "restriction.errors.alreadyRestricted",
    });
    expect(
      await decideRestriction(supervisor, report.id, false, { reason: "the concern was resolved" }),
    ).toEqual({
      status: "done",
    });
    expect(await getReportForUser(colleague, report.id)).not.toBeNull();
    const state = await getRestrictionState(supervisor, report.id);
    expect(state?.history).toMatchObject([
      { change: "RESTRICTED", reason: "a relative of the suspect works here", decidedBy: supervisor.name },
      { change: "LIFTED", reason: "the concern was resolved", decidedBy: supervisor.name },
    ]);
    const audit = await db().auditEvent.findMany({
      where: { recordId: report.id, action: { in: ["report.restrict", "report.restriction.lift"] } },
      orderBy: { at: "asc" },
    });
    expect(audit.map((a) => [a.action, a.outcome])).toEqual([
      ["report.restrict", "SUCCESS"],
      ["report.restriction.lift", "SUCCESS"],
    ]);
  });

  it("an officer, a partner or another unit's supervisor may not restrict or lift, and the refusal is audited", async () => {
    const { report, colleague, assigned } = await unitWithRestrictedCase();
    const elsewhere = await signedIn("SUPERVISOR", (await makeOrganisation()).id);
    for (const user of [colleague, assigned, elsewhere]) {
      expect(await decideRestriction(user, report.id, false, { reason: "please" })).toBeNull();
    }
    expect((await ownerDb().incidentReport.findUniqueOrThrow({ where: { id: report.id } })).restricted).toBe(
      true,
    );
    expect(
      await db().auditEvent.count({
        where: { action: "report.restriction.lift", outcome: "DENIED", recordId: report.id },
      }),
    ).toBe(3);
  });
});

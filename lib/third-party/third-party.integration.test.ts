// Third-party reports as the people who use them: a partner reports for someone they
// support and follows its status; the unit looks at it and opens a report or says why not.
// Another agency or another unit finds nothing, changes nothing, and is audited.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { CurrentUser } from "@/lib/auth/current-user";
import { makeOrganisation, makePerson, signedIn } from "@/tests/support/factories";
import { submitThirdPartyReport } from "./submit";
import {
  findSubmissionsForAgency,
  findSubmissionsForUnit,
  getSubmissionForAgency,
  getSubmissionForUnit,
} from "./queries";
import { markSubmissionBeingLookedAt, triageSubmission } from "./triage";
import { ownerDb } from "@/tests/support/owner-db";

async function world() {
  const unit = await makeOrganisation("LIAISON_UNIT");
  const otherUnit = await makeOrganisation("LIAISON_UNIT");
  const agency = await makeOrganisation("PARTNER_AGENCY", `Harbour Women's Aid ${randomUUID().slice(0, 8)}`);
  const otherAgency = await makeOrganisation("PARTNER_AGENCY");
  await db().unitAgencyLink.createMany({
    data: [
      { unitId: unit.id, agencyId: agency.id },
      { unitId: unit.id, agencyId: otherAgency.id },
    ],
  });
  return {
    unit,
    otherUnit,
    agency,
    otherAgency,
    partner: await signedIn("PARTNER", agency.id),
    otherPartner: await signedIn("PARTNER", otherAgency.id),
    officer: await signedIn("LIAISON_OFFICER", unit.id),
    supervisor: await signedIn("SUPERVISOR", unit.id),
    otherOfficer: await signedIn("LIAISON_OFFICER", otherUnit.id),
  };
}

function form(unitId: string, extra: Record<string, unknown> = {}) {
  return {
    unitId,
    idempotencyKey: randomUUID(),
    anonymous: "YES",
    wish: "INTELLIGENCE_ONLY",
    incidentTypes: ["SEXUAL_ASSAULT"],
    whenKnown: "EXACT",
    incidentDate: "2026-02-10",
    incidentTime: "22:30",
    area: "Docks",
    relationship: "CLIENT",
    vehicleRegistrations: "ab12 cde",
    narrative: "Told to the outreach worker.",
    immediateDanger: "NO",
    ...extra,
  };
}

async function submitted(partner: CurrentUser, unitId: string, extra: Record<string, unknown> = {}) {
  const result = await submitThirdPartyReport(partner, form(unitId, extra));
  if (result.status !== "submitted") throw new Error(`not submitted: ${JSON.stringify(result)}`);
  return result.submissionId;
}

const denials = (action: string, recordId: string) =>
  db().auditEvent.count({ where: { action, recordId, outcome: "DENIED" } });

describe("a partner reporting for someone they support", () => {
  it("sends a report to the unit the agency works with, once however often it is resent", async () => {
    const w = await world();
    const raw = form(w.unit.id);
    const first = await submitThirdPartyReport(w.partner, raw);
    const again = await submitThirdPartyReport(w.partner, raw);
    expect(first.status).toBe("submitted");
    expect(again).toEqual(first);
    const rows = await ownerDb().thirdPartySubmission.findMany({ where: { agencyId: w.agency.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      unitId: w.unit.id,
      status: "RECEIVED",
      anonymous: true,
      submittedById: w.partner.id,
    });
    expect(rows[0]!.answers).not.toHaveProperty("workingName");
    expect(await db().auditEvent.count({ where: { action: "submission.create", outcome: "SUCCESS" } })).toBe(
      1,
    );
  });

  it("cannot send to a unit the agency is not linked with, and keeps what was typed", async () => {
    const w = await world();
    const result = await submitThirdPartyReport(w.partner, form(w.otherUnit.id));
    expect(result).toMatchObject({
      status: "invalid",
      fieldErrors: { unitId: "thirdParty.errors.unit" },
      values: { area: "Docks" },
    });
    expect(await ownerDb().thirdPartySubmission.count({ where: { agencyId: w.agency.id } })).toBe(0);
  });

  it("is refused to officers: only partners report as a third party", async () => {
    const w = await world();
    expect(await submitThirdPartyReport(w.officer, form(w.unit.id))).toEqual({ status: "not-found" });
  });

  it("lists only the agency's own submissions, with status and dates and nothing of the police record", async () => {
    const w = await world();
    const mine = await submitted(w.partner, w.unit.id);
    await submitted(w.otherPartner, w.unit.id);
    const list = await findSubmissionsForAgency(w.partner, 1);
    expect(list.rows.map((r) => r.id)).toEqual([mine]);
    expect(Object.keys(list.rows[0]!).sort()).toEqual(
      ["anonymous", "id", "incidentTypes", "status", "submittedAt", "updatedAt", "wish"].sort(),
    );
  });

  it("answers another agency's submission as not found, and audits the attempt", async () => {
    const w = await world();
    const theirs = await submitted(w.otherPartner, w.unit.id);
    expect(await getSubmissionForAgency(w.partner, theirs)).toBeNull();
    expect(await denials("submission.view", theirs)).toBe(1);
    // The unit's actions, called directly by a partner with that id, change nothing either.
    expect(await markSubmissionBeingLookedAt(w.partner, theirs)).toEqual({ status: "not-found" });
    expect(await triageSubmission(w.partner, theirs, { decision: "NEW_PERSON" })).toEqual({
      status: "not-found",
    });
    expect(await getSubmissionForUnit(w.partner, theirs)).toBeNull();
    expect(await denials("submission.look", theirs)).toBe(1);
    expect(await denials("submission.triage", theirs)).toBe(1);
    expect(await ownerDb().thirdPartySubmission.findUniqueOrThrow({ where: { id: theirs } })).toMatchObject({
      status: "RECEIVED",
      reportId: null,
    });
  });
});

describe("the unit's third-party reports queue", () => {
  it("shows the unit's submissions to its officers, audits each view, and marks one as being looked at", async () => {
    const w = await world();
    const id = await submitted(w.partner, w.unit.id);
    expect((await findSubmissionsForUnit(w.officer, 1)).rows.map((r) => r.id)).toEqual([id]);
    expect((await findSubmissionsForUnit(w.otherOfficer, 1)).total).toBe(0);
    expect(await getSubmissionForUnit(w.officer, id)).toMatchObject({
      id,
      agencyName: w.agency.name,
    });
    expect(
      await db().auditEvent.count({ where: { action: "submission.view", recordId: id, outcome: "SUCCESS" } }),
    ).toBe(1);
    expect(await markSubmissionBeingLookedAt(w.officer, id)).toEqual({ status: "done" });
    expect((await getSubmissionForAgency(w.partner, id))?.status).toBe("BEING_LOOKED_AT");
    // Only once: a second mark finds it already moved on.
    expect(await markSubmissionBeingLookedAt(w.officer, id)).toMatchObject({ status: "invalid" });
  });

  it("opens a report for a new, anonymous person from the partner's answers", async () => {
    const w = await world();
    const id = await submitted(w.partner, w.unit.id);
    const created = await ownerDb().thirdPartySubmission.findUniqueOrThrow({ where: { id } });
    const result = await triageSubmission(w.officer, id, {
      decision: "NEW_PERSON",
      personId: "",
      notOpenedReason: "",
    });
    expect(result).toMatchObject({ status: "done" });
    const submission = await ownerDb().thirdPartySubmission.findUniqueOrThrow({ where: { id } });
    expect(submission).toMatchObject({ status: "REPORT_OPENED", triagedById: w.officer.id });
    const report = await ownerDb().incidentReport.findUniqueOrThrow({
      where: { id: submission.reportId! },
      include: { person: true, suspects: { include: { identifiers: true } } },
    });
    expect(report).toMatchObject({
      unitId: w.unit.id,
      reportingRoute: "PARTNER_AGENCY",
      submittedByAgencyId: w.agency.id,
      personWants: "INTELLIGENCE_ONLY",
      initialPersonWants: "INTELLIGENCE_ONLY",
      reportedAt: created.createdAt,
      incidentTypes: ["SEXUAL_ASSAULT"],
      incidentDatePrecision: "EXACT",
      area: "Docks",
      immediateDanger: "NO",
      enhancedRights: true,
      enhancedRightsByOfficer: false,
      assignedOfficerId: w.officer.id,
    });
    expect(report.reference).toMatch(/^SWL-\d{4}-\d{5}$/);
    expect(report.person.workingName).toBe(`Anonymous (via ${w.agency.name})`);
    expect(report.suspects[0]?.identifiers.map((i) => i.normalised)).toEqual(["AB12CDE"]);
    // The partner sees that a report was opened, and nothing of it.
    const seen = await getSubmissionForAgency(w.partner, id);
    expect(seen?.status).toBe("REPORT_OPENED");
    expect(JSON.stringify(seen)).not.toContain(report.id);
    expect(JSON.stringify(seen)).not.toContain(report.reference);
  });

  it("uses the partner's working name for a named person, and maps contact through the partner", async () => {
    const w = await world();
    const id = await submitted(w.partner, w.unit.id, {
      anonymous: "NO",
      workingName: "Jo",
      wish: "CONTACT_THROUGH_PARTNER",
    });
    const result = await triageSubmission(w.supervisor, id, { decision: "NEW_PERSON" });
    expect(result.status).toBe("done");
    const report = await ownerDb().incidentReport.findFirstOrThrow({
      where: { unitId: w.unit.id },
      include: { person: true },
    });
    expect(report.person.workingName).toBe("Jo");
    expect(report).toMatchObject({
      personWants: "ANONYMOUS_CONTACT",
      initialPersonWants: "ANONYMOUS_CONTACT",
    });
  });

  it("links the report to someone the unit already knows", async () => {
    const w = await world();
    const person = await makePerson(w.unit.id, "Bethan");
    const id = await submitted(w.partner, w.unit.id, { wish: "FULL_INVESTIGATION" });
    expect(
      await triageSubmission(w.officer, id, { decision: "EXISTING_PERSON", personId: person.id }),
    ).toMatchObject({
      status: "done",
    });
    const report = await ownerDb().incidentReport.findFirstOrThrow({ where: { unitId: w.unit.id } });
    expect(report).toMatchObject({ personId: person.id, personWants: "FULL_INVESTIGATION" });
    expect(await ownerDb().person.count({ where: { unitId: w.unit.id } })).toBe(1);
  });

  it("refuses another unit's person and keeps the submission open", async () => {
    const w = await world();
    const stranger = await makePerson(w.otherUnit.id);
    const id = await submitted(w.partner, w.unit.id);
    expect(
      await triageSubmission(w.officer, id, { decision: "EXISTING_PERSON", personId: stranger.id }),
    ).toMatchObject({
      status: "invalid",
      fieldErrors: { personId: "thirdParty.errors.person" },
      values: { decision: "EXISTING_PERSON", personId: stranger.id },
    });
    expect(await ownerDb().incidentReport.count({ where: { unitId: w.unit.id } })).toBe(0);
    expect((await ownerDb().thirdPartySubmission.findUniqueOrThrow({ where: { id } })).status).toBe(
      "RECEIVED",
    );
  });

  it("is not found for another unit's officer, who changes nothing", async () => {
    const w = await world();
    const id = await submitted(w.partner, w.unit.id);
    expect(await getSubmissionForUnit(w.otherOfficer, id)).toBeNull();
    expect(await triageSubmission(w.otherOfficer, id, { decision: "NEW_PERSON" })).toEqual({
      status: "not-found",
    });
    expect(await markSubmissionBeingLookedAt(w.otherOfficer, id)).toEqual({ status: "not-found" });
    expect(await denials("submission.view", id)).toBe(1);
    expect(await denials("submission.triage", id)).toBe(1);
    expect(await denials("submission.look", id)).toBe(1);
    expect(await ownerDb().incidentReport.count({ where: { unitId: w.unit.id } })).toBe(0);
    expect((await ownerDb().thirdPartySubmission.findUniqueOrThrow({ where: { id } })).status).toBe(
      "RECEIVED",
    );
  });

  it("records why no report was opened, which the partner sees only as closed", async () => {
    const w = await world();
    const id = await submitted(w.partner, w.unit.id);
    expect(
      await triageSubmission(w.officer, id, { decision: "NOT_OPENED", notOpenedReason: "" }),
    ).toMatchObject({
      status: "invalid",
      fieldErrors: { notOpenedReason: "thirdParty.errors.notOpenedReason" },
    });
    const reason = "Already reported directly by the person.";
    expect(
      await triageSubmission(w.officer, id, { decision: "NOT_OPENED", notOpenedReason: reason }),
    ).toEqual({
      status: "done",
    });
    expect(await ownerDb().thirdPartySubmission.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "CLOSED",
      notOpenedReason: reason,
      reportId: null,
    });
    const seen = await getSubmissionForAgency(w.partner, id);
    expect(seen?.status).toBe("CLOSED");
    expect(JSON.stringify(seen)).not.toContain(reason);
    // Decided once: a later triage is refused and opens nothing.
    expect(await triageSubmission(w.officer, id, { decision: "NEW_PERSON" })).toMatchObject({
      status: "invalid",
      formError: "thirdParty.errors.stateChanged",
    });
    expect(await ownerDb().incidentReport.count({ where: { unitId: w.unit.id } })).toBe(0);
  });
});

describe("safeguarding in a partner's report", () => {
  it("flags a 16-year-old's report to the unit at once, even when the child asks for intelligence only", async () => {
    const w = await world();
    const id = await submitted(w.partner, w.unit.id, { ageBand: "UNDER_18", wish: "INTELLIGENCE_ONLY" });
    const row = await ownerDb().thirdPartySubmission.findUniqueOrThrow({ where: { id } });
    expect(row.wish).toBe("INTELLIGENCE_ONLY");
    expect(row.safeguardingConcerns).toEqual(["CHILD_AT_RISK"]);
    const queue = await findSubmissionsForUnit(w.officer, 1);
    expect(queue.rows.find((r) => r.id === id)?.safeguardingConcerns).toEqual(["CHILD_AT_RISK"]);
    const view = await getSubmissionForUnit(w.officer, id);
    expect(view?.safeguardingConcerns).toEqual(["CHILD_AT_RISK"]);
    expect(view?.answers.about).toEqual({ ageBand: "UNDER_18", dateOfBirth: "" });
  });

  it("counts a date of birth under 18 on the incident day, and the signs ticked, as the intake does", async () => {
    const w = await world();
    // 18 on 2026-03-01: a child on the incident day (2026-02-10), an adult today.
    const id = await submitted(w.partner, w.unit.id, {
      dateOfBirth: "2008-03-01",
      safeguardingSigns: ["ADULT_AT_RISK", "MODERN_SLAVERY"],
    });
    const row = await ownerDb().thirdPartySubmission.findUniqueOrThrow({ where: { id } });
    expect(row.safeguardingConcerns).toEqual(["CHILD_AT_RISK", "ADULT_AT_RISK", "MODERN_SLAVERY"]);
  });

  it("raises nothing for an adult with no signs", async () => {
    const w = await world();
    const id = await submitted(w.partner, w.unit.id, { ageBand: "AGE_25_34" });
    const row = await ownerDb().thirdPartySubmission.findUniqueOrThrow({ where: { id } });
    expect(row.safeguardingConcerns).toEqual([]);
    const queue = await findSubmissionsForUnit(w.officer, 1);
    expect(queue.rows.find((r) => r.id === id)?.safeguardingConcerns).toEqual([]);
  });

  it("refuses a sign that is not on the list and keeps what was typed", async () => {
    const w = await world();
    const result = await submitThirdPartyReport(
      w.partner,
      form(w.unit.id, { safeguardingSigns: ["CHILD_AT_RISK"] }),
    );
    expect(result).toMatchObject({ status: "invalid", values: { area: "Docks" } });
    expect(result.status === "invalid" && Object.keys(result.fieldErrors)).toContain("safeguardingSigns");
  });

  it("shows the partner the status of a flagged report and nothing of the police record or the flag", async () => {
    const w = await world();
    const id = await submitted(w.partner, w.unit.id, { ageBand: "UNDER_18" });
    const triaged = await triageSubmission(w.officer, id, { decision: "NEW_PERSON" });
    // The new person is a child from the start on the unit's record.
    const row = await ownerDb().thirdPartySubmission.findUniqueOrThrow({
      where: { id },
      select: { report: { select: { person: { select: { ageBand: true } } } } },
    });
    expect(triaged).toMatchObject({ status: "done" });
    expect(row.report?.person.ageBand).toBe("UNDER_18");
    const mine = await getSubmissionForAgency(w.partner, id);
    expect(mine?.status).toBe("REPORT_OPENED");
    expect(Object.keys(mine!).sort()).toEqual(
      ["anonymous", "id", "incidentTypes", "status", "submittedAt", "updatedAt", "wish"].sort(),
    );
    expect(JSON.stringify(mine)).not.toMatch(/report(Id|Reference)|reference/i);
    // Another agency's partner finds nothing.
    expect(await getSubmissionForAgency(w.otherPartner, id)).toBeNull();
  });
});

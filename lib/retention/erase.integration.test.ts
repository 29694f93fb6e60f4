// Erasure keeps the figures (docs/decisions/020): after a supervisor erases a person whose
// reports are counted on the dashboard, the dashboard is identical, the summary tables are
// unchanged, and the raw tables no longer hold the person's details, narratives, notes or
// suspects' identifiers. Only a supervisor who re-authenticated may erase; both the refusal
// and the erasure are audited without content.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDashboard } from "@/lib/dashboard/queries";
import { cohortOf, STUDY_MIX } from "@/tests/support/dashboard-cohorts";
import { writeCohort } from "@/tests/support/dashboard-factories";
import { makeContact, makeSuspect } from "@/tests/support/case-factories";
import { makeOrganisation, makePerson, makeReport, signedIn } from "@/tests/support/factories";
import { ownerDb } from "@/tests/support/owner-db";
import { ownerSql } from "@/tests/support/owner-sql";
import { markRecentAuth } from "@/lib/auth/recent-auth";
import { erasePerson, ERASED_NAME, RetentionRefused } from "./erase";
import { dueForReview, retainPerson } from "./queue";

const NOW = new Date("2026-05-14T10:00:00Z");

async function summaries(unitId: string) {
  const sql = ownerSql();
  const facts = await sql.query(
    `SELECT * FROM "DashboardReportFact" WHERE "unitId" = $1 ORDER BY "reportId"`,
    [unitId],
  );
  const monthly = await sql.query(
    `SELECT * FROM "DashboardMonthlyCount" WHERE "unitId" = $1 ORDER BY 1, 2, 3, 4, 5`,
    [unitId],
  );
  return { facts: facts.rows, monthly: monthly.rows };
}

describe("erasing a person after a retention review", () => {
  it("removes their details and free text but leaves the dashboard exactly as it was", async () => {
    const unit = await makeOrganisation();
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    const secret = randomUUID();
    const person = await makePerson(unit.id, `Working ${secret}`);
    await ownerDb().person.update({
      where: { id: person.id },
      data: { legalName: `Legal ${secret}`, phone: "07700900555", email: `${secret}@example.org` },
    });
    // Half the study cohort belongs to this person; the rest to others, who are untouched.
    const cohort = cohortOf(STUDY_MIX, "2025-03-10");
    const theirs = await writeCohort(unit.id, cohort.slice(0, 40), {
      personId: person.id,
      narrative: `Narrative ${secret}`,
      place: `Place ${secret}`,
    });
    await writeCohort(unit.id, cohort.slice(40));
    const suspect = await makeSuspect(theirs[0]!.id, [["PHONE_NUMBER", "07700900999"]]);
    await ownerDb().suspect.update({ where: { id: suspect.id }, data: { description: `Suspect ${secret}` } });
    await makeContact(unit.id, person.id, { notes: `Contact note ${secret}` });

    const before = await getDashboard(supervisor, { period: "all" }, { now: NOW });
    const summariesBefore = await summaries(unit.id);
    expect(before?.headline.received).toBe(86);

    await markRecentAuth(supervisor);
    await erasePerson(supervisor, person.id);

    const after = await getDashboard(supervisor, { period: "all" }, { now: NOW });
    expect(after).toEqual(before);
    expect(await summaries(unit.id)).toEqual(summariesBefore);

    // Through a decrypting client (as the owner, past row security): the details are gone.
    const erased = await ownerDb().person.findUniqueOrThrow({ where: { id: person.id } });
    expect(erased).toMatchObject({ workingName: ERASED_NAME, legalName: null, phone: null, email: null });
    const reports = await ownerDb().incidentReport.findMany({ where: { personId: person.id } });
    expect(reports).toHaveLength(40);
    expect(reports.every((r) => r.narrative === null && r.place === null)).toBe(true);
    expect(await ownerDb().suspectIdentifier.count({ where: { suspectId: suspect.id } })).toBe(0);

    // In the raw tables, as the owner (where encrypted values would show as ciphertext): empty.
    const sql = ownerSql();
    const raw = await sql.query(
      `SELECT (SELECT count(*)::int FROM "Person" WHERE id = $1
                AND num_nonnulls("legalName", phone, email, "dateOfBirth", "doNotContactRules") = 0) AS people,
              (SELECT count(*)::int FROM "IncidentReport" WHERE "personId" = $1
                AND num_nonnulls(narrative, place, "crimeReference", "supportNeeds") = 0) AS reports,
              (SELECT count(*)::int FROM "Suspect" WHERE id = $2 AND description IS NULL) AS suspects,
              (SELECT count(*)::int FROM "LiaisonContact" WHERE "personId" = $1 AND notes IS NULL) AS contacts,
              (SELECT count(*)::int FROM "LiaisonContact" WHERE "personId" = $1) AS "allContacts"`,
      [person.id, suspect.id],
    );
    expect(raw.rows[0]).toEqual({ people: 1, reports: 40, suspects: 1, contacts: 1, allContacts: 1 });

    const audit = await sql.query<{ outcome: string; recordId: string; actorId: string }>(
      `SELECT outcome, "recordId", "actorId" FROM "AuditEvent" WHERE action = 'retention.erase'`,
    );
    expect(audit.rows).toEqual([{ outcome: "SUCCESS", recordId: person.id, actorId: supervisor.id }]);
  }, 300_000);

  it("refuses an officer and a supervisor who has not re-authenticated", async () => {
    const unit = await makeOrganisation();
    const person = await makePerson(unit.id);
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    await expect(erasePerson(officer, person.id)).rejects.toEqual(new RetentionRefused("forbidden"));
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    const later = new Date(Date.now() + 10 * 60_000);
    await expect(erasePerson(supervisor, person.id, later)).rejects.toEqual(new RetentionRefused("reauth"));
    const other = await makeOrganisation();
    const outsider = await signedIn("SUPERVISOR", other.id);
    await expect(erasePerson(outsider, person.id)).rejects.toEqual(new RetentionRefused("not-found"));
    expect((await ownerDb().person.findUniqueOrThrow({ where: { id: person.id } })).workingName).toBe(
      person.workingName,
    );
    // Each refusal, whatever its reason, is in the log under the person's id.
    const denied = await ownerSql().query<{ actorId: string }>(
      `SELECT "actorId" FROM "AuditEvent"
        WHERE action = 'retention.erase' AND outcome = 'DENIED' AND "recordId" = $1 ORDER BY seq`,
      [person.id],
    );
    expect(denied.rows.map((r) => r.actorId)).toEqual([officer.id, supervisor.id, outsider.id]);
  });
});

describe("the retention review queue", () => {
  it("lists people whose records are all due, drops them once retained or erased, and audits", async () => {
    const unit = await makeOrganisation();
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    const now = new Date();
    const longAgo = new Date(now.getTime() - 8 * 365 * 86_400_000);
    const due = await makePerson(unit.id, "Due one");
    const erased = await makePerson(unit.id, "Due two");
    const open = await makePerson(unit.id, "Still open");
    const recent = await makePerson(unit.id, "Closed lately");
    for (const p of [due, erased])
      await makeReport(unit.id, {
        personId: p.id,
        status: "CLOSED",
        closedAt: longAgo,
        incidentTypes: ["THEFT"],
      });
    await makeReport(unit.id, { personId: open.id, status: "OPEN" });
    await makeReport(unit.id, {
      personId: recent.id,
      status: "CLOSED",
      closedAt: now,
      incidentTypes: ["THEFT"],
    });
    await ownerSql().query(`UPDATE "Person" SET "updatedAt" = $2 WHERE "unitId" = $1`, [unit.id, longAgo]);

    const first = await dueForReview(supervisor, { now });
    expect(first?.items.map((i) => i.workingName).sort()).toEqual(["Due one", "Due two"]);
    expect(first?.total).toBe(2);
    expect((await dueForReview(supervisor, { now, pageSize: 1, page: 2 }))?.items).toHaveLength(1);
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    expect(await dueForReview(officer, { now })).toBeNull();

    const reviewOn = new Date(now.getTime() + 365 * 86_400_000).toISOString().slice(0, 10);
    await expect(retainPerson(supervisor, { personId: due.id, reason: "short", reviewOn })).rejects.toThrow(
      /at least 10/,
    );
    await retainPerson(supervisor, {
      personId: due.id,
      reason: "Linked to a live prosecution elsewhere",
      reviewOn,
    });
    await markRecentAuth(supervisor);
    await erasePerson(supervisor, erased.id);
    expect((await dueForReview(supervisor, { now }))?.items).toEqual([]);
    // A year on, the retained person is due again, with the reason given last time.
    const later = await dueForReview(supervisor, { now: new Date(now.getTime() + 400 * 86_400_000) });
    expect(later?.items.map((i) => [i.workingName, i.lastReason])).toEqual([
      ["Due one", "Linked to a live prosecution elsewhere"],
    ]);
    const decisions = await ownerDb().retentionDecision.findMany({
      where: { unitId: unit.id },
      orderBy: { decidedAt: "asc" },
    });
    expect(decisions.map((d) => [d.recordId, d.outcome])).toEqual([
      [due.id, "RETAIN"],
      [erased.id, "ERASE"],
    ]);
  });
});

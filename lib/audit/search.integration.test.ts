// Searching the audit log as a supervisor and as an administrator: who viewed a report, what
// a user did, failed sign-ins and refusals; a supervisor sees nothing of another unit; other
// roles are refused and the refusal is itself recorded; every search and export is audited.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getReportForUser } from "@/lib/reports/queries";
import { makeOrganisation, makeReport, signedIn } from "@/tests/support/factories";
import { recordAudit } from "./record-audit";
import { exportAudit, parseAuditFilters, searchAudit } from "./search";

async function world() {
  const unit = await makeOrganisation("LIAISON_UNIT");
  const otherUnit = await makeOrganisation("LIAISON_UNIT");
  const officer = await signedIn("LIAISON_OFFICER", unit.id);
  const supervisor = await signedIn("SUPERVISOR", unit.id);
  const otherOfficer = await signedIn("LIAISON_OFFICER", otherUnit.id);
  const otherSupervisor = await signedIn("SUPERVISOR", otherUnit.id);
  const admin = await signedIn("ADMIN", (await makeOrganisation("POLICE_FORCE")).id);
  const report = await makeReport(unit.id, { assignedOfficerId: officer.id });
  return { unit, officer, supervisor, otherOfficer, otherSupervisor, admin, report };
}

const filters = (raw: Record<string, string> = {}) => parseAuditFilters(raw);

describe("searching the audit log", () => {
  it("a supervisor finds who viewed a report of the unit, with session and outcome, and no content", async () => {
    const w = await world();
    await getReportForUser(w.officer, w.report.id);
    const found = await searchAudit(w.supervisor, filters({ report: w.report.id }));
    expect(found?.rows.map((r) => [r.action, r.actorId, r.sessionId, r.outcome])).toContainEqual([
      "report.view",
      w.officer.id,
      w.officer.sessionId,
      "SUCCESS",
    ]);
    expect(found?.rows.every((r) => r.recordId === w.report.id)).toBe(true);
    expect(found?.rows[0]?.reportReference).toBe(w.report.reference);
    // The search itself is an event about the report.
    expect(
      await db().auditEvent.count({
        where: { action: "audit.search", actorId: w.supervisor.id, recordId: w.report.id },
      }),
    ).toBe(1);
  });

  it("a supervisor sees nothing of another unit: not its staff's events, not its records'", async () => {
    const w = await world();
    await getReportForUser(w.officer, w.report.id);
    const byReport = await searchAudit(w.otherSupervisor, filters({ report: w.report.id }));
    expect(byReport?.total).toBe(0);
    const byActor = await searchAudit(w.otherSupervisor, filters({ actor: w.officer.id }));
    expect(byActor?.total).toBe(0);
    // A refused attempt on the unit's report by another unit's officer shows to the unit.
    await getReportForUser(w.otherOfficer, w.report.id);
    const refused = await searchAudit(w.supervisor, filters({ kind: "refused", report: w.report.id }));
    expect(refused?.rows.map((r) => r.actorId)).toEqual([w.otherOfficer.id]);
  });

  it("an administrator finds failed sign-ins across the force and what one user did", async () => {
    const w = await world();
    await recordAudit(db(), {
      actor: null,
      action: "auth.sign-in",
      outcome: "FAILURE",
      subjectKey: "k",
      clientAddress: "198.51.100.4",
    });
    const failures = await searchAudit(w.admin, filters({ kind: "sign-in-failures" }));
    expect(failures?.rows.some((r) => r.clientAddress === "198.51.100.4" && r.outcome === "FAILURE")).toBe(
      true,
    );
    expect(failures?.rows.every((r) => r.action === "auth.sign-in" && r.outcome !== "SUCCESS")).toBe(true);
    await getReportForUser(w.officer, w.report.id);
    const did = await searchAudit(w.admin, filters({ actor: w.officer.id }));
    expect(did?.rows.map((r) => r.action)).toContain("report.view");
  });

  it("officers and partners are refused, and the refusal is recorded", async () => {
    const w = await world();
    const partner = await signedIn("PARTNER", (await makeOrganisation("PARTNER_AGENCY")).id);
    for (const user of [w.officer, partner]) {
      expect(await searchAudit(user, filters())).toBeNull();
      expect(await exportAudit(user, filters())).toBeNull();
      expect(
        await db().auditEvent.count({
          where: { actorId: user.id, action: { in: ["audit.search", "audit.export"] }, outcome: "DENIED" },
        }),
      ).toBe(2);
    }
  });

  it("exports are audited, and filters that do not parse are dropped rather than used", async () => {
    const w = await world();
    const parsed = filters({ actor: "'; DROP TABLE", kind: "everything", from: "2026-13-45", page: "-3" });
    expect(parsed).toEqual({
      kind: "all",
      actor: undefined,
      person: undefined,
      report: undefined,
      from: undefined,
      to: undefined,
      page: 1,
    });
    const exported = await exportAudit(w.admin, filters({ actor: w.officer.id }));
    expect(exported).not.toBeNull();
    expect(
      await db().auditEvent.count({
        where: { action: "audit.export", actorId: w.admin.id, recordId: w.officer.id },
      }),
    ).toBe(1);
  });
});

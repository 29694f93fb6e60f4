import { rowScopeOf, withRowScope } from "@/lib/db/scope";
import { ownerDb } from "@/tests/support/owner-db";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { recordAudit } from "./record-audit";
import { makeOrganisation, makeReport, signedIn } from "@/tests/support/factories";

describe("the audit trail", () => {
  it("a change that rolls back leaves no success event behind", async () => {
    const unit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const report = await makeReport(unit.id);
    await expect(
      withRowScope(rowScopeOf(officer), async (tx) => {
        await tx.incidentReport.update({
          where: { id: report.id },
          data: { narrative: "changed", version: { increment: 1 } },
        });
        await recordAudit(tx, {
          actor: officer,
          action: "report.update",
          recordType: "report",
          recordId: report.id,
          outcome: "SUCCESS",
        });
        throw new Error("something failed after the audit write");
      }),
    ).rejects.toThrow("something failed");
    expect(await db().auditEvent.count({ where: { action: "report.update" } })).toBe(0);
    expect(
      (await ownerDb().incidentReport.findUniqueOrThrow({ where: { id: report.id } })).narrative,
    ).toBeNull();
  });

  it("records who, in which role, did what to which record and how it ended", async () => {
    const unit = await makeOrganisation();
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    await recordAudit(db(), {
      actor: supervisor,
      action: "report.export",
      recordType: "unit",
      recordId: unit.id,
      outcome: "SUCCESS",
    });
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "report.export" } });
    expect(event).toMatchObject({
      actorId: supervisor.id,
      actorRole: "SUPERVISOR",
      recordType: "unit",
      recordId: unit.id,
      outcome: "SUCCESS",
    });
    expect(Date.now() - event.at.getTime()).toBeLessThan(60_000);
  });
});

// Brings every report's status in line with its outcome trail (statusOfTrail): closed when
// the trail holds a final outcome, writing the REPORT_CLOSED event dated by the final event
// when none was written; closed when a supervisor's closing is the latest lifecycle event;
// open otherwise. Run once over existing data (npm run db:align-status); running it again
// changes nothing. A system task: it runs as no user, and every change is audited as such.
import type { Db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { inTrailOrder, statusOfTrail } from "./trail-rules";
import { TRAIL_SELECT } from "./record-case-event";
import { writeClosing } from "./lifecycle";

export type AlignResult = { checked: number; closingsWritten: number; closed: number; reopened: number };

const BATCH = 500;

export async function alignReportStatuses(client: Db): Promise<AlignResult> {
  const result: AlignResult = { checked: 0, closingsWritten: 0, closed: 0, reopened: 0 };
  let after: string | undefined;
  for (;;) {
    const batch = await client.incidentReport.findMany({
      ...(after ? { where: { id: { gt: after } } } : {}),
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true },
    });
    if (batch.length === 0) return result;
    for (const { id } of batch) {
      const change = await alignOne(client, id);
      result.checked++;
      if (change === "closing") result.closingsWritten++;
      if (change === "closing" || change === "closed") result.closed++;
      if (change === "reopened") result.reopened++;
    }
    after = batch.at(-1)?.id;
  }
}

async function alignOne(client: Db, reportId: string): Promise<"closing" | "closed" | "reopened" | null> {
  return client.$transaction(async (tx) => {
    // Locked, so a closing recorded by an officer meanwhile cannot be written twice.
    await tx.$queryRaw`SELECT id FROM "IncidentReport" WHERE id = ${reportId}::uuid FOR UPDATE`;
    const report = await tx.incidentReport.findUniqueOrThrow({
      where: { id: reportId },
      select: { id: true, unitId: true, status: true, closedAt: true, caseEvents: { select: TRAIL_SELECT } },
    });
    const expected = statusOfTrail(report.caseEvents);
    const final = expected.unclosedFinalEvent;
    if (final) {
      await writeClosing(tx, {
        actor: null,
        reportId: report.id,
        unitId: report.unitId,
        reason: "FINAL_OUTCOME",
        occurredOn: final.occurredOn,
        notes: null,
        closedAt: report.closedAt ?? final.occurredOn,
      });
      return "closing";
    }
    if (expected.status === report.status) return null;
    const closing = inTrailOrder(report.caseEvents).findLast((e) => e.type === "REPORT_CLOSED");
    await tx.incidentReport.update({
      where: { id: report.id, unitId: report.unitId },
      data:
        expected.status === "CLOSED"
          ? { status: "CLOSED", closedAt: report.closedAt ?? closing?.occurredOn ?? null }
          : { status: "OPEN", closedAt: null },
    });
    await recordAudit(tx, {
      actor: null,
      action: "report.align-status",
      recordType: "report",
      recordId: report.id,
      outcome: "SUCCESS",
    });
    return expected.status === "CLOSED" ? "closed" : "reopened";
  });
}

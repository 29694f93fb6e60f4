// Writing a report's closing or reopening: the lifecycle event on its trail, the report's
// status and the audit event, always inside the caller's transaction so the three are never
// apart. Callers have already authorised the user and checked the trail rules.
import type { Tx } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { CloseReason, Role } from "@/lib/generated/prisma/enums";

type Actor = { id: string; role: Role } | null;

export async function writeClosing(
  tx: Tx,
  args: {
    actor: Actor;
    reportId: string;
    unitId: string;
    reason: CloseReason;
    occurredOn: Date;
    notes: string | null;
    closedAt: Date;
  },
): Promise<void> {
  await tx.caseEvent.create({
    data: {
      reportId: args.reportId,
      type: "REPORT_CLOSED",
      occurredOn: args.occurredOn,
      closeReason: args.reason,
      notes: args.notes,
      recordedById: args.actor?.id ?? null,
    },
  });
  // The edit version is left alone: it guards the details officers edit by hand.
  await tx.incidentReport.update({
    where: { id: args.reportId, unitId: args.unitId },
    data: { status: "CLOSED", closedAt: args.closedAt },
  });
  await recordAudit(tx, {
    actor: args.actor,
    action: "report.close",
    recordType: "report",
    recordId: args.reportId,
    outcome: "SUCCESS",
  });
}

export async function writeReopening(
  tx: Tx,
  args: { actor: Actor; reportId: string; unitId: string; occurredOn: Date; notes: string },
): Promise<void> {
  await tx.caseEvent.create({
    data: {
      reportId: args.reportId,
      type: "REPORT_REOPENED",
      occurredOn: args.occurredOn,
      notes: args.notes,
      recordedById: args.actor?.id ?? null,
    },
  });
  await tx.incidentReport.update({
    where: { id: args.reportId, unitId: args.unitId },
    data: { status: "OPEN", closedAt: null },
  });
  await recordAudit(tx, {
    actor: args.actor,
    action: "report.reopen",
    recordType: "report",
    recordId: args.reportId,
    outcome: "SUCCESS",
  });
}

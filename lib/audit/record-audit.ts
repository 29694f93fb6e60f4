// Writes one audit event: who, in what role, did what to which record, and how it ended.
// Never the content. Called with the same transaction client as the change it records, so
// a rolled-back change leaves no success event behind.
import type { Tx, Db } from "@/lib/db/client";
import type { AuditOutcome, Role } from "@/lib/generated/prisma/enums";

export type AuditEntry = {
  actor: { id: string; role: Role } | null;
  action: string;
  recordType?: string;
  recordId?: string;
  outcome: AuditOutcome;
  subjectKey?: string;
};

export async function recordAudit(client: Tx | Db, entry: AuditEntry): Promise<void> {
  await client.auditEvent.create({
    data: {
      actorId: entry.actor?.id ?? null,
      actorRole: entry.actor?.role ?? null,
      action: entry.action,
      recordType: entry.recordType ?? null,
      recordId: entry.recordId ?? null,
      outcome: entry.outcome,
      subjectKey: entry.subjectKey ?? null,
    },
  });
}

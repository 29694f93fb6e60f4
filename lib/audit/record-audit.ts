// Writes one audit event: who, in what role and session, from which address, did what to
// which record, and how it ended. Never the content. Called with the same transaction
// client as the change or read it records, so a rolled-back change leaves no success event
// behind. The database chains every event to the one before it (docs/decisions/016).
import type { Tx, Db } from "@/lib/db/client";
import type { AuditOutcome, Role } from "@/lib/generated/prisma/enums";
import { env } from "@/lib/env";
import { clientAddressFrom, UNKNOWN_ADDRESS } from "@/lib/auth/client-address";
import { deferAudit } from "@/lib/db/scope";

export type AuditEntry = {
  actor: { id: string; role: Role; sessionId?: string } | null;
  action: string;
  recordType?: string;
  recordId?: string;
  // Every record a list or search showed.
  recordIds?: string[];
  outcome: AuditOutcome;
  subjectKey?: string;
  // Given by callers that know it (sign-in); otherwise read from the request.
  clientAddress?: string;
};

// The address of the request being served, or null outside one (tools, tests, seeds).
async function requestAddress(): Promise<string | null> {
  try {
    const { headers } = await import("next/headers");
    const address = clientAddressFrom(await headers(), env().TRUSTED_PROXY_HOPS);
    return address === UNKNOWN_ADDRESS ? null : address;
  } catch {
    return null;
  }
}

export async function recordAudit(client: Tx | Db, entry: AuditEntry): Promise<void> {
  const data = {
    actorId: entry.actor?.id ?? null,
    actorRole: entry.actor?.role ?? null,
    sessionId: entry.actor?.sessionId ?? null,
    clientAddress: entry.clientAddress ?? (await requestAddress()),
    action: entry.action,
    recordType: entry.recordType ?? null,
    recordId: entry.recordId ?? null,
    recordIds: entry.recordIds ?? [],
    outcome: entry.outcome,
    subjectKey: entry.subjectKey ?? null,
  };
  // In a scoped transaction (lib/db/scope.ts) the event is written with any others at its end,
  // so that the audit chain's lock is the last lock the transaction takes.
  if (deferAudit(client, data)) return;
  await client.auditEvent.create({ data });
}

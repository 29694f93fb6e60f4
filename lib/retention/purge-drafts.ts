// Drafts past their review date are erased without review: they were never submitted
// (docs/decisions/020). The purge runs with no signed-in user, so it cannot take a user's row
// scope; it calls liaison_purge_expired_drafts (migration 20261201093000), which the schema
// owner runs past row security and which deletes only drafts older than the draft period.
//
// Every app instance runs it at start and then hourly (instrumentation.ts). A
// transaction-scoped advisory lock lets one run at a time do the work: with several instances,
// the others find the lock taken and stop at once.
import { recordAudit } from "@/lib/audit/record-audit";
import { db, type Db } from "@/lib/db/client";
import { retentionRules, type RetentionRules } from "./rules";

const PURGE_LOCK = 7_305_210_260_010;
export const PURGE_EVERY_MS = 60 * 60 * 1000;

// The number of drafts erased, or null when another run held the lock.
export async function purgeExpiredDrafts(
  rules: RetentionRules = retentionRules(),
  client: Db = db(),
): Promise<number | null> {
  return client.$transaction(async (tx) => {
    const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`
      SELECT pg_try_advisory_xact_lock(${PURGE_LOCK}::bigint) AS locked`;
    if (!lock?.locked) return null;
    const erased = await tx.$queryRaw<{ id: string }[]>`
      SELECT liaison_purge_expired_drafts(${rules.draftDays}::int) AS id`;
    if (erased.length > 0)
      await recordAudit(tx, {
        actor: null,
        action: "retention.drafts.purge",
        recordType: "Draft",
        recordIds: erased.map((d) => d.id),
        outcome: "SUCCESS",
      });
    return erased.length;
  });
}

type Schedule = { stop(): void };

// Runs the purge now and every `everyMs` after, in the background: a failure (the database
// unreachable, say) is logged by name and the next run tries again. The timer does not keep
// the process alive.
export function scheduleDraftPurge(everyMs = PURGE_EVERY_MS): Schedule {
  const run = () =>
    purgeExpiredDrafts().catch((error: unknown) => {
      console.error("Purging expired drafts failed", error instanceof Error ? error.name : typeof error);
    });
  void run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

// The supervisor's retention review queue (docs/decisions/020): the unit's people whose
// records have all reached their review date, oldest first, a page at a time; and the
// "retain" decision, with a reason and the next review date. Erasure is erase.ts.
//
// Review is per person: a person's reports and contacts describe them, so they are kept or
// erased together, and a person is due only when every one of their records is.
//
// Each use case is one transaction in the supervisor's row scope (lib/db/scope.ts): the
// case tables show the runtime role only the rows of the unit set for the transaction, and
// the audit event is written in the same transaction as the reads or writes it records.
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import { roleHas } from "@/lib/authz/permissions";
import { rowScopeOf, withRowScope } from "@/lib/db/scope";
import { personReviewOn, retentionRules, type RetentionRules } from "./rules";
import { ERASED_NAME, RetentionRefused } from "./erase";

export type DueRecord = { personId: string; workingName: string; reviewOn: Date; lastReason: string | null };
export type DuePage = { items: DueRecord[]; total: number; page: number; pageSize: number };

export async function dueForReview(
  user: CurrentUser,
  opts: { now?: Date; page?: number; pageSize?: number; rules?: RetentionRules } = {},
): Promise<DuePage | null> {
  if (!roleHas(user.role, "retention:review:unit") || !user.unitId) return null;
  const now = opts.now ?? new Date();
  const rules = opts.rules ?? retentionRules();
  const page = Math.max(1, opts.page ?? 1);
  const pageSize = Math.min(100, Math.max(1, opts.pageSize ?? 25));
  const reportDates = { status: true, closedAt: true, incidentTypes: true } as const;
  const unitId = user.unitId;
  return withRowScope(
    rowScopeOf(user),
    async (tx) => {
      // Only dates and codes are read for the whole unit; names only for the page shown.
      const people = await tx.person.findMany({
        where: { unitId, NOT: { workingName: ERASED_NAME } },
        select: {
          id: true,
          updatedAt: true,
          reports: { select: reportDates },
          contacts: { select: { occurredAt: true, report: { select: reportDates } } },
        },
      });
      const decisions = await tx.retentionDecision.findMany({
        where: { unitId, recordType: "Person" },
        orderBy: { decidedAt: "desc" },
        select: { recordId: true, outcome: true, reviewOn: true, reason: true },
      });
      const latest = new Map<string, (typeof decisions)[number]>();
      for (const d of decisions) if (!latest.has(d.recordId)) latest.set(d.recordId, d);
      const due: { personId: string; reviewOn: Date }[] = [];
      for (const p of people) {
        const decision = latest.get(p.id);
        if (decision?.outcome === "ERASE") continue;
        const reviewOn = personReviewOn({ ...p, retainUntil: decision?.reviewOn ?? null }, rules);
        if (reviewOn && reviewOn <= now) due.push({ personId: p.id, reviewOn });
      }
      due.sort((a, b) => a.reviewOn.getTime() - b.reviewOn.getTime() || a.personId.localeCompare(b.personId));
      const slice = due.slice((page - 1) * pageSize, page * pageSize);
      const names = await tx.person.findMany({
        where: { id: { in: slice.map((d) => d.personId) }, unitId },
        select: { id: true, workingName: true },
      });
      const nameOf = new Map(names.map((n) => [n.id, n.workingName]));
      await recordAudit(tx, {
        actor: user,
        action: "retention.queue.view",
        outcome: "SUCCESS",
        recordIds: slice.map((d) => d.personId),
      });
      return {
        items: slice.map((d) => ({
          ...d,
          workingName: nameOf.get(d.personId) ?? "",
          lastReason: latest.get(d.personId)?.reason ?? null,
        })),
        total: due.length,
        page,
        pageSize,
      };
    },
    // The whole unit's dates are read to order the queue: more than the default five seconds
    // may be needed for a large unit.
    { timeout: 30_000 },
  );
}

export const retainInput = z.object({
  personId: z.uuid(),
  reason: z
    .string()
    .trim()
    .min(10, "Give the reason for keeping the record (at least 10 characters).")
    .max(2000),
  reviewOn: z.coerce.date(),
});

export async function retainPerson(user: CurrentUser, input: unknown, now = new Date()): Promise<void> {
  const parsed = retainInput.parse(input);
  if (!roleHas(user.role, "retention:review:unit") || !user.unitId) {
    await withRowScope(rowScopeOf(user), (tx) =>
      recordAudit(tx, {
        actor: user,
        action: "retention.retain",
        recordType: "Person",
        recordId: parsed.personId,
        outcome: "DENIED",
      }),
    );
    throw new RetentionRefused("forbidden");
  }
  if (parsed.reviewOn <= now)
    throw new z.ZodError([
      {
        code: "custom",
        path: ["reviewOn"],
        message: "The next review date must be in the future.",
        input: parsed.reviewOn,
      },
    ]);
  const unitId = user.unitId;
  await withRowScope(rowScopeOf(user), async (tx) => {
    const person = await tx.person.findFirst({
      where: { id: parsed.personId, unitId, NOT: { workingName: ERASED_NAME } },
      select: { id: true },
    });
    if (!person) throw new RetentionRefused("not-found");
    await tx.retentionDecision.create({
      data: {
        unitId,
        recordType: "Person",
        recordId: parsed.personId,
        outcome: "RETAIN",
        reason: parsed.reason,
        reviewOn: parsed.reviewOn,
        decidedById: user.id,
      },
    });
    await recordAudit(tx, {
      actor: user,
      action: "retention.retain",
      recordType: "Person",
      recordId: parsed.personId,
      outcome: "SUCCESS",
    });
  });
}

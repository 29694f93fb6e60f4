// Searching the audit log: who viewed or changed a given person or report, what a given user
// did, failed sign-ins, overrides and refusals. Supervisors search their unit's staff and
// records; administrators everything. Rows carry who, when, from where, what kind of record
// and how it ended — never case content (there is none in the log to show). Every search
// and every export is itself an audit event.
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/authz/scope";
import { db, type Db, type Tx } from "@/lib/db/client";
import { rowScopeOf, withRowScope } from "@/lib/db/scope";
import { env } from "@/lib/env";
import { pageNumberSchema, pageOf, type Page } from "@/lib/pagination";
import { recordAudit } from "./record-audit";

export const AUDIT_KINDS = ["all", "sign-in-failures", "overrides", "refused", "exports"] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

const uuid = z.uuid();
const day = z.iso.date();

// Filters arrive from the URL: identifiers and fixed choices only, never free text. A value
// that does not parse is dropped (and reported), never passed on.
export const auditFiltersSchema = z.object({
  kind: z.enum(AUDIT_KINDS).catch("all"),
  actor: uuid.optional().catch(undefined),
  person: uuid.optional().catch(undefined),
  report: uuid.optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  page: pageNumberSchema,
});
export type AuditFilters = z.infer<typeof auditFiltersSchema>;

export function parseAuditFilters(raw: Record<string, string | string[] | undefined>): AuditFilters {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  return auditFiltersSchema.parse({
    kind: first(raw.kind),
    actor: first(raw.actor),
    person: first(raw.person),
    report: first(raw.report),
    from: first(raw.from),
    to: first(raw.to),
    page: first(raw.page),
  });
}

export type AuditRow = {
  id: string;
  seq: string;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  sessionId: string | null;
  clientAddress: string | null;
  action: string;
  recordType: string | null;
  recordId: string | null;
  // The report's reference when the record is a report the searcher may know of.
  reportReference: string | null;
  outcome: "SUCCESS" | "FAILURE" | "DENIED";
};

type Scope = { all: true } | { all: false; unitId: string };

function scopeOf(user: CurrentUser): Scope | null {
  if (can(user, "audit:read:all")) return { all: true };
  if (can(user, "audit:read:unit") && user.unitId) return { all: false, unitId: user.unitId };
  return null;
}

export function mayReadAudit(user: CurrentUser): boolean {
  return scopeOf(user) !== null;
}

// A supervisor sees events by their unit's staff, and events about their unit's reports and
// people, whoever made them (a partner's refused attempt on a referral shows as the
// referral's, which the unit can see in its own lists).
function scopeWhere(scope: Scope): Prisma.Sql {
  if (scope.all) return Prisma.sql`TRUE`;
  return Prisma.sql`(
    EXISTS (SELECT 1 FROM "User" u WHERE u.id = e."actorId" AND u."organisationId" = ${scope.unitId}::uuid)
    OR (e."recordType" = 'report' AND EXISTS (
      SELECT 1 FROM "IncidentReport" r WHERE r.id::text = e."recordId" AND r."unitId" = ${scope.unitId}::uuid))
    OR (e."recordType" = 'person' AND EXISTS (
      SELECT 1 FROM "Person" p WHERE p.id::text = e."recordId" AND p."unitId" = ${scope.unitId}::uuid))
  )`;
}

function filterWhere(f: AuditFilters): Prisma.Sql[] {
  const parts: Prisma.Sql[] = [];
  if (f.actor) parts.push(Prisma.sql`e."actorId" = ${f.actor}::uuid`);
  if (f.person) parts.push(Prisma.sql`e."recordType" = 'person' AND e."recordId" = ${f.person}`);
  if (f.report) parts.push(Prisma.sql`e."recordType" = 'report' AND e."recordId" = ${f.report}`);
  // Days are London days, as everywhere else in Liaison.
  if (f.from) parts.push(Prisma.sql`e."at" >= (${f.from}::date)::timestamp AT TIME ZONE 'Europe/London'`);
  if (f.to) parts.push(Prisma.sql`e."at" < (${f.to}::date + 1)::timestamp AT TIME ZONE 'Europe/London'`);
  switch (f.kind) {
    case "sign-in-failures":
      parts.push(Prisma.sql`e.action = 'auth.sign-in' AND e.outcome <> 'SUCCESS'`);
      break;
    case "overrides":
      parts.push(Prisma.sql`e.action LIKE '%override%'`);
      break;
    case "refused":
      parts.push(Prisma.sql`e.outcome = 'DENIED'`);
      break;
    case "exports":
      parts.push(Prisma.sql`(e.action LIKE '%.export' OR e.action LIKE '%.export.%')`);
      break;
    case "all":
      break;
  }
  return parts;
}

async function query(client: Tx, scope: Scope, f: AuditFilters, limit: number, offset: number) {
  const where = Prisma.join([scopeWhere(scope), ...filterWhere(f)], " AND ");
  const [{ total } = { total: 0 }] = await client.$queryRaw<{ total: number }[]>(
    Prisma.sql`SELECT count(*)::int AS total FROM "AuditEvent" e WHERE ${where}`,
  );
  const rows = await client.$queryRaw<AuditRow[]>(Prisma.sql`
    SELECT e.id, e.seq::text AS seq, e."at", e."actorId", u.name AS "actorName", e."actorRole"::text AS "actorRole",
           e."sessionId", e."clientAddress", e.action, e."recordType", e."recordId", e.outcome::text AS outcome,
           r.reference AS "reportReference"
      FROM "AuditEvent" e
      LEFT JOIN "User" u ON u.id = e."actorId"
      LEFT JOIN "IncidentReport" r ON e."recordType" = 'report' AND r.id::text = e."recordId"
        ${scope.all ? Prisma.empty : Prisma.sql`AND r."unitId" = ${scope.unitId}::uuid`}
     WHERE ${where}
     ORDER BY e.seq DESC
     LIMIT ${limit} OFFSET ${offset}`);
  return { total, rows };
}

// The subject of a search, for its own audit event: the record or user searched for.
function subjectOf(f: AuditFilters): { recordType?: string; recordId?: string } {
  if (f.person) return { recordType: "person", recordId: f.person };
  if (f.report) return { recordType: "report", recordId: f.report };
  if (f.actor) return { recordType: "user", recordId: f.actor };
  return { recordType: "audit-search", recordId: f.kind };
}

export async function searchAudit(
  user: CurrentUser,
  filters: AuditFilters,
  client: Db = db(),
): Promise<Page<AuditRow> | null> {
  const scope = scopeOf(user);
  if (!scope) {
    await recordAudit(client, { actor: user, action: "audit.search", outcome: "DENIED" });
    return null;
  }
  const size = env().PAGE_SIZE;
  // Scoped: the reports and people an event is about are under row security (decision 016).
  const { total, rows } = await withRowScope(
    rowScopeOf(user),
    async (tx) => {
      const found = await query(tx, scope, filters, size, (filters.page - 1) * size);
      await recordAudit(tx, {
        actor: user,
        action: "audit.search",
        ...subjectOf(filters),
        outcome: "SUCCESS",
      });
      return found;
    },
    { client },
  );
  return pageOf(rows, total, filters.page, size);
}

// At most this many events go into one export; a wider search is narrowed first.
export const EXPORT_LIMIT = 10_000;

export async function exportAudit(
  user: CurrentUser,
  filters: AuditFilters,
  client: Db = db(),
): Promise<{ rows: AuditRow[]; truncated: boolean } | null> {
  const scope = scopeOf(user);
  if (!scope) {
    await recordAudit(client, { actor: user, action: "audit.export", outcome: "DENIED" });
    return null;
  }
  // Scoped: the reports and people an event is about are under row security (decision 016).
  const { total, rows } = await withRowScope(
    rowScopeOf(user),
    async (tx) => {
      const found = await query(tx, scope, filters, EXPORT_LIMIT, 0);
      await recordAudit(tx, {
        actor: user,
        action: "audit.export",
        ...subjectOf(filters),
        outcome: "SUCCESS",
      });
      return found;
    },
    { client },
  );
  return { rows, truncated: total > rows.length };
}

// People who may appear as actors in the searcher's scope, for the "who" choice.
export async function auditActors(user: CurrentUser, client: Db = db()) {
  const scope = scopeOf(user);
  if (!scope) return [];
  return client.user.findMany({
    where: scope.all ? {} : { organisationId: scope.unitId },
    select: { id: true, name: true, role: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 500,
  });
}

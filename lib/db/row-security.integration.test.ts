// Least privilege at the database (docs/decisions/016), tried as the runtime role the app
// connects as: a query that forgot its scope sees nothing of the partner-facing tables and
// can write nothing there; a scope shows only its own unit's or agency's rows; the role
// can neither change the schema nor rewrite the audit log; and the triggers that must see
// every row run as their owner.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOrganisation, makeReferral, makeReport, makeUser } from "@/tests/support/factories";
import { makeCaseEvent, makeContact, makeSuspect, makeVictimUpdate } from "@/tests/support/case-factories";
import { ownerSql } from "@/tests/support/owner-sql";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "./client";
import { env } from "@/lib/env";
import { withRowScope } from "./scope";

const TABLES = [
  "Referral",
  "ReferralUpdate",
  "ThirdPartySubmission",
  "SafetyAlert",
  "SafetyAlertRecipient",
  "SafetyAlertIdentifier",
] as const;

let runtime: pg.Pool;

type Side = { unitId: string; agencyId: string; referralId: string; alertId: string };

// One unit and one agency with a referral (and an update on it), a third-party submission
// and an alert sent to the agency with one identifier — all written as the owner.
async function side(): Promise<Side> {
  const unit = await makeOrganisation("LIAISON_UNIT");
  const agency = await makeOrganisation("PARTNER_AGENCY");
  const referral = await makeReferral(unit.id, agency.id);
  const sql = ownerSql();
  await sql.query(
    `INSERT INTO "ReferralUpdate" (id, "referralId", side, text) VALUES ($1, $2, 'AGENCY', 'Called back')`,
    [randomUUID(), referral.id],
  );
  await sql.query(
    `INSERT INTO "ThirdPartySubmission" (id, "unitId", "agencyId", answers, wish, "updatedAt")
     VALUES ($1, $2, $3, '{}'::jsonb, 'INTELLIGENCE_ONLY', now())`,
    [randomUUID(), unit.id, agency.id],
  );
  const alertId = randomUUID();
  await sql.query(
    `INSERT INTO "SafetyAlert" (id, "unitId", title, description, "whatHappened", "updatedAt")
     VALUES ($1, $2, 'Alert', 'Tall man', 'Threats', now())`,
    [alertId, unit.id],
  );
  await sql.query(`INSERT INTO "SafetyAlertRecipient" ("alertId", "agencyId") VALUES ($1, $2)`, [
    alertId,
    agency.id,
  ]);
  await sql.query(
    `INSERT INTO "SafetyAlertIdentifier" (id, "alertId", "unitId", kind, normalised)
     VALUES ($1, $2, $3, 'PHONE_NUMBER', '07700900123')`,
    [randomUUID(), alertId, unit.id],
  );
  return { unitId: unit.id, agencyId: agency.id, referralId: referral.id, alertId };
}

let a: Side;
let b: Side;

// The case-content tables (migration case_row_security) and the column each is keyed on:
// its own unit, or the unit of the report or person it hangs on.
const CASE_TABLES = [
  "Person",
  "IncidentReport",
  "ReportRestriction",
  "RestrictedCaseOverride",
  "Suspect",
  "SuspectIdentifier",
  "CaseEvent",
  "VictimUpdate",
  "RiskAssessment",
  "SafeguardingRecord",
  "LiaisonContact",
  "Consent",
  "SharingOverride",
  "Draft",
  "RetentionDecision",
] as const;

// The unit a row of each table belongs to, as the owner reads it.
const UNIT_OF: Record<(typeof CASE_TABLES)[number], string> = {
  Person: `t."unitId"`,
  IncidentReport: `t."unitId"`,
  ReportRestriction: `t."unitId"`,
  RestrictedCaseOverride: `t."unitId"`,
  Suspect: `(SELECT r."unitId" FROM "IncidentReport" r WHERE r.id = t."reportId")`,
  SuspectIdentifier: `t."unitId"`,
  CaseEvent: `(SELECT r."unitId" FROM "IncidentReport" r WHERE r.id = t."reportId")`,
  VictimUpdate: `(SELECT r."unitId" FROM "IncidentReport" r WHERE r.id = t."reportId")`,
  RiskAssessment: `t."unitId"`,
  SafeguardingRecord: `t."unitId"`,
  LiaisonContact: `t."unitId"`,
  Consent: `(SELECT p."unitId" FROM "Person" p WHERE p.id = t."personId")`,
  SharingOverride: `t."unitId"`,
  Draft: `(SELECT u."organisationId" FROM "User" u WHERE u.id = t."ownerId")`,
  RetentionDecision: `t."unitId"`,
};

type CaseSide = { unitId: string; agencyId: string; reportId: string; personId: string; officerId: string };

// One of every case-content row in a unit, written as the owner, and a referral on an
// override to a partner agency.
async function caseSide(): Promise<CaseSide> {
  const unit = await makeOrganisation("LIAISON_UNIT");
  const agency = await makeOrganisation("PARTNER_AGENCY");
  const officer = await makeUser("LIAISON_OFFICER", unit.id);
  const report = await makeReport(unit.id, { assignedOfficerId: officer.id });
  const sql = ownerSql();
  const u = unit.id;
  const r = report.id;
  const p = report.personId;
  await makeSuspect(r, [["PHONE_NUMBER", "07700 900456"]]);
  const event = await makeCaseEvent(r);
  await makeVictimUpdate(r, event.id, new Date("2026-03-10T00:00:00Z"));
  await makeContact(u, p, { reportId: r });
  await sql.query(
    `INSERT INTO "ReportRestriction" (id, "reportId", "unitId", change, reason) VALUES ($1, $2, $3, 'RESTRICTED', 'x')`,
    [randomUUID(), r, u],
  );
  await sql.query(
    `INSERT INTO "RestrictedCaseOverride" (id, "reportId", "unitId", "userId", "sessionId", reason)
     VALUES ($1, $2, $3, $4, $5, 'x')`,
    [randomUUID(), r, u, officer.id, randomUUID()],
  );
  await sql.query(
    `INSERT INTO "RiskAssessment" (id, "reportId", "unitId", level, rationale, "reviewOn")
     VALUES ($1, $2, $3, 'HIGH', 'x', '2026-04-01')`,
    [randomUUID(), r, u],
  );
  await sql.query(
    `INSERT INTO "SafeguardingRecord" (id, "reportId", "unitId", concern, "referralMade")
     VALUES ($1, $2, $3, 'ADULT_AT_RISK', true)`,
    [randomUUID(), r, u],
  );
  await sql.query(
    `INSERT INTO "Consent" (id, "personId", "agencyId", scope, method, "givenAt")
     VALUES ($1, $2, $3, 'x', 'VERBAL', now())`,
    [randomUUID(), p, agency.id],
  );
  const overrideId = randomUUID();
  await sql.query(
    `INSERT INTO "SharingOverride" (id, "unitId", "personId", "agencyId", basis, reason, "approvedById")
     VALUES ($1, $2, $3, $4, 'THREAT_TO_LIFE', 'x', $5)`,
    [overrideId, u, p, agency.id, officer.id],
  );
  await sql.query(
    `INSERT INTO "Referral" (id, "unitId", "agencyId", "personId", "reportId", "overrideId", "supportNeeded", "updatedAt")
     VALUES ($1, $2, $3, $4, $5, $6, 'Housing', now())`,
    [randomUUID(), u, agency.id, p, r, overrideId],
  );
  await sql.query(
    `INSERT INTO "Draft" (id, "ownerId", kind, step, data, "updatedAt") VALUES ($1, $2, 'intake', 'person', '{}'::jsonb, now())`,
    [randomUUID(), officer.id],
  );
  await sql.query(
    `INSERT INTO "RetentionDecision" (id, "unitId", "recordType", "recordId", outcome, reason)
     VALUES ($1, $2, 'person', $3, 'RETAIN', 'x')`,
    [randomUUID(), u, p],
  );
  return { unitId: u, agencyId: agency.id, reportId: r, personId: p, officerId: officer.id };
}

let caseA: CaseSide;
let caseB: CaseSide;

beforeAll(async () => {
  runtime = new pg.Pool({ connectionString: env().DATABASE_URL, max: 2 });
  await recordAudit(db(), { actor: null, action: "test.grants", outcome: "SUCCESS" });
  a = await side();
  b = await side();
  caseA = await caseSide();
  caseB = await caseSide();
});

afterAll(async () => {
  await runtime.end();
});

// Runs `query` as the runtime role inside a transaction scoped as given (or not at all).
async function asRuntime<T extends pg.QueryResultRow>(
  query: string,
  params: unknown[] = [],
  scope?: { unitId?: string; agencyId?: string; userId?: string },
): Promise<T[]> {
  const client = await runtime.connect();
  try {
    await client.query("BEGIN");
    if (scope)
      await client.query(
        `SELECT set_config('liaison.unit_id', $1, true), set_config('liaison.agency_id', $2, true),
                set_config('liaison.user_id', $3, true)`,
        [scope.unitId ?? "", scope.agencyId ?? "", scope.userId ?? ""],
      );
    const { rows } = await client.query<T>(query, params);
    await client.query("COMMIT");
    return rows;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}

describe("row-level security on the partner-facing tables", () => {
  it("a query that forgot its scope sees none of them, though the owner sees them all", async () => {
    for (const table of TABLES) {
      const owned = await ownerSql().query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`);
      expect(owned.rows[0]!.n, table).toBeGreaterThanOrEqual(2);
      const seen = await asRuntime<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`);
      expect(seen[0]!.n, table).toBe(0);
    }
  });

  it("a unit's scope shows its own rows and nothing of another unit's", async () => {
    const referrals = await asRuntime<{ unitId: string }>(`SELECT "unitId" FROM "Referral"`, [], {
      unitId: a.unitId,
    });
    expect(referrals.map((r) => r.unitId)).toEqual([a.unitId]);
    for (const table of ["ThirdPartySubmission", "SafetyAlert", "SafetyAlertIdentifier"]) {
      const rows = await asRuntime<{ unitId: string }>(`SELECT "unitId" FROM "${table}"`, [], {
        unitId: a.unitId,
      });
      expect(
        rows.map((r) => r.unitId),
        table,
      ).toEqual([a.unitId]);
    }
    const updates = await asRuntime<{ referralId: string }>(`SELECT "referralId" FROM "ReferralUpdate"`, [], {
      unitId: a.unitId,
    });
    expect(updates.map((u) => u.referralId)).toEqual([a.referralId]);
  });

  it("an agency's scope shows what was sent to it and nothing of another agency's", async () => {
    const scope = { agencyId: b.agencyId };
    const referrals = await asRuntime<{ id: string }>(`SELECT id FROM "Referral"`, [], scope);
    expect(referrals.map((r) => r.id)).toEqual([b.referralId]);
    const alerts = await asRuntime<{ id: string }>(`SELECT id FROM "SafetyAlert"`, [], scope);
    expect(alerts.map((r) => r.id)).toEqual([b.alertId]);
    const recipients = await asRuntime<{ agencyId: string }>(
      `SELECT "agencyId" FROM "SafetyAlertRecipient"`,
      [],
      scope,
    );
    expect(recipients.map((r) => r.agencyId)).toEqual([b.agencyId]);
    const submissions = await asRuntime<{ agencyId: string }>(
      `SELECT "agencyId" FROM "ThirdPartySubmission"`,
      [],
      scope,
    );
    expect(submissions.map((r) => r.agencyId)).toEqual([b.agencyId]);
  });

  it("refuses writes outside the scope, and changes nothing there", async () => {
    await expect(
      asRuntime(`UPDATE "Referral" SET "unitId" = $1 WHERE id = $2`, [b.unitId, a.referralId], {
        unitId: a.unitId,
      }),
    ).rejects.toThrow(/row-level security/);
    const moved = await asRuntime(
      `UPDATE "Referral" SET "declineReason" = 'x' WHERE id = $1 RETURNING id`,
      [b.referralId],
      { unitId: a.unitId },
    );
    expect(moved).toEqual([]);
    await expect(
      asRuntime(
        `INSERT INTO "ReferralUpdate" (id, "referralId", side, text) VALUES ($1, $2, 'UNIT', 'x')`,
        [randomUUID(), b.referralId],
        { unitId: a.unitId },
      ),
    ).rejects.toThrow(/row-level security/);
    const deleted = await asRuntime(`DELETE FROM "SafetyAlert" RETURNING id`, []);
    expect(deleted).toEqual([]);
    const left = await ownerSql().query(`SELECT "declineReason" FROM "Referral" WHERE id = $1`, [
      b.referralId,
    ]);
    expect(left.rows[0]).toEqual({ declineReason: null });
  });

  it("the app's own scoped transaction sets the scope from the user", async () => {
    const found = await withRowScope({ unitId: null, agencyId: a.agencyId }, (tx) =>
      tx.referral.findMany({ select: { id: true } }),
    );
    expect(found.map((r) => r.id)).toEqual([a.referralId]);
    const none = await withRowScope({ unitId: null, agencyId: null }, (tx) => tx.referral.count());
    expect(none).toBe(0);
  });
});

describe("row-level security on the tables that hold case content", () => {
  it("a query that forgot its scope sees none of them, though the owner sees them all", async () => {
    for (const table of CASE_TABLES) {
      const owned = await ownerSql().query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`);
      expect(owned.rows[0]!.n, table).toBeGreaterThanOrEqual(2);
      const seen = await asRuntime<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`);
      expect(seen[0]!.n, table).toBe(0);
    }
  });

  it("a unit's scope shows its own rows of every table and nothing of another unit's", async () => {
    for (const table of CASE_TABLES) {
      const scope = { unitId: caseA.unitId, userId: caseA.officerId };
      const seen = await asRuntime<{ id: string }>(`SELECT id::text FROM "${table}"`, [], scope);
      const { rows: own } = await ownerSql().query<{ id: string }>(
        `SELECT t.id::text FROM "${table}" t WHERE ${UNIT_OF[table]} = $1`,
        [caseA.unitId],
      );
      expect(own.length, table).toBeGreaterThan(0);
      expect(seen.map((r) => r.id).sort(), table).toEqual(own.map((r) => r.id).sort());
    }
  });

  it("refuses writes into another unit's scope, and changes nothing there", async () => {
    const scope = { unitId: caseA.unitId, userId: caseA.officerId };
    await expect(
      asRuntime(
        `INSERT INTO "Person" (id, "unitId", "workingName", "updatedAt") VALUES ($1, $2, 'x', now())`,
        [randomUUID(), caseB.unitId],
        scope,
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      asRuntime(
        `INSERT INTO "CaseEvent" (id, "reportId", type, "occurredOn") VALUES ($1, $2, 'ARRESTED', '2026-03-03')`,
        [randomUUID(), caseB.reportId],
        scope,
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      asRuntime(
        `INSERT INTO "Consent" (id, "personId", "agencyId", scope, method, "givenAt")
         VALUES ($1, $2, $3, 'x', 'VERBAL', now())`,
        [randomUUID(), caseB.personId, caseB.agencyId],
        scope,
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      asRuntime(
        `UPDATE "IncidentReport" SET "unitId" = $1 WHERE id = $2`,
        [caseB.unitId, caseA.reportId],
        scope,
      ),
    ).rejects.toThrow(/row-level security/);
    const changed = await asRuntime(
      `UPDATE "IncidentReport" SET narrative = 'rewritten' WHERE id = $1 RETURNING id`,
      [caseB.reportId],
      scope,
    );
    expect(changed).toEqual([]);
    const removed = await asRuntime(
      `DELETE FROM "LiaisonContact" WHERE "unitId" = $1 RETURNING id`,
      [caseB.unitId],
      scope,
    );
    expect(removed).toEqual([]);
    const left = await ownerSql().query(`SELECT narrative FROM "IncidentReport" WHERE id = $1`, [
      caseB.reportId,
    ]);
    expect(left.rows[0]).toEqual({ narrative: null });
  });

  it("a partner sees nothing of case content but the override its referral rests on", async () => {
    const scope = { agencyId: caseA.agencyId };
    for (const table of CASE_TABLES) {
      const seen = await asRuntime<{ id: string }>(`SELECT id::text FROM "${table}"`, [], scope);
      if (table !== "SharingOverride") expect(seen, table).toEqual([]);
      else {
        const { rows } = await ownerSql().query<{ id: string }>(
          `SELECT "overrideId"::text AS id FROM "Referral" WHERE "agencyId" = $1 AND "overrideId" IS NOT NULL`,
          [caseA.agencyId],
        );
        expect(seen, table).toEqual(rows);
      }
    }
    const referrals = await asRuntime<{ id: string }>(`SELECT id FROM "Referral"`, [], scope);
    expect(referrals).toHaveLength(1);
  });

  it("the app's scoped transaction shows the user their unit's case and their own drafts only", async () => {
    const reports = await withRowScope(
      { unitId: caseB.unitId, agencyId: null, userId: caseB.officerId },
      (tx) => tx.incidentReport.findMany({ select: { id: true } }),
    );
    expect(reports.map((r) => r.id)).toEqual([caseB.reportId]);
    const drafts = await withRowScope({ unitId: caseB.unitId, agencyId: null, userId: null }, (tx) =>
      tx.draft.count(),
    );
    expect(drafts).toBe(0);
    const forgot = await db().person.count();
    expect(forgot).toBe(0);
  });
});

describe("the runtime role's grants", () => {
  it("is no superuser, does not bypass row security and owns nothing", async () => {
    const [role] = await asRuntime<{ rolsuper: boolean; rolbypassrls: boolean; owns: number }>(
      `SELECT rolsuper, rolbypassrls,
              (SELECT count(*)::int FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user) AS owns
         FROM pg_roles WHERE rolname = current_user`,
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, owns: 0 });
  });

  it("may append to and read the audit log but never change, remove or empty it", async () => {
    const [event] = await asRuntime<{ id: string }>(`SELECT id FROM "AuditEvent" LIMIT 1`);
    expect(event).toBeDefined();
    await expect(
      asRuntime(`UPDATE "AuditEvent" SET action = 'x' WHERE id = $1`, [event!.id]),
    ).rejects.toThrow(/permission denied/);
    await expect(asRuntime(`DELETE FROM "AuditEvent" WHERE id = $1`, [event!.id])).rejects.toThrow(
      /permission denied/,
    );
    await expect(asRuntime(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/permission denied/);
  });

  it("cannot change the schema or read the migration history", async () => {
    await expect(asRuntime(`CREATE TABLE sneaky (id int)`)).rejects.toThrow(/permission denied/);
    await expect(asRuntime(`ALTER TABLE "Referral" DISABLE ROW LEVEL SECURITY`)).rejects.toThrow(
      /must be owner/,
    );
    await expect(asRuntime(`DROP TRIGGER audit_append_only ON "AuditEvent"`)).rejects.toThrow(
      /must be owner/,
    );
    await expect(asRuntime(`SELECT * FROM "_prisma_migrations"`)).rejects.toThrow(/permission denied/);
  });

  it("the owner too is refused a change to an audit event; only the maintenance role may", async () => {
    const sql = ownerSql();
    const { rows } = await sql.query<{ id: string }>(`SELECT id FROM "AuditEvent" LIMIT 1`);
    await expect(
      sql.query(`UPDATE "AuditEvent" SET action = 'x' WHERE id = $1`, [rows[0]!.id]),
    ).rejects.toThrow(/append-only/);
    await expect(sql.query(`DELETE FROM "AuditEvent" WHERE id = $1`, [rows[0]!.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(sql.query(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    const client = await sql.connect();
    try {
      await client.query("BEGIN");
      await client.query("SET LOCAL ROLE liaison_maintenance");
      const changed = await client.query(`UPDATE "AuditEvent" SET "clientAddress" = NULL WHERE id = $1`, [
        rows[0]!.id,
      ]);
      expect(changed.rowCount).toBe(1);
      await client.query("ROLLBACK");
    } finally {
      client.release();
    }
  });

  it("every trigger function that must see all rows runs as its owner", async () => {
    const { rows } = await ownerSql().query<{ name: string; definer: boolean }>(
      `SELECT p.oid::regprocedure::text AS name, p.prosecdef AS definer
         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND (p.proname LIKE 'dashboard\\_%'
          OR p.proname IN ('referral_requires_basis', 'liaison_restrict_report'))`,
    );
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.filter((r) => !r.definer).map((r) => r.name)).toEqual([]);
  });
});

// Generates a large synthetic data set inside PostgreSQL: every row is made by INSERT …
// SELECT over generate_series, batch by batch, so nothing is built in Node. Random choices
// come from hashing the row number, so the same --reports gives the same data. All of it
// goes into one synthetic liaison unit (or --units of them, each with its own officers,
// people and reports), marked as demo data, in one transaction: a failure leaves nothing
// behind.
import pg from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { fieldKeyRing } from "@/lib/crypto/keys";
import { rotateFieldKeys } from "@/lib/db/encryption-rotate";
import { DEMO_PASSWORD } from "@/prisma/seed/accounts";
import {
  AREAS,
  CLOSED_KINDS,
  CONTACT_METHODS,
  CONTACT_TYPES,
  INCIDENT_TYPES,
  INTEL_ROUTES,
  OFFICER_COUNT,
  OPEN_KINDS,
  REFERRAL_STATUSES,
  RELATIONSHIPS,
  RISK_LEVELS,
  ROUTES,
  slices,
  WITHDRAWAL_REASONS,
  WORK_SETTINGS,
  YEARS,
  type Weighted,
} from "./distributions";
import { CHARGED_KINDS, IDENTIFIED_KINDS, trailRows } from "./trails";
import { progressBar, type Progress } from "./progress";

export const SYNTHETIC_UNIT_NAME = "Synthetic Police — Liaison Unit";
export const SYNTHETIC_SUPERVISOR = "supervisor@synthetic.liaison.test";
const BATCH = 50_000;
const PEOPLE_PER_REPORT = 0.4;
const GENERAL_CONTACTS_PER_REPORT = 0.8;
const DAYS = Math.round(YEARS * 365.25);

export type SeedLargeResult =
  | { created: true; reports: number; seconds: number }
  | { created: false; reason: string; existingReports?: number };

type Log = (line: string) => void;
type Bar = (label: string, total: number) => Progress;

// Deterministic ids, so that each table can name the rows of another by number alone.
const idOf = (kind: string, n: number | string) => Prisma.sql`md5(${`syn-${kind}-`} || ${String(n)})::uuid`;

// One synthetic unit. The first keeps the names and ids it has always had; each further
// one prefixes its ids and addresses with its number, so units never share a row.
type SynUnit = { n: number; id: Prisma.Sql; name: string; supervisor: string; prefix: string };

export function synUnitEmail(n: number, local: string): string {
  return n === 0 ? `${local}@synthetic.liaison.test` : `${local}.u${n + 1}@synthetic.liaison.test`;
}

function synUnit(n: number): SynUnit {
  const prefix = n === 0 ? "syn-" : `syn-u${n + 1}-`;
  return {
    n,
    prefix,
    id: Prisma.sql`md5(${`${prefix}unit-0`})::uuid`,
    name: n === 0 ? SYNTHETIC_UNIT_NAME : `${SYNTHETIC_UNIT_NAME} ${n + 1}`,
    supervisor: synUnitEmail(n, "supervisor"),
  };
}

// md5(prefix || kind || '-' || …)::uuid as SQL: the id of one of this unit's rows.
const ref = (unit: SynUnit, kind: string) => Prisma.sql`${`${unit.prefix}${kind}-`}::text`;

// A value drawn from `weights` by the uniform number `u` (an SQL expression in [0, 1)).
function pick(weights: Weighted<string>, u: Prisma.Sql): Prisma.Sql {
  const { values, lowerBounds } = slices(weights);
  return Prisma.sql`(${values}::text[])[width_bucket(${u}, ${lowerBounds}::float8[])]`;
}

// Uniform in [0, 1) from a row number and a salt: the same inputs, the same number.
const u = (row: Prisma.Sql, salt: number) => Prisma.sql`pg_temp.u(${row}, ${salt})`;

async function run(client: pg.Client, query: Prisma.Sql): Promise<pg.QueryResult> {
  return client.query(query.text, query.values as unknown[]);
}

// Why not to seed here, if there is a reason; null when the database may be used.
export async function reasonNotToSeedLarge(
  client: pg.Client,
  force: boolean,
): Promise<SeedLargeResult | null> {
  const existing = await client.query<{ reports: string }>(
    `SELECT count(r.id) AS reports FROM "Organisation" o LEFT JOIN "IncidentReport" r ON r."unitId" = o.id
     WHERE o.name = $1 GROUP BY o.id`,
    [SYNTHETIC_UNIT_NAME],
  );
  if (existing.rows[0])
    return {
      created: false,
      reason: "already holds a synthetic data set",
      existingReports: Number(existing.rows[0].reports),
    };
  if (force) return null;
  const real = await client.query<{ found: string[] | null }>(`
    SELECT array_remove(ARRAY[
      CASE WHEN EXISTS (SELECT 1 FROM "Organisation" WHERE NOT "isDemo") THEN 'organisations' END,
      CASE WHEN EXISTS (SELECT 1 FROM "User" WHERE NOT "isDemo") THEN 'users' END,
      CASE WHEN EXISTS (SELECT 1 FROM "Person" WHERE NOT "isDemo") THEN 'people' END,
      CASE WHEN EXISTS (SELECT 1 FROM "IncidentReport" WHERE NOT "isDemo") THEN 'reports' END,
      CASE WHEN EXISTS (SELECT 1 FROM "LiaisonContact" WHERE NOT "isDemo") THEN 'contacts' END,
      CASE WHEN EXISTS (SELECT 1 FROM "Referral" WHERE NOT "isDemo") THEN 'referrals' END
    ], NULL) AS found`);
  const found = real.rows[0]?.found ?? [];
  if (found.length === 0) return null;
  return {
    created: false,
    reason: `the database holds real (non-demo) ${found.join(", ")}; use --force to add synthetic data beside it`,
  };
}

async function prepareSession(client: pg.Client): Promise<void> {
  // The dashboard triggers would recount every batch; the summaries are rebuilt at the end.
  await client.query(`SELECT set_config('liaison.dashboard_sync', 'off', false)`);
  await client.query(`SET TimeZone = 'UTC'`);
  await client.query(`SET work_mem = '64MB'`);
  await client.query(`SET synchronous_commit = off`);
  await client.query(`
    CREATE TEMP TABLE syn_steps (
      kind text, step int, type text, gap_min int, gap_max int, outcome text, court_result text,
      release_type text, about_suspect boolean, if_wants_changed boolean, with_reasons boolean,
      person_informed boolean) ON COMMIT DROP`);
  const rows = trailRows();
  await run(
    client,
    Prisma.sql`INSERT INTO syn_steps SELECT * FROM unnest(
      ${rows.map((r) => r[0])}::text[], ${rows.map((r) => r[1])}::int[], ${rows.map((r) => r[2])}::text[],
      ${rows.map((r) => r[3])}::int[], ${rows.map((r) => r[4])}::int[], ${rows.map((r) => r[5])}::text[],
      ${rows.map((r) => r[6])}::text[], ${rows.map((r) => r[7])}::text[], ${rows.map((r) => r[8])}::boolean[],
      ${rows.map((r) => r[9])}::boolean[], ${rows.map((r) => r[10])}::boolean[], ${rows.map((r) => r[11])}::boolean[])`,
  );
  await client.query(`
    CREATE TEMP TABLE syn_events (id uuid, report_id uuid, type text, occurred_on date, offence text,
      recorded_by uuid, created_at timestamptz) ON COMMIT DROP`);
  await client.query(`
    CREATE TEMP TABLE syn_batch (
      g bigint PRIMARY KEY, id uuid, person_id uuid, officer_id uuid, reported_at timestamptz,
      kind text, is_open boolean, route text, types text[], relationship text, wants text,
      initial_wants text, area text, suspects int, reasons text[]) ON COMMIT DROP`);
}

const foundedOf = (now: Date) => new Date(now.getTime() - (DAYS + 30) * 86_400_000);

// The force, the partner agencies and their accounts, shared by every synthetic unit.
// The random numbers of one unit: the first unit's are those it has always had, and each
// further unit draws its own, so that units differ.
async function drawForUnit(client: pg.Client, unit: SynUnit): Promise<void> {
  const salt = unit.n === 0 ? "salt" : `salt + ${unit.n * 1000}`;
  await client.query(`
    CREATE OR REPLACE FUNCTION pg_temp.u(n bigint, salt integer) RETURNS float8 LANGUAGE sql IMMUTABLE AS
    $$ SELECT (hashint8extended(n, ${salt}) & 2147483647)::float8 / 2147483648.0 $$`);
}

async function insertOrganisationsAndAccounts(client: pg.Client, now: Date): Promise<void> {
  const founded = foundedOf(now);
  const orgs: [string, string, string, string | null][] = [
    ["force", "Synthetic Police", "POLICE_FORCE", null],
    ["agency-1", "Synthetic Women's Aid", "PARTNER_AGENCY", null],
    ["agency-2", "Synthetic Health Outreach", "PARTNER_AGENCY", null],
  ];
  for (const [key, name, kind, parent] of orgs) {
    const [k, n] = key.includes("-") ? key.split("-") : [key, "0"];
    const parentId = parent ? idOf(parent, 0) : Prisma.sql`NULL::uuid`;
    await run(
      client,
      Prisma.sql`INSERT INTO "Organisation" (id, name, kind, "parentId", "isDemo", "createdAt")
        VALUES (${idOf(k ?? key, n ?? "0")}, ${name}, ${kind}::"OrganisationKind", ${parentId}, true, ${founded})`,
    );
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const accounts: [Prisma.Sql, string, string, string, Prisma.Sql][] = [
    [
      idOf("partner", 1),
      "partner1@synthetic.liaison.test",
      "Synthetic partner 1",
      "PARTNER",
      idOf("agency", 1),
    ],
    [
      idOf("partner", 2),
      "partner2@synthetic.liaison.test",
      "Synthetic partner 2",
      "PARTNER",
      idOf("agency", 2),
    ],
  ];
  await insertAccounts(client, accounts, passwordHash, founded);
}

// A unit of the force, its supervisor and its officers.
async function insertUnit(client: pg.Client, unit: SynUnit, now: Date, passwordHash: string): Promise<void> {
  const founded = foundedOf(now);
  await run(
    client,
    Prisma.sql`INSERT INTO "Organisation" (id, name, kind, "parentId", "isDemo", "createdAt")
      VALUES (${unit.id}, ${unit.name}, 'LIAISON_UNIT', ${idOf("force", 0)}, true, ${founded})`,
  );
  const suffix = unit.n === 0 ? "" : ` (unit ${unit.n + 1})`;
  const accounts: [Prisma.Sql, string, string, string, Prisma.Sql][] = [
    [
      Prisma.sql`md5(${ref(unit, "supervisor")} || '0')::uuid`,
      unit.supervisor,
      `DS Synthetic Supervisor${suffix}`,
      "SUPERVISOR",
      unit.id,
    ],
  ];
  for (let i = 1; i <= OFFICER_COUNT; i++) {
    const n = String(i).padStart(2, "0");
    accounts.push([
      Prisma.sql`md5(${ref(unit, "officer")} || ${String(i)})::uuid`,
      synUnitEmail(unit.n, `officer${n}`),
      `PC Synthetic ${n}${suffix}`,
      "LIAISON_OFFICER",
      unit.id,
    ]);
  }
  await insertAccounts(client, accounts, passwordHash, founded);
}

async function insertAccounts(
  client: pg.Client,
  accounts: [Prisma.Sql, string, string, string, Prisma.Sql][],
  passwordHash: string,
  founded: Date,
): Promise<void> {
  for (const [id, email, name, role, organisationId] of accounts) {
    await run(
      client,
      Prisma.sql`INSERT INTO "User" (id, email, name, "passwordHash", role, "organisationId", "isDemo", "createdAt", "updatedAt")
        VALUES (${id}, ${email}, ${name}, ${passwordHash}, ${role}::"Role", ${organisationId}, true, ${founded}, ${founded})`,
    );
  }
}

async function insertPeople(
  client: pg.Client,
  unit: SynUnit,
  people: number,
  now: Date,
  bar: Bar,
): Promise<void> {
  const firstSeen = new Date(now.getTime() - DAYS * 86_400_000);
  const progress = bar("People ", people);
  for (let from = 1; from <= people; from += BATCH * 2) {
    const to = Math.min(people, from + BATCH * 2 - 1);
    const i = Prisma.sql`i`;
    await run(
      client,
      Prisma.sql`INSERT INTO "Person" (id, "unitId", "workingName", "workSetting", language, "isDemo", "createdAt", "updatedAt")
        SELECT md5(${ref(unit, "person")} || i)::uuid, ${unit.id}, 'Synthetic person ' || lpad(i::text, 7, '0'),
          ${pick(WORK_SETTINGS, u(i, 61))}::"WorkSetting",
          (CASE WHEN ${u(i, 62)} < 0.08 THEN 'WELSH' ELSE 'ENGLISH' END)::"Language",
          true, ${firstSeen}::timestamptz, ${firstSeen}::timestamptz
        FROM generate_series(${from}::bigint, ${to}::bigint) i`,
    );
    progress.update(to);
  }
  progress.finish();
}

function fillBatch(unit: SynUnit, from: number, to: number, people: number, now: Date): Prisma.Sql {
  const g = Prisma.sql`g`;
  return Prisma.sql`
    INSERT INTO syn_batch
    SELECT g, md5(${ref(unit, "report")} || g)::uuid,
      md5(${ref(unit, "person")} || (1 + floor(${people} * power(${u(g, 1)}, 1.3)))::bigint)::uuid,
      md5(${ref(unit, "officer")} || (1 + floor(${OFFICER_COUNT} * ${u(g, 2)}))::int)::uuid,
      a.reported_at, k.kind, o.is_open,
      CASE WHEN k.kind = 'INTEL' THEN ${pick(INTEL_ROUTES, u(g, 11))} ELSE ${pick(ROUTES, u(g, 11))} END,
      string_to_array(${pick(INCIDENT_TYPES, u(g, 12))}, ','),
      ${pick(RELATIONSHIPS, u(g, 13))},
      w.wants,
      CASE
        WHEN k.kind IN ('O14', 'O16') THEN CASE WHEN ${u(g, 9)} < 0.7 THEN 'FULL_INVESTIGATION' ELSE w.wants END
        WHEN w.wants = 'FULL_INVESTIGATION' AND ${u(g, 9)} < 0.12 THEN
          CASE WHEN ${u(g, 10)} < 0.5 THEN 'INTELLIGENCE_ONLY' ELSE 'ANONYMOUS_CONTACT' END
        ELSE w.wants
      END,
      (${[...AREAS]}::text[])[1 + floor(${AREAS.length} * ${u(g, 14)})::int],
      CASE WHEN k.kind = ANY(${IDENTIFIED_KINDS}::text[]) THEN 1 + (${u(g, 15)} < 0.12)::int
           ELSE (${u(g, 15)} < 0.5)::int END,
      CASE WHEN k.kind IN ('O14', 'O16') THEN
        CASE WHEN ${u(g, 16)} < 0.35 AND r.second <> r.first THEN ARRAY[r.first, r.second] ELSE ARRAY[r.first] END
      END
    FROM generate_series(${from}::bigint, ${to}::bigint) g
    CROSS JOIN LATERAL (SELECT (1 + floor(${DAYS - 1} * power(${u(g, 3)}, 1.2)))::int AS age_days) d
    CROSS JOIN LATERAL (
      SELECT date_trunc('day', ${now}::timestamptz) - make_interval(days => d.age_days)
        + make_interval(mins => (480 + floor(${u(g, 4)} * 840))::int) AS reported_at) a
    CROSS JOIN LATERAL (
      SELECT ${u(g, 5)} < CASE WHEN d.age_days < 400 THEN 0.85 * power(1 - d.age_days / 400.0, 2) ELSE 0.012 END
        AS is_open) o
    CROSS JOIN LATERAL (
      SELECT CASE WHEN o.is_open THEN ${pick(OPEN_KINDS, u(g, 6))} ELSE ${pick(CLOSED_KINDS, u(g, 6))} END AS kind) k
    CROSS JOIN LATERAL (
      SELECT CASE
        WHEN k.kind IN ('O14', 'O16') THEN CASE WHEN ${u(g, 8)} < 0.6 THEN 'INTELLIGENCE_ONLY' ELSE 'ANONYMOUS_CONTACT' END
        WHEN k.kind = 'INTEL' THEN 'INTELLIGENCE_ONLY'
        WHEN k.kind = 'NEW' THEN 'UNDECIDED'
        ELSE 'FULL_INVESTIGATION'
      END AS wants) w
    CROSS JOIN LATERAL (
      SELECT ${pick(WITHDRAWAL_REASONS, u(g, 17))} AS first, ${pick(WITHDRAWAL_REASONS, u(g, 18))} AS second) r`;
}

function batchStatements(unit: SynUnit, from: number, to: number, people: number, now: Date): Prisma.Sql[] {
  const unitId = unit.id;
  const yesterday = new Date(now.getTime() - 86_400_000);
  const b = Prisma.sql`b.g`;
  const agency = Prisma.sql`CASE WHEN ${u(b, 20)} < 0.5 THEN ${idOf("agency", 1)} ELSE ${idOf("agency", 2)} END`;
  const contactsFrom = Math.round((from - 1) * GENERAL_CONTACTS_PER_REPORT) + 1;
  const contactsTo = Math.round(to * GENERAL_CONTACTS_PER_REPORT);
  const i = Prisma.sql`i`;
  return [
    Prisma.sql`TRUNCATE syn_batch`,
    fillBatch(unit, from, to, people, now),
    Prisma.sql`ANALYZE syn_batch`,
    Prisma.sql`
      INSERT INTO "IncidentReport" (id, reference, "unitId", "personId", "assignedOfficerId", "createdById",
        "submittedByAgencyId", "reportedAt", "incidentFrom", "incidentDatePrecision", area, "reportingRoute",
        "incidentTypes", relationship, "personWants", "initialPersonWants", "crimeRecorded", status, "closedAt",
        "riskLevel", "isDemo", "createdAt", "updatedAt")
      SELECT b.id, 'SYN-' || lpad(b.g::text, 8, '0'), ${unitId}, b.person_id, b.officer_id, b.officer_id,
        CASE WHEN b.route = 'PARTNER_AGENCY' THEN ${agency} END,
        b.reported_at, b.reported_at - make_interval(hours => (1 + floor(${u(b, 21)} * 72))::int),
        'APPROXIMATE', b.area, b.route::"ReportingRoute", b.types::"IncidentType"[],
        b.relationship::"PerpetratorRelationship", b.wants::"PersonWants", b.initial_wants::"PersonWants",
        (CASE b.kind WHEN 'INTEL' THEN 'NO' WHEN 'NEW' THEN NULL ELSE 'YES' END)::"Answer",
        (CASE WHEN b.is_open THEN 'OPEN' ELSE 'CLOSED' END)::"ReportStatus",
        CASE WHEN NOT b.is_open THEN least(
          b.reported_at + make_interval(days => (7 + floor(${u(b, 22)} * 200))::int),
          ${now}::timestamptz - interval '1 hour') END,
        nullif(${pick(RISK_LEVELS, u(b, 23))}, '')::"RiskLevel",
        true, b.reported_at, b.reported_at
      FROM syn_batch b`,
    Prisma.sql`
      INSERT INTO "Suspect" (id, "reportId", relationship, description, "createdAt")
      SELECT md5(${ref(unit, "suspect")} || b.g || '-' || n)::uuid, b.id, b.relationship::"PerpetratorRelationship",
        'Synthetic suspect description', b.reported_at
      FROM syn_batch b CROSS JOIN LATERAL generate_series(1, b.suspects) n`,
    Prisma.sql`TRUNCATE syn_events`,
    // The batch's events are kept aside as they are written, so that the statements after
    // this one need not search the whole (growing) CaseEvent table for them.
    Prisma.sql`
      WITH written AS (
        INSERT INTO "CaseEvent" (id, "reportId", "suspectId", type, "occurredOn", "releaseType", offence, outcome,
          "withdrawalReasons", "courtResult", "personWants", "personInformed", "recordedById", "createdAt")
        SELECT gen_random_uuid(), x.report_id, x.suspect_id, x.type::"CaseEventType", x.on_date,
          x.release_type::"ReleaseType", CASE WHEN x.type IN ('CHARGED', 'COURT_RESULT') THEN x.offence END,
          x.outcome::"HomeOfficeOutcome",
          (CASE WHEN x.with_reasons THEN x.reasons ELSE '{}' END)::"WithdrawalReason"[],
          x.court_result::"CourtResult",
          (CASE WHEN x.type = 'PERSON_WANTS_CHANGED' THEN x.wants END)::"PersonWants",
          x.person_informed, x.officer_id, x.on_date + time '17:00'
        FROM (
          SELECT b.id AS report_id, b.officer_id, b.wants, b.reasons, s.type, s.release_type, s.outcome,
            s.court_result, s.with_reasons, s.person_informed,
            CASE WHEN s.about_suspect AND b.suspects > 0 THEN md5(${ref(unit, "suspect")} || b.g || '-1')::uuid END AS suspect_id,
            initcap(replace(lower(b.types[1]), '_', ' ')) AS offence,
            least(
              b.reported_at::date + (sum(s.gap_min + floor(pg_temp.u(b.g, 100 + s.step) * (s.gap_max - s.gap_min + 1)))
                OVER (PARTITION BY b.g ORDER BY s.step))::int,
              ${yesterday}::date) AS on_date
          FROM syn_batch b
          JOIN syn_steps s ON s.kind = b.kind AND (NOT s.if_wants_changed OR b.wants <> b.initial_wants)
        ) x
        RETURNING id, "reportId", type::text, "occurredOn", offence, "recordedById", "createdAt"
      )
      INSERT INTO syn_events SELECT * FROM written`,
    Prisma.sql`ANALYZE syn_events`,
    // Reports with two suspects charge both: the dashboard counts the report once.
    Prisma.sql`
      INSERT INTO "CaseEvent" (id, "reportId", "suspectId", type, "occurredOn", offence, "recordedById", "createdAt")
      SELECT gen_random_uuid(), e.report_id, md5(${ref(unit, "suspect")} || b.g || '-2')::uuid, 'CHARGED', e.occurred_on,
        e.offence, e.recorded_by, e.created_at
      FROM syn_events e JOIN syn_batch b ON b.id = e.report_id
      WHERE e.type = 'CHARGED' AND b.suspects = 2 AND b.kind = ANY(${CHARGED_KINDS}::text[])`,
    // Victims' Code right 6: an update within 5 working days (7 calendar days here) of each
    // key decision; most on time, some late, the most recent ones not yet made.
    Prisma.sql`
      INSERT INTO "VictimUpdate" (id, "reportId", "caseEventId", "dueBy", "clearedAt", "createdAt")
      SELECT gen_random_uuid(), e.report_id, e.id,
        (e.occurred_on + 7) + time '23:59',
        CASE WHEN c.cleared < ${now}::timestamptz THEN c.cleared END,
        e.created_at
      FROM syn_events e
      JOIN syn_batch b ON b.id = e.report_id
      CROSS JOIN LATERAL (
        SELECT (e.occurred_on + CASE WHEN pg_temp.u(hashtextextended(e.id::text, 0), 70) < 0.86
          THEN floor(pg_temp.u(b.g, 71) * 7)::int ELSE 8 + floor(pg_temp.u(b.g, 72) * 5)::int END) + time '12:00'
          AS cleared) c
      WHERE e.type IN ('ARRESTED', 'INTERVIEWED_UNDER_CAUTION', 'RELEASED', 'DECISION_NOT_TO_INVESTIGATE')`,
    Prisma.sql`
      INSERT INTO "LiaisonContact" (id, "unitId", "personId", "reportId", "officerId", type, method, "occurredAt",
        "isDemo", "createdAt")
      SELECT gen_random_uuid(), ${unitId}, b.person_id, b.id, b.officer_id,
        (CASE WHEN ${u(b, 30)} < 0.5 THEN 'CASE_UPDATE' ELSE 'WELFARE_CHECK' END)::"ContactType",
        ${pick(CONTACT_METHODS, u(b, 31))}::"ContactMethod", c.at, true, c.at
      FROM syn_batch b
      CROSS JOIN LATERAL (SELECT b.reported_at + make_interval(days => (2 + floor(${u(b, 32)} * 20))::int) AS at) c
      WHERE c.at < ${now}::timestamptz`,
    Prisma.sql`
      INSERT INTO "LiaisonContact" (id, "unitId", "personId", "officerId", type, method, "occurredAt", "isDemo",
        "createdAt")
      SELECT gen_random_uuid(), ${unitId},
        md5(${ref(unit, "person")} || (1 + floor(${people} * ${u(i, 41)}))::bigint)::uuid,
        md5(${ref(unit, "officer")} || (1 + floor(${OFFICER_COUNT} * ${u(i, 42)}))::int)::uuid,
        ${pick(CONTACT_TYPES, u(i, 43))}::"ContactType", ${pick(CONTACT_METHODS, u(i, 44))}::"ContactMethod",
        c.at, true, c.at
      FROM generate_series(${contactsFrom}::bigint, ${contactsTo}::bigint) i
      CROSS JOIN LATERAL (
        SELECT ${now}::timestamptz - make_interval(mins => floor(${u(i, 45)} * ${DAYS * 1440})::int) AS at) c`,
    Prisma.sql`
      INSERT INTO "Consent" (id, "personId", "agencyId", scope, method, "givenAt", "recordedById", "createdAt")
      SELECT md5(${ref(unit, "consent")} || b.g)::uuid, b.person_id, ${agency}, 'Name, safe contact method and support need',
        'VERBAL', b.reported_at + interval '1 day', b.officer_id, b.reported_at + interval '1 day'
      FROM syn_batch b
      WHERE ${u(b, 51)} < 0.08 AND b.reported_at + interval '1 day' < ${now}::timestamptz`,
    Prisma.sql`
      INSERT INTO "Referral" (id, "unitId", "agencyId", "personId", "reportId", "consentId", "supportNeeded", status,
        "createdById", "isDemo", "createdAt", "updatedAt")
      SELECT md5(${ref(unit, "referral")} || b.g)::uuid, ${unitId}, ${agency}, b.person_id, b.id, md5(${ref(unit, "consent")} || b.g)::uuid,
        'Support after a report (synthetic)', ${pick(REFERRAL_STATUSES, u(b, 52))}::"ReferralStatus", b.officer_id, true,
        b.reported_at + interval '1 day', b.reported_at + interval '1 day'
      FROM syn_batch b
      WHERE ${u(b, 51)} < 0.08 AND b.reported_at + interval '1 day' < ${now}::timestamptz`,
  ];
}

async function rebuildSummaries(client: pg.Client, unitId: Prisma.Sql, bar: Bar): Promise<void> {
  const months = await run(
    client,
    Prisma.sql`SELECT generate_series(dashboard_month(min("reportedAt")), dashboard_month(max("reportedAt")), '1 month')::date::text AS month
      FROM "IncidentReport" WHERE "unitId" = ${unitId}`,
  );
  const list = months.rows.map((r: { month: string }) => r.month);
  const progress = bar("Summary", list.length);
  for (const [index, month] of list.entries()) {
    await run(client, Prisma.sql`SELECT dashboard_rebuild_month(${unitId}, ${month}::date)`);
    progress.update(index + 1);
  }
  await run(client, Prisma.sql`SELECT dashboard_rebuild_contacts(${unitId})`);
  await run(client, Prisma.sql`SELECT dashboard_rebuild_referrals(${unitId})`);
  progress.finish();
}

export async function seedLarge(
  databaseUrl: string,
  opts: { reports: number; units?: number; force?: boolean; now?: Date; log?: Log; bar?: Bar },
): Promise<SeedLargeResult> {
  const units = Array.from({ length: opts.units ?? 1 }, (_, n) => synUnit(n));
  const log = opts.log ?? (() => undefined);
  const bar: Bar = opts.bar ?? ((label, total) => progressBar(label, total));
  const now = opts.now ?? new Date();
  const people = Math.max(1, Math.ceil(opts.reports * PEOPLE_PER_REPORT));
  const started = performance.now();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const refused = await reasonNotToSeedLarge(client, opts.force ?? false);
    if (refused) return refused;
    await client.query("BEGIN");
    try {
      await prepareSession(client);
      await insertOrganisationsAndAccounts(client, now);
      const passwordHash = await hashPassword(DEMO_PASSWORD);
      for (const unit of units) {
        await drawForUnit(client, unit);
        await insertUnit(client, unit, now, passwordHash);
        const of = units.length > 1 ? ` in unit ${unit.n + 1} of ${units.length}` : "";
        log(
          `Generating ${opts.reports.toLocaleString("en-GB")} reports for ${people.toLocaleString("en-GB")} people${of}…`,
        );
        await insertPeople(client, unit, people, now, bar);
        const progress = bar("Reports", opts.reports);
        for (let from = 1; from <= opts.reports; from += BATCH) {
          const to = Math.min(opts.reports, from + BATCH - 1);
          for (const statement of batchStatements(unit, from, to, people, now)) await run(client, statement);
          progress.update(to);
        }
        progress.finish();
      }
      // Rows are made in SQL, so their personal fields are sealed here, batch by batch, with
      // the same code as `npm run keys:rotate` (docs/decisions/015 has its measured cost).
      const sealing = performance.now();
      const sealed = await rotateFieldKeys(client, fieldKeyRing(), { batchSize: 5000 });
      const took = ((performance.now() - sealing) / 1000).toFixed(1);
      log(`Encrypted ${sealed.rewritten.toLocaleString("en-GB")} rows in ${took}s.`);
      for (const unit of units) await rebuildSummaries(client, unit.id, bar);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
    // Sealing rewrote every personal row: vacuum the old versions away as well.
    log("Vacuuming and updating the planner's statistics…");
    await client.query(
      `VACUUM ANALYZE "Person", "IncidentReport", "Suspect", "CaseEvent", "VictimUpdate", "LiaisonContact", "Consent",
       "Referral", "DashboardReportFact", "DashboardMonthlyCount", "DashboardContactMonth", "DashboardReferralMonth"`,
    );
    return {
      created: true,
      reports: opts.reports * units.length,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await client.end();
  }
}

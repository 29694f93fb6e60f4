// The scheduled purge of expired drafts (docs/decisions/020). It runs as the app's runtime role
// with no signed-in user, so no row scope: it must still reach every unit's drafts (and an
// agency user's), erase only those past the draft period, audit them by id, and with several
// app instances let one of them do the work at a time. Drafts are written and checked as the
// owner, behind the runtime role's back.
import { beforeEach, describe, expect, it } from "vitest";
import pg from "pg";
import { db } from "@/lib/db/client";
import { makeOrganisation, makeUser } from "@/tests/support/factories";
import { ownerDb } from "@/tests/support/owner-db";
import { ownerSql, ownerUrl } from "@/tests/support/owner-sql";
import { purgeExpiredDrafts, scheduleDraftPurge } from "./purge-drafts";
import { retentionRules } from "./rules";

const rules = retentionRules(undefined);
const DAY = 86_400_000;

async function draftAged(ownerId: string, days: number): Promise<string> {
  const draft = await ownerDb().draft.create({ data: { ownerId, kind: "report", step: "1", data: {} } });
  await ownerSql().query(`UPDATE "Draft" SET "updatedAt" = $2 WHERE id = $1`, [
    draft.id,
    new Date(Date.now() - days * DAY),
  ]);
  return draft.id;
}

async function remaining(ids: string[]): Promise<string[]> {
  const { rows } = await ownerSql().query<{ id: string }>(
    `SELECT id FROM "Draft" WHERE id = ANY($1::uuid[]) ORDER BY id`,
    [ids],
  );
  return rows.map((r) => r.id);
}

describe("the scheduled purge of expired drafts", () => {
  // Each test counts the drafts it erases: none are left over from the one before.
  beforeEach(async () => {
    await ownerSql().query(`DELETE FROM "Draft"`);
  });

  it("erases every unit's drafts past the draft period, and only those, with no user signed in", async () => {
    const north = await makeUser("LIAISON_OFFICER", (await makeOrganisation()).id);
    const south = await makeUser("SUPERVISOR", (await makeOrganisation()).id);
    const agency = await makeUser("PARTNER", (await makeOrganisation("PARTNER_AGENCY")).id);
    const expired = [
      await draftAged(north.id, rules.draftDays + 1),
      await draftAged(south.id, rules.draftDays + 40),
      await draftAged(agency.id, rules.draftDays + 2),
    ];
    const kept = [await draftAged(north.id, rules.draftDays - 1), await draftAged(south.id, 0)];

    expect(await purgeExpiredDrafts(rules)).toBe(3);
    expect(await remaining([...expired, ...kept])).toEqual([...kept].sort());

    const audit = await ownerSql().query<{ actorId: string | null; recordIds: string[] }>(
      `SELECT "actorId", "recordIds" FROM "AuditEvent" WHERE action = 'retention.drafts.purge'`,
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]?.actorId).toBeNull();
    expect([...(audit.rows[0]?.recordIds ?? [])].sort()).toEqual([...expired].sort());

    // Nothing left to do: no second audit event.
    expect(await purgeExpiredDrafts(rules)).toBe(0);
    const after = await ownerSql().query(
      `SELECT 1 FROM "AuditEvent" WHERE action = 'retention.drafts.purge'`,
    );
    expect(after.rowCount).toBe(1);
  });

  it("follows the configured draft period", async () => {
    const officer = await makeUser("LIAISON_OFFICER", (await makeOrganisation()).id);
    const tenDays = await draftAged(officer.id, 10);
    const threeDays = await draftAged(officer.id, 3);
    const week = retentionRules(JSON.stringify({ draftDays: 7 }));
    expect(await purgeExpiredDrafts(week)).toBe(1);
    expect(await remaining([tenDays, threeDays])).toEqual([threeDays]);
  });

  it("lets one instance purge at a time: a run that finds the lock taken does nothing", async () => {
    const officer = await makeUser("LIAISON_OFFICER", (await makeOrganisation()).id);
    const old = await draftAged(officer.id, rules.draftDays + 5);
    // Another instance, mid-purge, holds the lock.
    const other = new pg.Client({ connectionString: ownerUrl() });
    await other.connect();
    try {
      await other.query("BEGIN");
      await other.query("SELECT pg_advisory_xact_lock(7305210260010::bigint)");
      expect(await purgeExpiredDrafts(rules)).toBeNull();
      expect(await remaining([old])).toEqual([old]);
      await other.query("COMMIT");
    } finally {
      await other.end();
    }
    expect(await purgeExpiredDrafts(rules)).toBe(1);
    expect(await remaining([old])).toEqual([]);
  });

  it("runs at once when scheduled, as every app instance does at start", async () => {
    const officer = await makeUser("LIAISON_OFFICER", (await makeOrganisation()).id);
    const old = await draftAged(officer.id, rules.draftDays + 1);
    const schedule = scheduleDraftPurge(60 * 60 * 1000);
    try {
      await expect.poll(() => remaining([old]), { timeout: 10_000 }).toEqual([]);
    } finally {
      schedule.stop();
    }
  });

  it("refuses a period shorter than a day, so the runtime role cannot erase fresh drafts", async () => {
    const officer = await makeUser("LIAISON_OFFICER", (await makeOrganisation()).id);
    const fresh = await draftAged(officer.id, 0);
    await expect(db().$queryRaw`SELECT liaison_purge_expired_drafts(0) AS id`).rejects.toThrow(
      /at least one day/,
    );
    await expect(db().$queryRaw`SELECT liaison_purge_expired_drafts(-5) AS id`).rejects.toThrow();
    expect(await remaining([fresh])).toEqual([fresh]);
  });
});

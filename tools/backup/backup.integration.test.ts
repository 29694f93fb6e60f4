// The backup round trip (docs/decisions/020): a database with cases, dashboard summaries and
// a chained audit log is backed up to an encrypted file, restored into a scratch database,
// and found identical: every table's row count, the audit chain, and the dashboard figures.
// The file holds none of the seeded plaintext, and a wrong key or a changed byte is refused.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import { recordAudit } from "@/lib/audit/record-audit";
import { createPrismaClient, db } from "@/lib/db/client";
import { getDashboard } from "@/lib/dashboard/queries";
import { cohortOf, STUDY_MIX } from "@/tests/support/dashboard-cohorts";
import { writeCohort } from "@/tests/support/dashboard-factories";
import { makeOrganisation, makePerson, signedIn } from "@/tests/support/factories";
import { ownerUrl } from "@/tests/support/owner-sql";
import { verifyAuditChain } from "@/tools/audit/verify";
import { createDatabase, dropDatabase, withDatabase } from "@/tools/db/server";
import { backupDatabase, restoreDatabase } from "./backup";
import { backupKeyFrom } from "./envelope";
import { tablesInOrder } from "./dump";

const dir = mkdtempSync(join(tmpdir(), "liaison-backup-"));
const scratch: string[] = [];
const adminUrl = process.env.TEST_ADMIN_DATABASE_URL!;
const key = backupKeyFrom({ LIAISON_BACKUP_KEY: "integration-test-backup-key-that-is-long-enough" });
const NOW = new Date("2026-05-14T10:00:00Z");

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  for (const name of scratch) await dropDatabase(adminUrl, name);
});

async function newScratch(): Promise<string> {
  const name = `liaison_r_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  scratch.push(name);
  await createDatabase(adminUrl, name);
  return withDatabase(adminUrl, name);
}

async function rowCounts(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const counts: Record<string, number> = {};
    for (const table of await tablesInOrder(client)) {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${client.escapeIdentifier(table)}`,
      );
      counts[table] = rows[0]!.n;
    }
    return counts;
  } finally {
    await client.end();
  }
}

describe("db:backup and db:restore", () => {
  it("restores every row, the audit chain and the dashboard figures from an encrypted file", async () => {
    const unit = await makeOrganisation();
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    const secretName = `Legal name ${randomUUID()}`;
    const person = await makePerson(unit.id, `Working ${randomUUID().slice(0, 6)}`);
    await db().person.update({ where: { id: person.id }, data: { legalName: secretName } });
    await writeCohort(unit.id, cohortOf(STUDY_MIX, "2025-03-10"));
    for (let i = 0; i < 3; i += 1)
      await recordAudit(db(), {
        actor: supervisor,
        action: "person.view",
        recordType: "Person",
        recordId: randomUUID(),
        outcome: "SUCCESS",
      });

    const before = await getDashboard(supervisor, { period: "all" }, { now: NOW });
    expect(before?.headline.received).toBe(86);
    const sourceCounts = await rowCounts(ownerUrl());
    expect(sourceCounts.AuditEvent).toBeGreaterThan(3);
    expect(sourceCounts.DashboardReportFact).toBe(86);

    const file = join(dir, "round-trip.lbk");
    const progress: string[] = [];
    await backupDatabase(ownerUrl(), file, key, (line) => progress.push(line));
    expect(progress.some((l) => l.startsWith("IncidentReport: 86 rows"))).toBe(true);

    // Encrypted at rest: neither the legal name nor a table name is in the file.
    const bytes = readFileSync(file);
    expect(bytes.includes(Buffer.from(secretName))).toBe(false);
    expect(bytes.includes(Buffer.from("IncidentReport"))).toBe(false);
    expect(bytes.includes(Buffer.from(`"keyId":"${key.id}"`))).toBe(true);

    const target = await newScratch();
    const restored = await restoreDatabase(file, target, key);
    expect(restored.rows).toEqual(sourceCounts);
    expect(await rowCounts(target)).toEqual(sourceCounts);

    const chain = await verifyAuditChain(target);
    const sourceChain = await verifyAuditChain(ownerUrl());
    expect(chain).toMatchObject({ ok: true, events: sourceCounts.AuditEvent });
    expect(chain).toEqual(sourceChain);

    // The dashboard read through the normal client, on the restored database, is the same.
    const restoredClient = createPrismaClient(target, 2);
    try {
      const after = await getDashboard(supervisor, { period: "all" }, { now: NOW, client: restoredClient });
      expect(after?.headline).toEqual(before?.headline);
      expect(after?.funnel).toEqual(before?.funnel);
      expect(after?.totals).toEqual(before?.totals);
    } finally {
      await restoredClient.$disconnect();
    }
  }, 120_000);

  it("refuses a file under another key or with a changed byte, and commits nothing", async () => {
    await makeOrganisation();
    const file = join(dir, "tamper.lbk");
    await backupDatabase(ownerUrl(), file, key);

    const wrong = backupKeyFrom({ LIAISON_BACKUP_KEY: "a-different-backup-key-that-is-long-enough-too" });
    await expect(restoreDatabase(file, await newScratch(), wrong)).rejects.toThrow(/encrypted with key/);

    const bytes = readFileSync(file);
    const at = bytes.length - 40;
    bytes[at] = bytes[at]! ^ 0x01;
    const tampered = join(dir, "tampered.lbk");
    writeFileSync(tampered, bytes);
    const target = await newScratch();
    await expect(restoreDatabase(tampered, target, key)).rejects.toThrow();
    const counts = await rowCounts(target);
    expect(counts.Organisation).toBe(0);
    expect(counts.AuditEvent).toBe(0);
  }, 120_000);
});

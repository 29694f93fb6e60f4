import { afterAll, describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { FieldDecryptionError, keyRingFromMaster, type KeyRing } from "@/lib/crypto/field-cipher";
import { masterKeyBytes } from "@/lib/crypto/keys";
import { fieldKeyEnv } from "@/lib/env";
import { makeOrganisation, makePerson, makeReport } from "@/tests/support/factories";
import { ownerDb } from "@/tests/support/owner-db";
import { ownerSql, ownerUrl } from "@/tests/support/owner-sql";
import { withFieldEncryption } from "./encryption";
import { rotateFieldKeys } from "./encryption-rotate";

const raw = { query: (text: string, values?: unknown[]) => ownerSql().query(text, values) };
const master = masterKeyBytes(fieldKeyEnv().LIAISON_MASTER_KEY);
const clients: PrismaClient[] = [];
afterAll(async () => {
  await Promise.all(clients.map((c) => c.$disconnect()));
});

// An app instance configured with the given key list.
function appWith(ids: string[]): { client: PrismaClient; ring: KeyRing } {
  const ring = keyRingFromMaster(master, ids);
  const client = withFieldEncryption(
    new PrismaClient({ adapter: new PrismaPg({ connectionString: ownerUrl(), max: 3 }) }),
    () => ring,
  );
  clients.push(client);
  return { client, ring };
}

async function peopleIn(unitId: string, count: number) {
  const people = [];
  for (let i = 0; i < count; i++) {
    const p = await makePerson(unitId, `Rotation ${i}`);
    await ownerDb().person.update({
      where: { id: p.id },
      data: { legalName: `Legal name ${i}`, phone: `07700 9${String(i).padStart(5, "0")}` },
    });
    people.push(p.id);
  }
  return people;
}

async function keyIdsIn(unitId: string): Promise<string[]> {
  const rows = await raw.query(
    `SELECT DISTINCT split_part(v, '.', 2) AS k FROM "Person", unnest(ARRAY["legalName", phone]) v
      WHERE "unitId" = $1 AND v IS NOT NULL ORDER BY 1`,
    [unitId],
  );
  return rows.rows.map((r) => r.k);
}

describe("npm run keys:rotate", () => {
  it("re-encrypts under the new key while the app writes, loses no write, and the old key can then be retired", async () => {
    const unit = await makeOrganisation();
    const ids = await peopleIn(unit.id, 60);
    const report = await makeReport(unit.id, { narrative: "Written under the old key." });
    expect(await keyIdsIn(unit.id)).toEqual(["k1"]);

    // Every instance now has the new key first; the old one stays readable.
    const app = appWith(["k2", "k1"]);
    const expected = new Map(ids.map((id, i) => [id, `Legal name ${i}`]));
    let raced = false;
    let writing = true;
    const writer = (async () => {
      for (let n = 0; writing; n++) {
        const id = ids[n % ids.length]!;
        const name = `Written while rotating ${n}`;
        await app.client.person.update({ where: { id }, data: { legalName: name } });
        expected.set(id, name);
      }
    })();
    const result = await rotateFieldKeys(raw, app.ring, {
      batchSize: 7,
      models: ["Person", "IncidentReport"],
      // Between the read of a batch and its write, the app changes one of its rows.
      afterRead: async (model, batch) => {
        if (model !== "Person" || raced || batch.length === 0) return;
        raced = true;
        await app.client.person.update({
          where: { id: batch[0]! },
          data: { legalName: "Changed mid-batch" },
        });
        expected.set(batch[0]!, "Changed mid-batch");
      },
    });
    writing = false;
    await writer;

    expect(result.retried).toBeGreaterThanOrEqual(1);
    expect(result.left).toBe(0);
    expect(await keyIdsIn(unit.id)).toEqual(["k2"]);

    // With k1 dropped from the list everything still opens, and every write survived.
    const retired = appWith(["k2"]);
    const people = await retired.client.person.findMany({
      where: { id: { in: ids } },
      select: { id: true, legalName: true, phone: true },
    });
    expect(people).toHaveLength(60);
    for (const p of people) expect(p.legalName).toBe(expected.get(p.id));
    expect(people.every((p) => p.phone?.startsWith("07700 9"))).toBe(true);
    expect(
      (
        await retired.client.incidentReport.findUniqueOrThrow({
          where: { id: report.id },
          select: { narrative: true },
        })
      ).narrative,
    ).toBe("Written under the old key.");
    // An instance that only knows the old key can no longer read them.
    const stale = appWith(["k1"]);
    await expect(stale.client.person.findUniqueOrThrow({ where: { id: ids[0]! } })).rejects.toThrow(
      FieldDecryptionError,
    );
  });

  it("a stopped run continues where it left off: what is already under the new key is skipped", async () => {
    const unit = await makeOrganisation();
    await peopleIn(unit.id, 12);
    // The first test's rows (under k2) are in this database too: the list still reads them.
    const { ring } = appWith(["k3", "k2", "k1"]);
    const before = await raw.query(
      `SELECT count(*)::int AS n FROM "Person" WHERE "legalName" LIKE 'enc1.k3.%'`,
    );
    expect(before.rows[0].n).toBe(0);

    const first = await rotateFieldKeys(raw, ring, { batchSize: 5, models: ["Person"], stopAfter: 5 });
    expect(first.rewritten).toBe(5);
    const second = await rotateFieldKeys(raw, ring, { batchSize: 5, models: ["Person"] });
    expect(second.skipped).toBeGreaterThanOrEqual(5);
    expect(second.rewritten).toBeGreaterThan(0);
    const third = await rotateFieldKeys(raw, ring, { batchSize: 5, models: ["Person"] });
    expect(third.rewritten).toBe(0);
    expect(third.skipped).toBe(third.examined);
    const stillOld = await raw.query(
      `SELECT count(*)::int AS n FROM "Person" WHERE "legalName" IS NOT NULL AND "legalName" NOT LIKE 'enc1.k3.%'`,
    );
    expect(stillOld.rows[0].n).toBe(0);
  });

  it("seals values written before encryption existed and fills in missing identifier hashes", async () => {
    const unit = await makeOrganisation();
    const person = await makePerson(unit.id, "Legacy");
    const report = await makeReport(unit.id, { personId: person.id });
    await raw.query(`UPDATE "Person" SET "legalName" = 'Plain Legacy Name' WHERE id = $1`, [person.id]);
    const suspect = await ownerDb().suspect.create({ data: { reportId: report.id } });
    await raw.query(
      `INSERT INTO "SuspectIdentifier" (id, "suspectId", "unitId", kind, value, normalised)
       VALUES (gen_random_uuid(), $1, $2, 'VEHICLE_REGISTRATION', 'ab12 cde', 'AB12CDE')`,
      [suspect.id, unit.id],
    );
    const { client, ring } = appWith(["k3", "k2", "k1"]);
    await rotateFieldKeys(raw, ring, { models: ["Person", "SuspectIdentifier"] });
    const stored = await raw.query(
      `SELECT p."legalName", i.value, i.normalised, i."normalisedKey" FROM "Person" p, "SuspectIdentifier" i
        WHERE p.id = $1 AND i."suspectId" = $2`,
      [person.id, suspect.id],
    );
    expect(JSON.stringify(stored.rows)).not.toMatch(/Legacy Name|AB12CDE|ab12 cde/);
    expect(stored.rows[0].normalisedKey).toBeTruthy();
    const found = await client.suspectIdentifier.findMany({
      where: { unitId: unit.id, normalised: "AB12CDE" },
      select: { value: true },
    });
    expect(found).toEqual([{ value: "ab12 cde" }]);
  });
});

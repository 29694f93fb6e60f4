import { describe, expect, it } from "vitest";
import { FieldDecryptionError, identifierKey } from "@/lib/crypto/field-cipher";
import { fieldKeyRing } from "@/lib/crypto/keys";
import { findLinkedReports } from "@/lib/suspects/links";
import { findAlertMatchesForReport } from "@/lib/alerts/queries";
import { createAlert } from "@/lib/alerts/draft-alert";
import { approveAlert, submitAlert } from "@/lib/alerts/review-alert";
import { seedDemo } from "@/prisma/seed/demo";
import { planDemo, type DemoRows } from "@/prisma/seed/plan";
import { makeOrganisation, makePerson, makeReport, signedIn } from "@/tests/support/factories";
import { makeSuspect } from "@/tests/support/case-factories";
import { ownerDb } from "@/tests/support/owner-db";
import { ownerSql } from "@/tests/support/owner-sql";
import { ENCRYPTED_FIELDS, JSON_FIELDS } from "./encryption-fields";

// The database read as its owner would read it, with no decryption in between.
const raw = ownerSql();

const now = new Date("2026-11-20T12:00:00Z");

// Which demo rows feed each table with encrypted columns.
const DEMO_TABLES: Partial<Record<keyof typeof ENCRYPTED_FIELDS, keyof DemoRows>> = {
  Person: "people",
  IncidentReport: "reports",
  Suspect: "suspects",
  SuspectIdentifier: "identifiers",
  CaseEvent: "events",
  LiaisonContact: "contacts",
  Consent: "consents",
  SharingOverride: "overrides",
  Referral: "referrals",
  ReferralUpdate: "referralUpdates",
  RiskAssessment: "riskAssessments",
  SafeguardingRecord: "safeguarding",
  ThirdPartySubmission: "submissions",
  SafetyAlert: "alerts",
  SafetyAlertIdentifier: "alertIdentifiers",
};

function stringsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === "object") return Object.values(value).flatMap(stringsIn);
  return [];
}

// Every text the demo put in an encrypted column: whole values, and in JSON its free-text
// strings (choice codes and area names, which are kept in clear elsewhere, are left out).
function seededPlaintext(rows: DemoRows): Map<string, string> {
  const found = new Map<string, string>();
  for (const [model, key] of Object.entries(DEMO_TABLES)) {
    for (const row of rows[key] as Record<string, unknown>[]) {
      for (const field of ENCRYPTED_FIELDS[model as keyof typeof ENCRYPTED_FIELDS]) {
        const json = JSON_FIELDS.has(`${model}.${field}`);
        for (const text of stringsIn(row[field]))
          if (json ? text.length >= 20 && !/^[A-Z_]+$/.test(text) : text.length >= 6)
            found.set(text, `${model}.${field}`);
      }
    }
  }
  return found;
}

async function rawDump(): Promise<Map<string, string>> {
  const tables = await raw.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  const dump = new Map<string, string>();
  for (const { name } of tables.rows) {
    const rows = await raw.query<{ t: string }>(`SELECT t::text AS t FROM "${name}" t`);
    dump.set(name, rows.rows.map((r) => r.t).join("\n"));
  }
  return dump;
}

describe("personal data is encrypted at rest", () => {
  it("the demo data, read raw as the database owner, holds none of its names, birth dates, phones or narratives", async () => {
    expect((await seedDemo(ownerDb(), { now })).created).toBe(true);
    const rows = planDemo(now);
    const person = rows.people.find((p) => p.legalName && p.phone)!;
    expect(person).toBeDefined();
    // The demo records no dates of birth or drafts: add one of each through the app's client.
    await ownerDb().person.update({ where: { id: person.id! }, data: { dateOfBirth: "1994-07-23" } });
    const owner = await ownerDb().user.findFirstOrThrow({ where: { isDemo: true }, select: { id: true } });
    await ownerDb().draft.create({
      data: {
        ownerId: owner.id,
        kind: "intake",
        step: "account",
        data: { narrative: "He took my phone at the bus depot" },
      },
    });

    const plaintext = seededPlaintext(rows);
    plaintext.set("1994-07-23", "Person.dateOfBirth");
    plaintext.set("He took my phone at the bus depot", "Draft.data");
    // The scan must have something to find: every kind the issue names is among it.
    const kinds = new Set(plaintext.values());
    for (const kind of [
      "Person.legalName",
      "Person.phone",
      "IncidentReport.narrative",
      "SuspectIdentifier.value",
      "Suspect.description",
    ])
      expect(kinds).toContain(kind);

    const dump = await rawDump();
    const leaks: string[] = [];
    for (const [text, source] of plaintext)
      for (const [table, content] of dump)
        if (content.includes(text)) leaks.push(`${source} in ${table}: ${text}`);
    expect(leaks).toEqual([]);

    // Every stored value of an encrypted column is sealed (or empty), and the app reads it back.
    for (const [model, fields] of Object.entries(ENCRYPTED_FIELDS))
      for (const field of fields) {
        const open = await raw.query(
          `SELECT count(*)::int AS n FROM "${model}" WHERE "${field}" IS NOT NULL AND "${field}"::text NOT LIKE '%enc1.%' AND "${field}"::text <> ''`,
        );
        expect(open.rows[0].n, `${model}.${field}`).toBe(0);
      }
    const back = await ownerDb().person.findUniqueOrThrow({
      where: { id: person.id! },
      select: { legalName: true, phone: true, dateOfBirth: true },
    });
    expect(back).toEqual({ legalName: person.legalName, phone: person.phone, dateOfBirth: "1994-07-23" });
    const draft = await ownerDb().draft.findFirstOrThrow({
      where: { ownerId: owner.id },
      select: { data: true },
    });
    expect(draft.data).toEqual({ narrative: "He took my phone at the bus depot" });
  });

  it("a ciphertext copied to another row, or to another column of its row, does not open", async () => {
    const unit = await makeOrganisation();
    const megan = await makePerson(unit.id, "Jade");
    const other = await makePerson(unit.id, "Star");
    await ownerDb().person.update({
      where: { id: megan.id },
      data: { legalName: "Megan Price", phone: "07700 900123" },
    });
    const stored = await raw.query(`SELECT "legalName" FROM "Person" WHERE id = $1`, [megan.id]);
    const sealed: string = stored.rows[0].legalName;
    expect(sealed).toMatch(/^enc1\.k1\./);

    await raw.query(`UPDATE "Person" SET "legalName" = $1 WHERE id = $2`, [sealed, other.id]);
    await expect(
      ownerDb().person.findUniqueOrThrow({ where: { id: other.id }, select: { legalName: true } }),
    ).rejects.toThrow(FieldDecryptionError);

    await raw.query(`UPDATE "Person" SET "phone" = $1 WHERE id = $2`, [sealed, megan.id]);
    await expect(ownerDb().person.findUniqueOrThrow({ where: { id: megan.id } })).rejects.toThrow(
      FieldDecryptionError,
    );

    // One changed character of the sealed bytes is refused too.
    const last = sealed.at(-1) === "A" ? "B" : "A";
    await raw.query(`UPDATE "Person" SET "phone" = NULL, "legalName" = $1 WHERE id = $2`, [
      sealed.slice(0, -1) + last,
      megan.id,
    ]);
    await expect(
      ownerDb().person.findUniqueOrThrow({ where: { id: megan.id }, select: { legalName: true } }),
    ).rejects.toThrow(FieldDecryptionError);
  });
});

describe("identifiers are matched through keyed hashes", () => {
  it("reports link and alerts match on identifiers that are stored only encrypted and hashed", async () => {
    const unit = await makeOrganisation();
    const agency = await makeOrganisation("PARTNER_AGENCY");
    await ownerDb().unitAgencyLink.create({ data: { unitId: unit.id, agencyId: agency.id } });
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    const first = await makeReport(unit.id);
    const second = await makeReport(unit.id);
    await makeSuspect(first.id, [
      ["VEHICLE_REGISTRATION", "zc19 ktw"],
      ["PHONE_NUMBER", "+44 (0)7700 900812"],
    ]);
    await makeSuspect(second.id, [["PHONE_NUMBER", "07700900812"]]);

    // Raw, the identifiers hold neither the typed nor the normalised value; the index holds
    // the keyed hash, which is not a plain hash anyone could compute without the key.
    const stored = await raw.query(
      `SELECT value, normalised, "normalisedKey" FROM "SuspectIdentifier" WHERE "unitId" = $1`,
      [unit.id],
    );
    expect(stored.rows).toHaveLength(3);
    const text = JSON.stringify(stored.rows);
    for (const plain of ["ZC19KTW", "zc19 ktw", "+447700900812", "07700900812", "900812"])
      expect(text).not.toContain(plain);
    const keys = stored.rows.map((r) => r.normalisedKey);
    expect(keys).toContain(identifierKey(fieldKeyRing(), "+447700900812"));
    expect(keys.filter((k) => k === identifierKey(fieldKeyRing(), "+447700900812"))).toHaveLength(2);

    expect(await findLinkedReports(officer, second.id)).toMatchObject([
      { id: first.id, shared: [{ kind: "PHONE_NUMBER", normalised: "+447700900812" }] },
    ]);

    // An alert drafted from the first report matches a later report with the same vehicle.
    const created = await createAlert(
      officer,
      {
        title: "Man in a silver estate car",
        description: "White man in his 40s",
        vehicles: "ZC19 KTW",
        whatHappened: "Reports to the unit of robbery, February 2026.",
        agencies: [agency.id],
        reports: [first.id],
      },
      new Date("2026-03-09T10:00:00Z"),
    );
    if (created.status !== "done") throw new Error("alert draft refused");
    await submitAlert(officer, created.alertId);
    const when = new Date("2026-03-09T10:00:00Z");
    const expiry = { expiresDay: "7", expiresMonth: "6", expiresYear: "2026" };
    expect(await approveAlert(supervisor, created.alertId, expiry, when)).toMatchObject({ status: "done" });
    const alertRows = await raw.query(
      `SELECT t::text AS t FROM "SafetyAlertIdentifier" t WHERE "alertId" = $1`,
      [created.alertId],
    );
    expect(alertRows.rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(alertRows.rows)).not.toContain("ZC19KTW");
    const later = await makeReport(unit.id);
    await makeSuspect(later.id, [["VEHICLE_REGISTRATION", "ZC19-KTW"]]);
    expect(await findAlertMatchesForReport(officer, later.id, when)).toEqual([
      { id: created.alertId, title: "Man in a silver estate car" },
    ]);
    const unrelated = await makeReport(unit.id);
    await makeSuspect(unrelated.id, [["VEHICLE_REGISTRATION", "ZK68 NRB"]]);
    expect(await findAlertMatchesForReport(officer, unrelated.id, when)).toEqual([]);
  });

  it("refuses a search on an encrypted column instead of silently finding nothing", async () => {
    await expect(ownerDb().person.findMany({ where: { legalName: "Megan Price" } })).rejects.toThrow(
      /encrypted/,
    );
    await expect(
      ownerDb().suspectIdentifier.findMany({ where: { normalised: { contains: "KTW" } } }),
    ).rejects.toThrow(/exact values/);
  });
});

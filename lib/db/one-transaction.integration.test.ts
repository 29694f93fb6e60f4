// A page's use cases share one scoped transaction (lib/db/scope.ts `withOneTransaction`):
// the same transaction for the same scope, their own for another; audit events written at
// its end, in order and chained; nothing kept when any part fails.
import { describe, expect, it } from "vitest";
import { rowScopeOf, withOneTransaction, withRowScope, type RowScope } from "./scope";
import type { Tx } from "./client";
import { db } from "./client";
import { recordAudit } from "@/lib/audit/record-audit";
import { getCaseView } from "@/lib/reports/case-view";
import { getHomeView } from "@/lib/home/home-view";
import { getPersonView } from "@/lib/people/person-view";
import { ownerSql } from "@/tests/support/owner-sql";
import { makeOrganisation, makeReport, signedIn } from "@/tests/support/factories";

const transactionId = async (tx: Tx) =>
  (await tx.$queryRaw<{ id: string }[]>`SELECT txid_current()::text AS id`).map((r) => r.id).join();

// The events of `action` in the order the chain holds them.
async function chained(action: string) {
  const { rows } = await ownerSql().query<{ recordId: string; seq: string; prevHash: string; hash: string }>(
    `SELECT "recordId", seq::text, "prevHash", hash FROM "AuditEvent" WHERE action = $1 ORDER BY seq`,
    [action],
  );
  return rows;
}

describe("withOneTransaction", () => {
  it("runs the use cases of one scope in one transaction, and another scope's in its own", async () => {
    const unit = await makeOrganisation();
    const other = await makeOrganisation();
    const scope: RowScope = { unitId: unit.id, agencyId: null, userId: null };
    const elsewhere: RowScope = { unitId: other.id, agencyId: null, userId: null };

    const { ids, outside } = await withOneTransaction(scope, async () => {
      const ids = await Promise.all([1, 2, 3].map(() => withRowScope(scope, transactionId)));
      const outside = await withRowScope(elsewhere, transactionId);
      return { ids, outside };
    });

    expect(new Set(ids).size).toBe(1);
    expect(outside).not.toBe(ids[0]);
    // Without it, each use case has its own.
    const apart = await Promise.all([1, 2].map(() => withRowScope(scope, transactionId)));
    expect(apart[0]).not.toBe(apart[1]);
  });

  it("writes the audit events at the end, in the order recorded, on the chain", async () => {
    const unit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const action = `test.one-transaction.${unit.id}`;
    let seenDuring = -1;

    await withOneTransaction(rowScopeOf(officer), async () => {
      for (const recordId of ["first", "second", "third"]) {
        await withRowScope(rowScopeOf(officer), (tx) =>
          recordAudit(tx, { actor: officer, action, recordId, outcome: "SUCCESS" }),
        );
      }
      // Not yet written, even as seen from inside the transaction.
      seenDuring = await withRowScope(rowScopeOf(officer), (tx) =>
        tx.auditEvent.count({ where: { action } }),
      );
    });

    expect(seenDuring).toBe(0);
    const chain = await chained(action);
    expect(chain.map((e) => e.recordId)).toEqual(["first", "second", "third"]);
    // Consecutive places on the chain, each linked to the one before.
    const links = chain.slice(1).map((event, i) => ({
      step: Number(event.seq) - Number(chain[i]?.seq),
      linked: event.prevHash === chain[i]?.hash,
    }));
    expect(links).toEqual([
      { step: 1, linked: true },
      { step: 1, linked: true },
    ]);
  });

  it("keeps nothing, audit events included, when any part fails", async () => {
    const unit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const report = await makeReport(unit.id);
    const action = `test.one-transaction-fails.${unit.id}`;

    await expect(
      withOneTransaction(rowScopeOf(officer), async () => {
        await withRowScope(rowScopeOf(officer), async (tx) => {
          await tx.incidentReport.update({ where: { id: report.id }, data: { area: "Changed" } });
          await recordAudit(tx, { actor: officer, action, outcome: "SUCCESS" });
        });
        await withRowScope(rowScopeOf(officer), async () => {
          throw new Error("a later part failed");
        });
      }),
    ).rejects.toThrow("a later part failed");

    expect(await db().auditEvent.count({ where: { action } })).toBe(0);
    const { rows } = await ownerSql().query(`SELECT area FROM "IncidentReport" WHERE id = $1`, [report.id]);
    expect(rows[0].area).toBeNull();
  });
});

describe("the case, person and home pages read in one transaction", () => {
  it("the case view: every piece, the view and the referral list audited", async () => {
    const unit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const report = await makeReport(unit.id, { area: "Newport" });

    const view = await getCaseView(officer, report.id, new Date());

    expect(view.found).toBe(true);
    if (!view.found) return;
    expect(view.report.id).toBe(report.id);
    expect(view.restriction).toMatchObject({ restricted: false });
    expect(view.recording).not.toBeNull();
    expect(view.risk).toEqual({ current: null, earlier: [] });
    expect(view.referrals).toEqual([]);
    const events = await db().auditEvent.findMany({
      where: { actorId: officer.id },
      orderBy: { at: "asc" },
      select: { action: true, recordId: true, outcome: true },
    });
    expect(events).toEqual(
      expect.arrayContaining([
        { action: "report.view", recordId: report.id, outcome: "SUCCESS" },
        { action: "referral.list", recordId: report.id, outcome: "SUCCESS" },
      ]),
    );
  });

  it("the case view of another unit's case: not found, and the look is audited as refused", async () => {
    const unit = await makeOrganisation();
    const other = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const theirs = await makeReport(other.id);

    const view = await getCaseView(officer, theirs.id, new Date());

    expect(view).toEqual({ found: false, notice: null });
    const events = await db().auditEvent.findMany({
      where: { actorId: officer.id },
      select: { action: true, outcome: true },
    });
    expect(events).toEqual([{ action: "report.view", outcome: "DENIED" }]);
  });

  it("the home view: the unit's open reports and its lists", async () => {
    const unit = await makeOrganisation();
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    const report = await makeReport(unit.id);

    const home = await getHomeView(supervisor, 1, new Date());

    expect(home.reports.rows.map((r) => r.id)).toEqual([report.id]);
    expect(home.officers.map((o) => o.id)).toContain(supervisor.id);
    expect(home.submissionsWaiting).toBe(0);
    expect(home.overrides).toEqual([]);
  });

  it("the person view: the person, a page of each list, each audited in order", async () => {
    const unit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const report = await makeReport(unit.id);

    const view = await getPersonView(officer, report.personId, { reports: 1, contacts: 1 }, new Date());

    expect(view?.person.id).toBe(report.personId);
    expect(view?.reports.rows.map((r) => r.id)).toEqual([report.id]);
    expect(view?.contacts.rows).toEqual([]);
    const { rows } = await ownerSql().query<{ action: string }>(
      `SELECT action FROM "AuditEvent" WHERE "actorId" = $1 ORDER BY seq`,
      [officer.id],
    );
    expect(rows[0]?.action).toBe("person.view");
    expect(rows.map((r) => r.action).sort()).toEqual(
      ["consent.list", "contact.list", "person.view", "referral.list"].sort(),
    );
  });
});

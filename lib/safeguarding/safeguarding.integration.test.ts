import { ownerDb } from "@/tests/support/owner-db";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { recordSafeguarding } from "./record-safeguarding";
import { findSafeguardingForReport } from "./queries";
import { makeOrganisation, makeReport, signedIn } from "@/tests/support/factories";

describe("safeguarding records on the case page", () => {
  it("an officer adds a modern-slavery record with the referral made, audited without its content", async () => {
    const unit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const report = await makeReport(unit.id);
    const result = await recordSafeguarding(officer, report.id, {
      concern: "MODERN_SLAVERY",
      referralMade: "yes",
      referredTo: "National Referral Mechanism",
      // Typed, then "yes" was chosen: not kept as if it applied.
      notMadeReason: "Abandoned text",
    });
    expect(result).toMatchObject({ status: "recorded" });
    const records = await findSafeguardingForReport(officer, report.id);
    expect(records).toMatchObject([
      {
        concern: "MODERN_SLAVERY",
        referralMade: true,
        referredTo: "National Referral Mechanism",
        notMadeReason: null,
        recordedBy: officer.name,
      },
    ]);
    const audit = await db().auditEvent.findMany({
      where: { action: "safeguarding.record", recordId: report.id },
    });
    expect(audit).toMatchObject([{ outcome: "SUCCESS", actorId: officer.id }]);
    expect(JSON.stringify(audit)).not.toContain("National Referral");
  });

  it("a supervisor records a child at risk with why no referral was needed", async () => {
    const unit = await makeOrganisation();
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    const report = await makeReport(unit.id);
    const result = await recordSafeguarding(supervisor, report.id, {
      concern: "CHILD_AT_RISK",
      referralMade: "no",
      notMadeReason: "Children's services referred the same day; reference shared with us.",
    });
    expect(result).toMatchObject({ status: "recorded" });
    expect(await ownerDb().safeguardingRecord.findFirst({ where: { reportId: report.id } })).toMatchObject({
      unitId: unit.id,
      referralMade: false,
      referredTo: null,
      recordedById: supervisor.id,
    });
  });

  it("asks who the referral went to, or why none was made, and keeps what was typed", async () => {
    const unit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const report = await makeReport(unit.id);
    expect(
      await recordSafeguarding(officer, report.id, { concern: "ADULT_AT_RISK", referralMade: "yes" }),
    ).toEqual({
      status: "invalid",
      values: { concern: "ADULT_AT_RISK", referralMade: "yes" },
      fieldErrors: { referredTo: "caseSafeguarding.errors.referredToMissing" },
      formError: undefined,
    });
    expect(
      await recordSafeguarding(officer, report.id, { concern: "SOMETHING", referralMade: "no" }),
    ).toMatchObject({
      status: "invalid",
      fieldErrors: {
        concern: "caseSafeguarding.errors.concern",
        notMadeReason: "caseSafeguarding.errors.notMadeReasonMissing",
      },
    });
    expect(await recordSafeguarding(officer, report.id, {})).toMatchObject({
      fieldErrors: {
        concern: "caseSafeguarding.errors.concern",
        referralMade: "caseSafeguarding.errors.referralMade",
      },
    });
    expect(await ownerDb().safeguardingRecord.count({ where: { reportId: report.id } })).toBe(0);
  });

  it("another unit's officer gets not found and sees nothing; partners and administrators are refused", async () => {
    const unit = await makeOrganisation();
    const other = await makeOrganisation();
    const agency = await makeOrganisation("PARTNER_AGENCY");
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const report = await makeReport(unit.id);
    await recordSafeguarding(officer, report.id, {
      concern: "ADULT_AT_RISK",
      referralMade: "yes",
      referredTo: "Adult safeguarding",
    });
    const stranger = await signedIn("LIAISON_OFFICER", other.id);
    const valid = { concern: "CHILD_AT_RISK", referralMade: "yes", referredTo: "Children's services" };
    expect(await recordSafeguarding(stranger, report.id, valid)).toEqual({ status: "not-found" });
    expect(await findSafeguardingForReport(stranger, report.id)).toEqual([]);
    for (const user of [await signedIn("PARTNER", agency.id), await signedIn("ADMIN", unit.id)]) {
      expect(await recordSafeguarding(user, report.id, valid)).toEqual({ status: "not-found" });
      expect(await findSafeguardingForReport(user, report.id)).toBeNull();
    }
    expect(await ownerDb().safeguardingRecord.count({ where: { reportId: report.id } })).toBe(1);
    const denied = await db().auditEvent.count({
      where: { action: "safeguarding.record", recordId: report.id, outcome: "DENIED" },
    });
    expect(denied).toBe(3);
  });
});

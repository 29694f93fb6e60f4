// A report opened from a partner's submission counts on the dashboard: it came through a
// third party, so it "began quiet" (migration 20261201031500_dashboard_third_party_conversions),
// whatever the person first wanted, and it is a conversion once they want a full
// investigation. Intelligence only and contact through the partner (anonymous contact) are
// not yet conversions; a later change to a full investigation is.
import { ownerDb } from "@/tests/support/owner-db";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getDashboard, type Dashboard } from "@/lib/dashboard/queries";
import { updateReport } from "@/lib/reports/update-report";
import { makeOrganisation, signedIn } from "@/tests/support/factories";
import { submitThirdPartyReport } from "./submit";
import { triageSubmission } from "./triage";

const ALL = { period: "all" } as const;

describe("third-party reports on the dashboard", () => {
  it("count as begun quiet, and as converted once the person wants a full investigation", async () => {
    const unit = await makeOrganisation();
    const agency = await makeOrganisation("PARTNER_AGENCY");
    await db().unitAgencyLink.create({ data: { unitId: unit.id, agencyId: agency.id } });
    const partner = await signedIn("PARTNER", agency.id);
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    const reportIds: string[] = [];
    for (const wish of ["INTELLIGENCE_ONLY", "CONTACT_THROUGH_PARTNER", "FULL_INVESTIGATION"]) {
      const sent = await submitThirdPartyReport(partner, {
        unitId: unit.id,
        idempotencyKey: randomUUID(),
        anonymous: "YES",
        wish,
        incidentTypes: ["ROBBERY"],
      });
      if (sent.status !== "submitted") throw new Error("not submitted");
      const triaged = await triageSubmission(supervisor, sent.submissionId, { decision: "NEW_PERSON" });
      if (triaged.status !== "done" || !triaged.reportId) throw new Error("not triaged");
      reportIds.push(triaged.reportId);
    }
    const before = (await getDashboard(supervisor, ALL)) as Dashboard;
    expect(before.totals).toMatchObject({ reports: 3, startedQuiet: 3, converted: 1 });

    // The person who wanted intelligence only now wants a full investigation.
    const first = await ownerDb().incidentReport.findUniqueOrThrow({ where: { id: reportIds[0] } });
    expect(
      await updateReport(supervisor, first.id, {
        version: first.version,
        narrative: first.narrative ?? "",
        area: first.area ?? "",
        incidentTypes: first.incidentTypes,
        personWants: "FULL_INVESTIGATION",
      }),
    ).toMatchObject({ status: "saved" });
    const after = (await getDashboard(supervisor, ALL)) as Dashboard;
    expect(after.totals).toMatchObject({ reports: 3, startedQuiet: 3, converted: 2 });
  });
});

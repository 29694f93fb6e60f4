// The erase confirmation's preview: the person's name and counts (referrals read within the
// supervisor's row scope), for a supervisor of the person's unit only, audited by id.
import { describe, expect, it } from "vitest";
import { ownerDb } from "@/tests/support/owner-db";
import { makeContact } from "@/tests/support/case-factories";
import { makeOrganisation, makeReferral, makeReport, signedIn } from "@/tests/support/factories";
import { erasePreview } from "./confirm";

describe("erase preview", () => {
  it("counts the person's reports, contacts and referrals for their unit's supervisor only", async () => {
    const unit = await makeOrganisation();
    const agency = await makeOrganisation("PARTNER_AGENCY");
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    const referral = await makeReferral(unit.id, agency.id);
    const personId = referral.personId;
    await makeReport(unit.id, { personId });
    await makeReport(unit.id, { personId });
    await makeContact(unit.id, personId);

    const preview = await erasePreview(supervisor, personId);
    expect(preview).toMatchObject({ id: personId, reports: 2, contacts: 1, referrals: 1 });

    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    expect(await erasePreview(officer, personId)).toBeNull();
    const elsewhere = await signedIn("SUPERVISOR", (await makeOrganisation()).id);
    expect(await erasePreview(elsewhere, personId)).toBeNull();

    const audits = await ownerDb().auditEvent.findMany({
      where: { recordId: personId, action: "retention.erase.preview" },
    });
    expect(audits.map((a) => a.actorId)).toEqual([supervisor.id]);
  });
});

import { describe, expect, it } from "vitest";
import { findLinkedReports } from "./links";
import { makeOrganisation, makeReport, signedIn } from "@/tests/support/factories";
import { makeSuspect } from "@/tests/support/case-factories";

describe("linked reports", () => {
  it("reports whose suspects share a registration, typed differently, link both ways", async () => {
    const unit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const supervisor = await signedIn("SUPERVISOR", unit.id);
    const first = await makeReport(unit.id);
    const second = await makeReport(unit.id);
    const unrelated = await makeReport(unit.id);
    await makeSuspect(first.id, [["VEHICLE_REGISTRATION", "zc19 ktw"]]);
    await makeSuspect(second.id, [
      ["VEHICLE_REGISTRATION", "ZC19-KTW"],
      ["PHONE_NUMBER", "07700 900812"],
    ]);
    await makeSuspect(unrelated.id, [["VEHICLE_REGISTRATION", "ZK68 NRB"]]);
    expect(await findLinkedReports(officer, first.id)).toMatchObject([
      {
        id: second.id,
        reference: second.reference,
        shared: [{ kind: "VEHICLE_REGISTRATION", normalised: "ZC19KTW" }],
      },
    ]);
    expect((await findLinkedReports(supervisor, second.id)).map((r) => r.id)).toEqual([first.id]);
    expect(await findLinkedReports(officer, unrelated.id)).toEqual([]);
  });

  it("a phone number and a handle link in their normalised forms", async () => {
    const unit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const first = await makeReport(unit.id);
    const second = await makeReport(unit.id);
    await makeSuspect(first.id, [
      ["PHONE_NUMBER", "+44 (0)7700 900812"],
      ["ONLINE_HANDLE", "@Velvet_Gent"],
    ]);
    await makeSuspect(second.id, [
      ["PHONE_NUMBER", "07700900812"],
      ["ONLINE_HANDLE", "velvet_gent"],
    ]);
    const [link] = await findLinkedReports(officer, second.id);
    expect(link?.shared).toEqual(
      expect.arrayContaining([
        { kind: "PHONE_NUMBER", normalised: "+447700900812" },
        { kind: "ONLINE_HANDLE", normalised: "velvet_gent" },
      ]),
    );
  });

  it("links stay inside the unit", async () => {
    const unit = await makeOrganisation();
    const otherUnit = await makeOrganisation();
    const officer = await signedIn("LIAISON_OFFICER", unit.id);
    const outsider = await signedIn("LIAISON_OFFICER", otherUnit.id);
    const ours = await makeReport(unit.id);
    const theirs = await makeReport(otherUnit.id);
    await makeSuspect(ours.id, [["VEHICLE_REGISTRATION", "ZC19KTW"]]);
    await makeSuspect(theirs.id, [["VEHICLE_REGISTRATION", "ZC19KTW"]]);
    expect(await findLinkedReports(officer, ours.id)).toEqual([]);
    expect(await findLinkedReports(outsider, ours.id)).toEqual([]);
  });

  it("partners and administrators never see links", async () => {
    const unit = await makeOrganisation();
    const agency = await makeOrganisation("PARTNER_AGENCY");
    const first = await makeReport(unit.id);
    const second = await makeReport(unit.id);
    await makeSuspect(first.id, [["ONLINE_HANDLE", "quiet_caller12"]]);
    await makeSuspect(second.id, [["ONLINE_HANDLE", "@quiet_caller12"]]);
    for (const user of [
      await signedIn("PARTNER", agency.id),
      await signedIn("PARTNER", unit.id),
      await signedIn("ADMIN", unit.id),
    ]) {
      expect(await findLinkedReports(user, first.id)).toEqual([]);
    }
  });
});

import { describe, expect, it } from "vitest";
import { identifiersOf, prefillAlert, type PrefillReport } from "./prefill";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const report = (over: Partial<PrefillReport>): PrefillReport => ({
  id: "r",
  reportedAt: new Date("2026-03-20T10:00:00Z"),
  incidentFrom: null,
  incidentTo: null,
  area: null,
  incidentTypes: [],
  suspects: [],
  ...over,
});

describe("an alert's first draft from its reports", () => {
  it("takes the suspects' descriptions and identifiers once each, and notes where each part came from", () => {
    const prefill = prefillAlert([
      report({
        area: "Newport city centre",
        incidentTypes: ["ROBBERY"],
        incidentFrom: new Date("2026-02-10T22:00:00Z"),
        suspects: [
          {
            description: "Man in his 40s, silver estate",
            identifiers: [
              { kind: "VEHICLE_REGISTRATION", value: "ZC19 KTW" },
              { kind: "PHONE_NUMBER", value: "07700 900812" },
            ],
          },
        ],
      }),
      report({
        area: "newport city centre",
        incidentTypes: ["ROBBERY", "THREATS_INTIMIDATION"],
        suspects: [
          {
            description: "man in his 40s, silver estate",
            identifiers: [
              { kind: "VEHICLE_REGISTRATION", value: "zc19-ktw" },
              { kind: "ONLINE_HANDLE", value: "@Velvet_Gent" },
            ],
          },
        ],
      }),
    ]);
    expect(prefill).toMatchObject({
      description: "Man in his 40s, silver estate",
      vehicles: "ZC19 KTW",
      phoneNumbers: "07700 900812",
      onlineHandles: "@Velvet_Gent",
      area: "Newport city centre",
      incidentTypes: ["ROBBERY", "THREATS_INTIMIDATION"],
      months: [day("2026-02-01"), day("2026-03-01")],
      periodFrom: day("2026-02-10"),
      periodTo: day("2026-03-20"),
    });
    expect(prefill.sourceFields).toEqual({
      description: ["suspectDescription"],
      vehicles: ["vehicleRegistration"],
      phoneNumbers: ["phoneNumber"],
      onlineHandles: ["onlineHandle"],
      area: ["area"],
      whatHappened: ["incidentTypes", "incidentDate", "reportedDate"],
      period: ["incidentDate", "reportedDate"],
    });
  });

  it("builds nothing from nothing, and never carries a narrative or a person", () => {
    const prefill = prefillAlert([]);
    expect(prefill).toMatchObject({ description: "", vehicles: "", periodFrom: null, sourceFields: {} });
    expect(Object.keys(prefill)).not.toContain("narrative");
  });

  it("reads a typed list of identifiers, keeping only those that normalise, once each", () => {
    expect(identifiersOf("VEHICLE_REGISTRATION", "ZC19 KTW, zc19ktw; zk68 nrb\n")).toEqual([
      { kind: "VEHICLE_REGISTRATION", normalised: "ZC19KTW" },
      { kind: "VEHICLE_REGISTRATION", normalised: "ZK68NRB" },
    ]);
    expect(identifiersOf("PHONE_NUMBER", "07700 900812, 123")).toEqual([
      { kind: "PHONE_NUMBER", normalised: "+447700900812" },
    ]);
  });
});

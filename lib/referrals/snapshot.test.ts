import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { buildSharedSnapshot, readSharedSnapshot, type SnapshotSource } from "./snapshot";
import { CONSENT_FIELDS } from "@/lib/consent/state";

const source: SnapshotSource = {
  person: {
    workingName: "Robin",
    safeContactMethods: ["IN_PERSON", "PHONE_CALL"],
    safeContactTimes: "Weekday mornings",
    doNotContactRules: "No voicemail",
    language: "WELSH",
    interpreterNeeds: null,
    accessNeeds: "Step-free access",
  },
  reason: "Wants support after an assault",
  supportNeeded: "Emotional support and housing advice",
  report: {
    incidentTypes: ["PHYSICAL_ASSAULT", "ROBBERY"],
    // 31 March 23:30 in London is already April in summer time.
    incidentFrom: new Date("2026-03-31T22:30:00Z"),
    reportedAt: new Date("2026-04-02T10:00:00Z"),
    area: "City centre",
  },
};

// The keys each consented field may add; nothing else may ever appear.
const KEY_OF = {
  WORKING_NAME: "workingName",
  CONTACT_SAFETY: "contactSafety",
  LANGUAGE_AND_ACCESS: "languageAndAccess",
  REFERRAL_REASON: "reason",
  SUPPORT_NEEDED: "supportNeeded",
  INCIDENT_SUMMARY: "incident",
} as const;

describe("the shared snapshot", () => {
  it("carries only the chosen fields, for any choice of fields", () => {
    fc.assert(
      fc.property(fc.subarray([...CONSENT_FIELDS]), (fields) => {
        const snapshot = buildSharedSnapshot(source, fields);
        expect(Object.keys(snapshot).sort()).toEqual(fields.map((f) => KEY_OF[f]).sort());
      }),
    );
  });

  it("gives the incident in general terms: kinds, London month and area, never a day", () => {
    const snapshot = buildSharedSnapshot(source, ["INCIDENT_SUMMARY"]);
    expect(snapshot).toEqual({
      incident: { types: ["PHYSICAL_ASSAULT", "ROBBERY"], month: "2026-03", area: "City centre" },
    });
    const summer = buildSharedSnapshot(
      { ...source, report: { ...source.report!, incidentFrom: new Date("2026-06-30T23:30:00Z") } },
      ["INCIDENT_SUMMARY"],
    );
    expect(summer.incident?.month).toBe("2026-07");
  });

  it("leaves the incident out when no case is named", () => {
    expect(buildSharedSnapshot({ ...source, report: null }, ["INCIDENT_SUMMARY", "WORKING_NAME"])).toEqual({
      workingName: "Robin",
    });
  });

  it("reads back only the known shape", () => {
    const snapshot = buildSharedSnapshot(source, [...CONSENT_FIELDS]);
    expect(readSharedSnapshot(JSON.parse(JSON.stringify(snapshot)))).toEqual(snapshot);
    expect(readSharedSnapshot({ ...snapshot, narrative: "what happened" })).toBeNull();
    expect(readSharedSnapshot(null)).toBeNull();
  });
});

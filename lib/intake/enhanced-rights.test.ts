import { describe, expect, it } from "vitest";
import { decideEnhancedRights } from "./enhanced-rights";

describe("enhanced rights at intake", () => {
  it.each([
    // answer, officer's reason, offence → enhanced, by officer, reason
    ["", "", ["RAPE"], true, false, "Derived from the offence"],
    [
      "NOT_KNOWN",
      "",
      ["ROBBERY"],
      false,
      false,
      "Derived from the offence: not one that gives enhanced rights",
    ],
    ["", "", [], true, false, "Not yet known: treated as enhanced"],
    ["YES", "Persistently targeted", ["ROBBERY"], true, true, "Persistently targeted"],
    ["YES", "", ["ROBBERY"], true, true, "Officer's decision at intake"],
    ["NO", "Told us what happened since", [], false, true, "Told us what happened since"],
    ["NO", "", ["THEFT"], false, true, "Officer's decision at intake"],
    // A victim of a sexual offence is an intimidated witness by law: "no" does not remove it.
    ["NO", "", ["SEXUAL_ASSAULT"], true, false, "Derived from the offence"],
  ] as const)("answer %j with %j for %j", (answer, reason, types, enhanced, byOfficer, why) => {
    expect(decideEnhancedRights(answer, reason, types)).toEqual({ enhanced, byOfficer, reason: why });
  });
});

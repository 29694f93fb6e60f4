import { describe, expect, it } from "vitest";
import { IncidentType } from "@/lib/generated/prisma/enums";
import { deriveEnhancedRights, ENHANCED_INCIDENT_TYPES } from "./enhanced-rights";

describe("enhanced rights derived from the offence", () => {
  it.each(ENHANCED_INCIDENT_TYPES)("%s gives enhanced rights, alone or with others", (type) => {
    expect(deriveEnhancedRights([type])).toEqual({ enhanced: true, basis: "OFFENCE" });
    expect(deriveEnhancedRights(["THEFT", type])).toEqual({ enhanced: true, basis: "OFFENCE" });
  });

  it("treats a report whose incident types are not yet known as enhanced", () => {
    expect(deriveEnhancedRights([])).toEqual({ enhanced: true, basis: "NOT_KNOWN" });
  });

  it("gives standard rights to every other incident type", () => {
    const others = Object.values(IncidentType).filter((t) => !ENHANCED_INCIDENT_TYPES.includes(t));
    expect(others).toContain("ROBBERY");
    for (const type of others) expect(deriveEnhancedRights([type]).enhanced).toBe(false);
  });
});

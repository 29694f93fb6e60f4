import { describe, expect, it } from "vitest";
import { consentState, fieldsOutside } from "./state";
import { readDay } from "./dates";

const now = new Date("2026-06-10T12:00:00Z");
const at = (iso: string) => new Date(iso);

describe("consent state", () => {
  it("is live between giving and expiry, and without an expiry", () => {
    expect(
      consentState({ givenAt: at("2026-06-01T00:00:00Z"), expiresAt: null, withdrawnAt: null }, now),
    ).toBe("live");
    expect(
      consentState(
        { givenAt: at("2026-06-01T00:00:00Z"), expiresAt: at("2026-06-10T12:00:01Z"), withdrawnAt: null },
        now,
      ),
    ).toBe("live");
  });

  it("is expired from the moment of expiry, and withdrawal wins over everything", () => {
    const given = at("2026-06-01T00:00:00Z");
    expect(consentState({ givenAt: given, expiresAt: now, withdrawnAt: null }, now)).toBe("expired");
    expect(
      consentState({ givenAt: given, expiresAt: at("2026-01-01T00:00:00Z"), withdrawnAt: now }, now),
    ).toBe("withdrawn");
  });

  it("is not yet live when given in the future", () => {
    expect(
      consentState({ givenAt: at("2026-06-11T00:00:00Z"), expiresAt: null, withdrawnAt: null }, now),
    ).toBe("not-yet");
  });

  it("names the chosen fields the consent does not allow", () => {
    expect(fieldsOutside(["WORKING_NAME", "INCIDENT_SUMMARY"], ["WORKING_NAME"])).toEqual([
      "INCIDENT_SUMMARY",
    ]);
    expect(fieldsOutside(["WORKING_NAME"], ["WORKING_NAME", "SUPPORT_NEEDED"])).toEqual([]);
  });
});

describe("reading a day typed in boxes", () => {
  it("reads a real day, refuses an impossible one, and knows an empty one", () => {
    expect(readDay({ day: "29", month: "2", year: "2028" })).toEqual({
      status: "ok",
      day: new Date(Date.UTC(2028, 1, 29)),
    });
    expect(readDay({ day: "29", month: "2", year: "2027" })).toEqual({ status: "invalid" });
    expect(readDay({ day: "x", month: "2", year: "2027" })).toEqual({ status: "invalid" });
    expect(readDay({ day: " ", month: "", year: "" })).toEqual({ status: "empty" });
  });
});

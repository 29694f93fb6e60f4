import { describe, expect, it } from "vitest";
import { roleHas } from "@/lib/authz/permissions";
import { parseAlertDraft, parseApproval, parseReason } from "./schema";

const today = new Date("2026-03-09T00:00:00Z");
const agency = "0190f4c2-0000-7000-8000-000000000001";
const reportId = "0190f4c2-0000-7000-8000-000000000002";
const valid = {
  title: "Man in a silver estate car",
  description: "White man in his 40s",
  whatHappened: "Reports of robbery, February 2026.",
  agencies: [agency],
  reports: [reportId],
};

describe("the alert draft form", () => {
  it("accepts a complete draft, trimming text and leaving blanks as nothing", () => {
    const parsed = parseAlertDraft(
      { ...valid, vehicles: "  ", periodFromDay: "1", periodFromMonth: "2", periodFromYear: "2026" },
      today,
    );
    expect(parsed).toEqual({
      ok: true,
      input: expect.objectContaining({
        title: "Man in a silver estate car",
        vehicles: null,
        periodFrom: new Date("2026-02-01T00:00:00Z"),
        periodTo: null,
        agencyIds: [agency],
        reportIds: [reportId],
      }),
    });
  });

  it("reports every missing or wrong part at once", () => {
    const parsed = parseAlertDraft(
      {
        title: "two\nlines",
        periodFromDay: "10",
        periodFromMonth: "3",
        periodFromYear: "2026",
        periodToDay: "1",
        periodToMonth: "3",
        periodToYear: "2026",
        agencies: ["not-an-id"],
      },
      today,
    );
    expect(parsed).toEqual({
      ok: false,
      fieldErrors: {
        title: "alerts.errors.titleOneLine",
        description: "alerts.errors.descriptionMissing",
        whatHappened: "alerts.errors.whatHappenedMissing",
        periodFromDay: "alerts.errors.dateFuture",
        agencies: "alerts.errors.invalid",
        reports: "alerts.errors.reportsMissing",
      },
    });
  });

  it("refuses fields the form does not own, such as a status", () => {
    expect(parseAlertDraft({ ...valid, status: "ACTIVE" }, today)).toMatchObject({
      ok: false,
      formError: "alerts.errors.unknownField",
    });
  });

  it("takes an expiry after today and within a year, and a reason that is not blank", () => {
    const on = (d: string, m: string, y: string) =>
      parseApproval({ expiresDay: d, expiresMonth: m, expiresYear: y }, today);
    expect(on("7", "6", "2026")).toEqual({
      ok: true,
      input: { expiresOn: new Date("2026-06-07T00:00:00Z") },
    });
    expect(on("9", "3", "2026")).toMatchObject({
      ok: false,
      fieldErrors: { expiresDay: "alerts.errors.expiresRange" },
    });
    expect(on("1", "1", "2028")).toMatchObject({
      ok: false,
      fieldErrors: { expiresDay: "alerts.errors.expiresRange" },
    });
    expect(on("", "", "")).toMatchObject({
      ok: false,
      fieldErrors: { expiresDay: "alerts.errors.expiresMissing" },
    });
    expect(parseReason({ reason: " \n " })).toMatchObject({
      ok: false,
      fieldErrors: { reason: "alerts.errors.reasonMissing" },
    });
    expect(parseReason({ reason: "Wrong car" })).toEqual({ ok: true, input: { reason: "Wrong car" } });
  });
});

describe("who may do what with alerts", () => {
  const cases = [
    ["alert:read:unit", ["LIAISON_OFFICER", "SUPERVISOR"]],
    ["alert:draft:unit", ["LIAISON_OFFICER", "SUPERVISOR"]],
    ["alert:approve:unit", ["SUPERVISOR"]],
    ["alert:read:agency", ["PARTNER"]],
  ] as const;
  for (const [permission, allowed] of cases)
    it(`${permission} belongs to ${allowed.join(" and ")} only`, () => {
      for (const role of ["LIAISON_OFFICER", "SUPERVISOR", "PARTNER", "ADMIN"])
        expect(roleHas(role, permission)).toBe((allowed as readonly string[]).includes(role));
    });
});

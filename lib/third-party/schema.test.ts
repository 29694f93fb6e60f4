import { describe, expect, it } from "vitest";
import { parseSubmission, partnerConcerns, triageSchema, WISH_TO_WANTS } from "./schema";
import { LIST_FIELDS, PARTNER_QUESTION_NAMES } from "./questions";
import { STEPS } from "@/lib/intake/questions";

const KEY = "0190f0a0-0000-7000-8000-000000000001";
const UNIT = "0190f0a0-0000-7000-8000-000000000002";
const base = { unitId: UNIT, idempotencyKey: KEY, anonymous: "YES", wish: "INTELLIGENCE_ONLY" };

describe("a partner's report", () => {
  it("asks the intake's own questions, not copies of them", () => {
    const intakeNames = STEPS.flatMap((s) => s.questions.map((q) => q.name));
    for (const name of PARTNER_QUESTION_NAMES) expect(intakeNames).toContain(name);
    expect(PARTNER_QUESTION_NAMES).not.toContain("crimeReference");
  });

  it("accepts an anonymous report with nothing else answered", () => {
    const parsed = parseSubmission(base);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.data).toMatchObject({ anonymous: true, wish: "INTELLIGENCE_ONLY" });
  });

  it("keeps no name for an anonymous person, even one typed before choosing", () => {
    const parsed = parseSubmission({ ...base, workingName: "Jo" });
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.data.answers).not.toHaveProperty("workingName");
  });

  it("needs a working name when the person is not anonymous", () => {
    const parsed = parseSubmission({ ...base, anonymous: "NO" });
    expect(parsed).toMatchObject({
      ok: false,
      fieldErrors: { workingName: "thirdParty.errors.workingName" },
    });
  });

  it("needs the anonymity choice and the wish, and gives every error at once with the values back", () => {
    const parsed = parseSubmission({
      unitId: UNIT,
      idempotencyKey: KEY,
      area: "Docks",
      incidentTypes: ["ROBBERY"],
    });
    expect(parsed).toMatchObject({
      ok: false,
      values: { area: "Docks", incidentTypes: ["ROBBERY"] },
      fieldErrors: { anonymous: "thirdParty.errors.anonymous", wish: "thirdParty.errors.wish" },
    });
  });

  it("uses the intake's rules: an exact date is needed when the date is known, phone numbers must be numbers", () => {
    const parsed = parseSubmission({ ...base, whenKnown: "EXACT", phoneNumbers: "not a phone" });
    expect(parsed).toMatchObject({
      ok: false,
      fieldErrors: {
        incidentDate: "intake.errors.incidentDate",
        phoneNumbers: "intake.errors.identifier.PHONE_NUMBER",
      },
    });
  });

  it("refuses fields the form does not own, such as a status or a report id", () => {
    expect(parseSubmission({ ...base, status: "REPORT_OPENED" })).toMatchObject({
      ok: false,
      fieldErrors: { unitId: "thirdParty.errors.unknownField" },
    });
  });

  it("refuses a missing or malformed unit or idempotency key", () => {
    expect(parseSubmission({ ...base, unitId: "x" }).ok).toBe(false);
    expect(parseSubmission({ ...base, idempotencyKey: "" }).ok).toBe(false);
  });
});

describe("triage", () => {
  it("needs a person for an existing person, and a reason when no report is opened", () => {
    expect(triageSchema.safeParse({ decision: "EXISTING_PERSON" }).success).toBe(false);
    expect(triageSchema.safeParse({ decision: "NOT_OPENED", notOpenedReason: "  " }).success).toBe(false);
    expect(triageSchema.safeParse({ decision: "NEW_PERSON" }).success).toBe(true);
    expect(triageSchema.safeParse({ decision: "NEW_PERSON", status: "CLOSED" }).success).toBe(false);
  });

  it("maps the partner's wish onto what the report says the person wants", () => {
    expect(WISH_TO_WANTS).toEqual({
      INTELLIGENCE_ONLY: "INTELLIGENCE_ONLY",
      CONTACT_THROUGH_PARTNER: "ANONYMOUS_CONTACT",
      FULL_INVESTIGATION: "FULL_INVESTIGATION",
    });
  });
});

describe("safeguarding in a partner's report", () => {
  it("asks the intake's age and safeguarding signs, but not the unit's own referral questions", () => {
    expect(PARTNER_QUESTION_NAMES).toEqual(
      expect.arrayContaining(["immediateDanger", "ageBand", "dateOfBirth", "safeguardingSigns"]),
    );
    expect(PARTNER_QUESTION_NAMES[0]).toBe("immediateDanger");
    expect(PARTNER_QUESTION_NAMES).not.toContain("childReferralMade");
    expect(LIST_FIELDS).toEqual(["safeguardingSigns", "incidentTypes"]);
  });

  it("raises the child concern for under 18, whatever the wish, and keeps the wish as given", () => {
    const parsed = parseSubmission({ ...base, ageBand: "UNDER_18" });
    expect(parsed).toMatchObject({
      ok: true,
      data: { wish: "INTELLIGENCE_ONLY", concerns: ["CHILD_AT_RISK"] },
    });
    const adult = parseSubmission({ ...base, ageBand: "AGE_18_24" });
    expect(adult).toMatchObject({ ok: true, data: { concerns: [] } });
  });

  it("counts a date of birth under 18 on the incident day as a child, as the intake does", () => {
    const about = { ageBand: "", dateOfBirth: "2008-03-01" };
    const signs = { safeguardingSigns: [] };
    const on = (incidentDate: string) =>
      partnerConcerns(about, signs, { whenKnown: "EXACT", incidentDate, periodFrom: "" }, "2026-12-01");
    expect(on("2026-02-28")).toEqual(["CHILD_AT_RISK"]);
    expect(on("2026-03-01")).toEqual([]);
  });

  it("raises the adult at risk and modern slavery concerns from the signs ticked", () => {
    const parsed = parseSubmission({ ...base, safeguardingSigns: ["MODERN_SLAVERY"] });
    expect(parsed).toMatchObject({ ok: true, data: { concerns: ["MODERN_SLAVERY"] } });
  });
});

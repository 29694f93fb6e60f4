import { describe, expect, it } from "vitest";
import { parseSafeguarding } from "./schema";

describe("the safeguarding form", () => {
  it("keeps only the answer that matches the referral choice", () => {
    expect(
      parseSafeguarding({
        concern: "CHILD_AT_RISK",
        referralMade: "no",
        referredTo: "x",
        notMadeReason: " Already referred ",
      }),
    ).toEqual({
      ok: true,
      input: {
        concern: "CHILD_AT_RISK",
        referralMade: false,
        referredTo: null,
        notMadeReason: "Already referred",
      },
    });
  });

  it("refuses fields it does not own", () => {
    expect(
      parseSafeguarding({ concern: "CHILD_AT_RISK", referralMade: "yes", referredTo: "CSC", unitId: "x" }),
    ).toEqual({
      ok: false,
      fieldErrors: {},
      formError: "caseSafeguarding.errors.unknownField",
    });
  });

  it("refuses an answer other than yes or no", () => {
    expect(parseSafeguarding({ concern: "ADULT_AT_RISK", referralMade: "maybe" })).toEqual({
      ok: false,
      fieldErrors: { referralMade: "caseSafeguarding.errors.referralMade" },
    });
  });
});

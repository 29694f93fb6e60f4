import { describe, it, expect } from "vitest";
import { IdentifierKind } from "@/lib/generated/prisma/enums";
import {
  normaliseHandle,
  normaliseIdentifier,
  normalisePhoneNumber,
  normaliseRegistration,
} from "./normalise";

describe("vehicle registrations", () => {
  it("links a plate typed with spaces, dashes or lower case to the same car", () => {
    const typed = ["ab12 cde", "AB12CDE", "AB12-CDE", " Ab12.cde ", "a b 1 2 c d e"];
    for (const value of typed) expect(normaliseRegistration(value)).toBe("AB12CDE");
  });

  it("keeps different plates apart", () => {
    expect(normaliseRegistration("AB12 CDE")).not.toBe(normaliseRegistration("AB12 CDF"));
  });

  it("folds full-width characters pasted from a phone into plain ones", () => {
    expect(normaliseRegistration("ＡＢ１２ ＣＤＥ")).toBe("AB12CDE");
  });

  it("refuses a registration with no letters or digits", () => {
    expect(normaliseRegistration("  - . ")).toBeNull();
    expect(normaliseRegistration("")).toBeNull();
  });
});

describe("phone numbers", () => {
  it("turns a UK mobile in national form into international form", () => {
    expect(normalisePhoneNumber("07700 900123")).toBe("+447700900123");
    expect(normalisePhoneNumber("07700-900-123")).toBe("+447700900123");
  });

  it("drops the bracketed trunk zero that people write after +44", () => {
    expect(normalisePhoneNumber("+44 (0)7700 900123")).toBe("+447700900123");
    expect(normalisePhoneNumber("+44(0) 7700 900123")).toBe("+447700900123");
    expect(normalisePhoneNumber("+44 07700 900123")).toBe("+447700900123");
  });

  it("drops a bracketed trunk zero after other country codes too", () => {
    expect(normalisePhoneNumber("+353 (0)87 123 4567")).toBe("+353871234567");
  });

  it("reads a 00 international prefix as +", () => {
    expect(normalisePhoneNumber("0044 7700 900123")).toBe("+447700900123");
    expect(normalisePhoneNumber("00353 87 123 4567")).toBe("+353871234567");
  });

  it("keeps a number that is already international", () => {
    expect(normalisePhoneNumber("+447700900123")).toBe("+447700900123");
    expect(normalisePhoneNumber("+1 (415) 555-0100")).toBe("+14155550100");
  });

  it("links every way of typing the same UK number to one value", () => {
    const typed = ["07700 900123", "+44 (0)7700 900123", "0044 7700 900123", "447700900123", "7700 900123"];
    expect(new Set(typed.map(normalisePhoneNumber))).toEqual(new Set(["+447700900123"]));
  });

  it("keeps a UK landline with a bracketed area code", () => {
    expect(normalisePhoneNumber("(029) 2018 0123")).toBe("+442920180123");
  });

  it("refuses a number with too few digits to be whole", () => {
    expect(normalisePhoneNumber("900123")).toBeNull();
    expect(normalisePhoneNumber("07700 90")).toBeNull();
    expect(normalisePhoneNumber("+44")).toBeNull();
    expect(normalisePhoneNumber("+353 12")).toBeNull();
    expect(normalisePhoneNumber("")).toBeNull();
  });

  it("refuses input that is not a phone number at all", () => {
    expect(normalisePhoneNumber("ask at the desk")).toBeNull();
    expect(normalisePhoneNumber("07700 900123 ext 4")).toBeNull();
    expect(normalisePhoneNumber("07700+900123")).toBeNull();
    expect(normalisePhoneNumber("+1234567890123456")).toBeNull();
  });

  it("does not guess the country of a bare number that is not UK-shaped", () => {
    expect(normalisePhoneNumber("4155550100")).toBeNull();
  });
});

describe("online handles", () => {
  it("links a handle typed with @, capitals or stray spaces to the same account", () => {
    const typed = ["@Dave_Nights", "dave_nights", "  @DAVE_NIGHTS ", "@@dave_nights"];
    for (const value of typed) expect(normaliseHandle(value)).toBe("dave_nights");
  });

  it("keeps dots and digits that make handles different", () => {
    expect(normaliseHandle("@dave.nights")).not.toBe(normaliseHandle("@dave_nights"));
    expect(normaliseHandle("dave2")).toBe("dave2");
  });

  it("refuses a handle that is only an @ sign", () => {
    expect(normaliseHandle(" @ ")).toBeNull();
  });
});

describe("normaliseIdentifier", () => {
  it("applies the rule that belongs to each kind of identifier", () => {
    expect(normaliseIdentifier(IdentifierKind.VEHICLE_REGISTRATION, "ab12 cde")).toBe("AB12CDE");
    expect(normaliseIdentifier(IdentifierKind.PHONE_NUMBER, "07700 900123")).toBe("+447700900123");
    expect(normaliseIdentifier(IdentifierKind.ONLINE_HANDLE, "@Dave_Nights")).toBe("dave_nights");
  });

  it("does not treat a handle that looks like a phone number as a phone number", () => {
    expect(normaliseIdentifier(IdentifierKind.ONLINE_HANDLE, "07700900123")).toBe("07700900123");
  });
});

import { describe, expect, it } from "vitest";
import { isCommonPassword, passwordLength, passwordProblem } from "./password-policy";

describe("the password policy", () => {
  it("asks for at least 12 characters, counted as a person sees them", () => {
    expect(passwordProblem("short pass1")).toBe("too-short");
    expect(passwordProblem("lighthouse kettle")).toBeNull();
    // Twelve accented letters, each written as a letter plus a combining accent.
    const accented = "e\u0301".repeat(12);
    expect(passwordLength(accented)).toBe(12);
    expect(passwordProblem("é".repeat(11))).toBe("too-short");
  });
  it("has no composition rules: a long passphrase of plain words is fine", () => {
    expect(passwordProblem("harbour lantern biscuit")).toBeNull();
  });
  it("refuses common and breached passwords from the bundled list, however decorated", () => {
    for (const p of [
      "qwertyuiop123",
      "1qaz2wsx3edc",
      "123456789qwe",
      "Password123456",
      "!!football2024!",
      "monkeymonkey",
      "aaaaaaaaaaaaaa",
      "abcabcabcabc",
    ])
      expect([p, passwordProblem(p)]).toEqual([p, "common"]);
    expect(isCommonPassword("harbour lantern biscuit")).toBe(false);
  });
  it("refuses the user's own email or name as a password", () => {
    const context = { email: "jane.officer@police.example", name: "Jane Officer" };
    expect(passwordProblem("jane.officer@police.example", context)).toBe("personal");
    expect(passwordProblem("janeofficer2026", context)).toBe("personal");
    expect(passwordProblem("jane officer's lantern", context)).toBeNull();
  });
  it("refuses absurdly long input before hashing it", () => {
    expect(passwordProblem("x".repeat(300))).toBe("too-long");
  });
});
